"""Events learning handles from matching and billing (published here as they will be)."""

import time
from decimal import Decimal

from kombu import Connection

from services.learning.models import coverage_gaps, endorsements, fund_contributions, inbox
from tests.integration.learning.conftest import new_id
from tests.support.waiting import eventually


def test_a_clients_check_in_endorses_and_with_a_colleague_verifies(
        learning, known_member, worked_together, publish, tap, count_rows):
    senior, junior = known_member("Senior", python=5), known_member("Junior", python=2)
    client_id = new_id()
    project_id = worked_together(senior, junior, client_id=client_id)
    learning.endorse_skill(junior, {"endorser_id": senior, "skill": "python", "level": 4})
    checkin = publish("matching", "checkin_recorded", {
        "checkin_id": new_id(), "project_id": project_id, "client_id": client_id,
        "recorded_on": "2026-03-02", "rating": 5, "comment": "Great sprint.",
        "member_ids": [senior, junior],
        "endorsements": [{"member_id": junior, "skill": "python", "level": 4,
                          "comment": "Owned the data migration."}]})
    verified = tap.wait_for("skill_verified", junior)[0]["data"]
    assert verified["level"] == 4
    given = tap.wait_for("endorsement_given", junior, count=2)[1]["data"]
    assert (given["endorser_kind"], given["endorser_id"], given["basis"]) == (
        "client", client_id, "checkin")
    assert "comment" not in given
    page = learning.list_endorsements({"member_id": junior})
    assert sorted(e["endorser_kind"] for e in page["items"]) == ["client", "member"]
    assert count_rows(inbox, inbox.c.event_id == checkin["id"]) == 1
    assert count_rows(endorsements, endorsements.c.member_id == junior) == 2


def test_projects_and_coverage_gaps_feed_the_skill_gap_report(learning, known_member, publish,
                                                              count_rows):
    skill = f"cobol-{new_id()[:6]}"
    known_member("Veteran", **{skill: 3})
    project_id = new_id()
    publish("matching", "project_created", {
        "project_id": project_id, "client_id": new_id(), "name": "Mainframe exit",
        "starts_on": "2026-04-01", "ends_on": "2026-12-31",
        "roles": [{"skill": skill, "min_level": 4, "hours_per_week": "32.00", "count": 2}]})
    publish("matching", "coverage_gap_detected", {
        "project_id": project_id, "client_id": new_id(), "skill": skill, "min_level": 4,
        "unfilled_seats": 1, "from_week": "2026-W14", "to_week": "2026-W20"})
    eventually(lambda: count_rows(coverage_gaps, coverage_gaps.c.skill == skill) == 1,
               timeout=5)
    report = learning.skill_gap_report({"top": 50})
    row = next(r for r in report["skills"] if r["skill"] == skill)
    assert (row["seats_demanded"], row["seats_unfilled"], row["members_at_level"],
            row["shortage"]) == (2, 1, 0, 2)
    assert skill in [r["skill"] for r in report["develop_first"]]


def test_development_fund_contributions_are_counted_once(learning, publish, count_rows):
    before = learning.get_development_fund()
    contribution = {"contribution_id": f"posting-{new_id()}", "member_id": None, "year": 2026,
                    "amount": "1250.50", "currency": "EUR", "booked_on": "2026-03-31"}
    publish("billing", "development_fund_contributed", contribution)
    publish("billing", "development_fund_contributed", contribution)  # a second posting event
    eventually(lambda: count_rows(fund_contributions, fund_contributions.c.contribution_id
                                  == contribution["contribution_id"]) == 1, timeout=5)
    time.sleep(0.5)
    after = learning.get_development_fund()
    assert Decimal(after["contributed"]) - Decimal(before["contributed"]) == Decimal("1250.50")


def parked(amqp_uri: str, queue: str) -> int:
    with Connection(amqp_uri) as connection:
        return connection.default_channel.queue_declare(queue, passive=True).message_count


def test_a_malformed_event_is_parked_not_applied(learning, publish, amqp_uri, count_rows):
    bad = publish("billing", "development_fund_contributed", {
        "contribution_id": "x", "year": 2026, "amount": 12.345, "booked_on": "2026-03-31"})
    queue = ("evt-billing-development_fund_contributed--learning."
             "on_development_fund_contributed.parked")
    assert eventually(lambda: parked(amqp_uri, queue), timeout=5) >= 1
    assert count_rows(inbox, inbox.c.event_id == bad["id"]) == 0
