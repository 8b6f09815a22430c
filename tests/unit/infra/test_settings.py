"""Settings that are whole numbers: unset is the default, anything else than a whole
number at or above the minimum stops the process at start with the setting named."""

from datetime import timedelta

import pytest

from infra import config


def test_handled_events_are_remembered_ninety_days_by_default(monkeypatch):
    monkeypatch.delenv("INBOX_RETENTION_DAYS", raising=False)
    assert config.inbox_retention() == timedelta(days=90)
    monkeypatch.setenv("INBOX_RETENTION_DAYS", "30")
    assert config.inbox_retention() == timedelta(days=30)
    assert config.inbox_retention(" 14 ") == timedelta(days=14)  # the nameko config wins


@pytest.mark.parametrize("days", ["6", "0", "-1", "ninety", "7.5", True])
def test_a_retention_shorter_than_a_week_or_no_number_is_refused(days):
    with pytest.raises(ValueError, match="INBOX_RETENTION_DAYS must be a whole number of "
                                         "days, 7 or more"):
        config.inbox_retention(days)


def test_a_leads_contact_person_is_kept_a_year_at_most(monkeypatch):
    monkeypatch.delenv("LEAD_CONTACT_RETENTION_DAYS", raising=False)
    assert config.lead_contact_retention() == timedelta(days=365)
    monkeypatch.setenv("LEAD_CONTACT_RETENTION_DAYS", "90")
    assert config.lead_contact_retention() == timedelta(days=90)
    assert config.lead_contact_retention("1") == timedelta(days=1)  # the nameko config wins


@pytest.mark.parametrize("days", ["366", "0", "-1", "a year", "30.5", True])
def test_a_lead_contact_retention_beyond_the_websites_promise_is_refused(days):
    with pytest.raises(ValueError, match="LEAD_CONTACT_RETENTION_DAYS must be a whole number "
                                         "of days from 1 to 365"):
        config.lead_contact_retention(days)
