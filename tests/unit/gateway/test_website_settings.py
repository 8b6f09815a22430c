"""The website's settings are read once, when the gateway starts: a wrong value stops it
there with the setting named, rather than failing on a visitor's first form."""

from types import SimpleNamespace

import pytest

from gateway.website.csrf import DEFAULT_MAX_AGE
from gateway.website.kit import WebsiteKit

SECRET = "s" * 32


def started_kit(monkeypatch, environ=(), **config) -> WebsiteKit:
    for name in ("WEBSITE_CSRF_MAX_AGE", "WEBSITE_FORM_RATE_LIMIT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in dict(environ).items():
        monkeypatch.setenv(name, value)
    kit = WebsiteKit()
    kit.container = SimpleNamespace(config={"WEBSITE_SECRET": SECRET,
                                            "RATE_LIMIT_STORAGE_URL": "memory://", **config})
    kit.setup()
    return kit


def test_by_default_a_form_stays_valid_two_hours_and_takes_five_posts_a_minute(monkeypatch):
    kit = started_kit(monkeypatch)
    assert kit.csrf.max_age == DEFAULT_MAX_AGE == 7200
    assert (kit.form_rate_limit.limit.amount, kit.form_rate_limit.limit.GRANULARITY.name) == (
        5, "minute")


def test_the_settings_come_from_the_config_or_else_the_environment(monkeypatch):
    assert started_kit(monkeypatch, WEBSITE_CSRF_MAX_AGE=" 900 ").csrf.max_age == 900
    from_environment = started_kit(monkeypatch, {"WEBSITE_CSRF_MAX_AGE": "3600",
                                                 "WEBSITE_FORM_RATE_LIMIT": "20/hour"})
    assert from_environment.csrf.max_age == 3600
    assert from_environment.form_rate_limit.limit.amount == 20


@pytest.mark.parametrize("max_age", ["two hours", "-1", "7200.5", "299", "0", True])
def test_a_form_lifetime_that_is_no_whole_number_of_minutes_stops_the_gateway(monkeypatch,
                                                                              max_age):
    with pytest.raises(ValueError, match="WEBSITE_CSRF_MAX_AGE must be a whole number of "
                                         "seconds, 300 or more"):
        started_kit(monkeypatch, WEBSITE_CSRF_MAX_AGE=max_age)


@pytest.mark.parametrize("limit", ["five a minute", "-1/minute", "5/fortnight"])
def test_a_form_rate_limit_that_is_no_rate_stops_the_gateway(monkeypatch, limit):
    with pytest.raises(ValueError, match="WEBSITE_FORM_RATE_LIMIT must be a rate"):
        started_kit(monkeypatch, WEBSITE_FORM_RATE_LIMIT=limit)
