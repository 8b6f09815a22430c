"""The introduction, the check-in rhythm, ratings and relationship health."""

from datetime import UTC, date, datetime, timedelta

import pytest

from services.matching.domain.errors import CheckinAlreadyRated
from services.matching.domain.meetings import (
    CHECKIN,
    INTRODUCTION,
    checkin_days,
    introduction_day,
    plan_meetings,
    relationship_health,
)

NOW = datetime(2027, 1, 1, tzinfo=UTC)


def test_the_introduction_is_the_working_day_before_the_start():
    assert introduction_day(date(2026, 11, 24), date(2027, 1, 4)) == date(2027, 1, 1)


def test_the_introduction_is_never_before_the_next_working_day_after_acceptance():
    # accepted on Friday, project starts Monday: the introduction is that Monday
    assert introduction_day(date(2027, 1, 1), date(2027, 1, 4)) == date(2027, 1, 4)
    # a project that already started: the next working day
    assert introduction_day(date(2027, 2, 3), date(2027, 1, 4)) == date(2027, 2, 4)


def test_checkins_fall_every_n_weeks_on_working_days_until_the_end():
    days = checkin_days(date(2027, 1, 4), date(2027, 3, 31), every_weeks=4)
    assert days == [date(2027, 2, 1), date(2027, 3, 1), date(2027, 3, 29)]
    assert checkin_days(date(2027, 1, 2), date(2027, 1, 31), every_weeks=2) == [
        date(2027, 1, 18)]  # 16 January is a Saturday: moved to Monday


def test_every_team_member_and_the_client_contact_attend():
    planned = plan_meetings("p", date(2027, 1, 4), date(2027, 3, 31), 4, date(2026, 12, 1),
                            "Ilse de Boer", ["m1", "m2"])
    assert [m.kind for m in planned] == [INTRODUCTION, CHECKIN, CHECKIN, CHECKIN]
    assert planned[0].attendees == ("client contact: Ilse de Boer", "m1", "m2")


def test_each_side_rates_a_checkin_once():
    checkin = plan_meetings("p", date(2027, 1, 4), date(2027, 3, 31), 4, date(2026, 12, 1),
                            "Ilse", ["m1"])[1]
    checkin.rate("client", None, 4, "Goed", (), NOW)
    checkin.rate("member", "m1", 5, "Fijn", (), NOW)
    with pytest.raises(CheckinAlreadyRated):
        checkin.rate("client", None, 2, "again", (), NOW)
    assert checkin.client_rating == 4


def test_health_averages_both_sides_shows_the_trend_and_counts_overdue_checkins():
    meetings = plan_meetings("p", date(2027, 1, 4), date(2027, 6, 30), 4, date(2026, 12, 1),
                             "Ilse", ["m1", "m2"])
    first, second, third = meetings[1:4]
    first.rate("client", None, 3, "", (), NOW)
    first.rate("member", "m1", 4, "", (), NOW)
    second.rate("client", None, 5, "", (), NOW)
    second.rate("member", "m2", 5, "", (), NOW)
    health = relationship_health(meetings, today=third.scheduled_on + timedelta(days=1))
    assert (health.client_average, health.members_average) == (4.0, 4.5)
    assert health.client_trend == 2
    assert health.rated_checkins == 2
    assert health.overdue_checkins == 1  # the third is past and not rated
    assert health.next_meeting == meetings[4]
