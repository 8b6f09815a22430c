"""Matching keeps candidates from members' events: two real services, one real broker."""

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from kombu import Connection
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from infra.db import make_engine
from infra.errors import NotFound
from infra.topology import declare, handler_queues
from services.matching.domain.candidate import (
    Candidate,
    CandidateSkill,
    MemberCapacity,
    UnavailablePeriod,
)
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.repository import SqlCandidateRepository
from services.matching.service import MatchingService
from services.members.service import MembersService
from tests.support.waiting import eventually

TODAY = datetime.now(UTC).date()
NEXT_WEEK = IsoWeek.of(TODAY).plus(1)
NEXT_MONDAY = NEXT_WEEK.monday


def new_details(**overrides) -> dict:
    return {
        "name": "Mehmet Yilmaz",
        "email": f"mehmet-{uuid.uuid4().hex[:8]}@example.nl",
        "kvk_number": "70000002",
        "btw_id": "NL100039595B01",
        "iban": "NL02ABNA0123456789",
        "city": "Rotterdam",
        **overrides,
    }


@pytest.fixture
def services(run_services, rpc):
    run_services(MembersService, MatchingService)
    return rpc


def candidate_at(rpc, member: dict) -> dict:
    """Matching's candidate once it has caught up with `member`'s version."""
    return eventually(
        lambda: (found := rpc.matching.get_candidate(member["id"]))["version"]
        >= member["version"] and found,
        timeout=5,
    )


def make_active(rpc) -> dict:
    """A new active member, as the coop's rules allow in a database shared by the session:
    two active members sponsor the newcomer, or the newcomer is a founder."""
    member = rpc.members.create_member(new_details())
    active = rpc.members.list_members({"status": "active", "limit": 2})["items"]
    if len(active) == 2:
        for sponsor in active:
            rpc.members.sponsor_applicant(member["id"], sponsor["id"], TODAY.isoformat(),
                                          "We had coffee.")
    return rpc.members.activate_member(member["id"])


def test_a_created_member_appears_in_matchings_read_model_within_2_seconds(run_services, rpc):
    run_services(MembersService, MatchingService)
    member = rpc.members.create_member(new_details())
    candidate = eventually(lambda: rpc.matching.get_candidate(member["id"]), timeout=2)
    assert candidate["name"] == "Mehmet Yilmaz"
    assert candidate["city"] == "Rotterdam"
    assert candidate["version"] == 1


def test_an_updated_member_is_updated_in_the_read_model(run_services, rpc):
    run_services(MembersService, MatchingService)
    member = rpc.members.create_member(new_details())
    rpc.members.update_member(member["id"], {"city": "Delft", "hourly_rate": "99.50"})
    candidate = eventually(
        lambda: (found := rpc.matching.get_candidate(member["id"]))["version"] == 2 and found
    )
    assert (candidate["city"], candidate["hourly_rate"]) == ("Delft", "99.50")


def test_skills_and_languages_reach_the_read_model(services):
    member = services.members.create_member(new_details(languages=["nl", "tr"]))
    member = services.members.set_skills(member["id"], [
        {"skill": "python", "level": 4, "years_experience": 6},
        {"skill": "rust", "level": 2, "wants_to_grow": True},
    ])
    candidate = candidate_at(services, member)
    assert candidate["languages"] == ["nl", "tr"]
    assert candidate["skills"] == [
        {"skill": "python", "level": 4, "verified_level": None, "wants_to_grow": False,
         "years_experience": 6},
        {"skill": "rust", "level": 2, "verified_level": None, "wants_to_grow": True,
         "years_experience": None},
    ]
    assert candidate["left_on"] is None


def test_capacity_and_unavailability_give_the_same_hours_as_members(services):
    member = services.members.create_member(new_details())
    weeks = (str(NEXT_WEEK), str(NEXT_WEEK.plus(1)))
    services.members.change_capacity(member["id"], {
        "default_weekly_hours": "32", "overrides": {weeks[1]: "16.5"}})
    period = services.members.add_unavailability(member["id"], {
        "kind": "holiday", "starts_on": NEXT_MONDAY.isoformat(),
        "ends_on": (NEXT_MONDAY + timedelta(days=1)).isoformat()})

    expected = {"member_id": member["id"], "weeks": [{"week": weeks[0], "hours": "19.20"},
                                                     {"week": weeks[1], "hours": "16.50"}]}
    assert eventually(lambda: availability(services, member, *weeks) == expected, timeout=5)
    in_members = services.members.availability([member["id"]], *weeks)["hours"][member["id"]]
    assert in_members == ["19.20", "16.50"]

    services.members.remove_unavailability(member["id"], period["id"])
    assert eventually(
        lambda: availability(services, member, *weeks)["weeks"][0]["hours"] == "32.00",
        timeout=5)


def test_a_member_without_capacity_has_no_hours(services):
    member = services.members.create_member(new_details())
    candidate_at(services, member)
    assert availability(services, member, str(NEXT_WEEK), str(NEXT_WEEK))["weeks"] == [
        {"week": str(NEXT_WEEK), "hours": "0.00"}]


def test_suspension_leaving_and_erasure_reach_the_read_model(services):
    member = make_active(services)
    services.members.change_capacity(member["id"], {"default_weekly_hours": "40"})
    assert candidate_at(services, member)["status"] == "active"

    suspended = services.members.suspend_member(member["id"], "Unpaid contribution")
    assert candidate_at(services, suspended)["status"] == "suspended"

    wednesday = NEXT_MONDAY + timedelta(days=2)
    left = services.members.give_notice(member["id"], wednesday.isoformat())
    candidate = candidate_at(services, left)
    assert (candidate["status"], candidate["left_on"]) == ("left", wednesday.isoformat())
    weeks = availability(services, member, str(NEXT_WEEK), str(NEXT_WEEK.plus(1)))["weeks"]
    assert [week["hours"] for week in weeks] == ["24.00", "0.00"]

    erased = services.members.erase_member(member["id"])
    candidate = candidate_at(services, erased)
    assert (candidate["status"], candidate["skills"]) == ("erased", [])


def test_availability_of_an_unknown_member_is_not_found(services):
    with pytest.raises(NotFound):
        services.matching.candidate_availability(str(uuid.uuid4()), "2026-W48", "2026-W48")


def test_events_published_before_matching_ever_ran_are_not_lost(run_services, rpc, amqp_uri):
    # run_services declares matching's queues first, as `deploy.declare_queues` does at deploy
    declare(handler_queues(MatchingService, {"AMQP_URI": amqp_uri}), amqp_uri)
    run_services(MembersService)
    member = rpc.members.create_member(new_details())
    waiting = eventually(lambda: queued_messages(amqp_uri, CREATED_QUEUE), timeout=5)
    assert waiting >= 1

    run_services(MatchingService)
    assert eventually(lambda: rpc.matching.get_candidate(member["id"]), timeout=5)


CREATED_QUEUE = "evt-members-member_created--matching.on_member_created"


def queued_messages(amqp_uri: str, queue: str) -> int:
    with Connection(amqp_uri) as connection:
        return connection.default_channel.queue_declare(queue, passive=True).message_count


def availability(rpc, member: dict, from_week: str, to_week: str) -> dict:
    return rpc.matching.candidate_availability(member["id"], from_week, to_week)


# --- The SQL repository itself: what proposing a team reads ------------------------------


@pytest.fixture
def repository(database_urls):
    """The candidate repository in a transaction that is rolled back afterwards."""
    engine = make_engine(database_urls["matching"])
    statements = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    session = Session(engine)
    repository = SqlCandidateRepository(session)
    repository.statements = statements
    yield repository
    session.rollback()
    session.close()
    engine.dispose()


def a_candidate(skill: str, version: int = 1, **changes) -> Candidate:
    values = {"member_id": str(uuid.uuid4()), "version": version, "name": "Fleur",
              "city": None, "introduction": "", "hourly_rate": Decimal("80.00"),
              "status": "active", "skills": (CandidateSkill(skill, 3, verified_level=4),),
              "languages": ("nl",), **changes}
    return Candidate(**values)


def test_the_pool_reads_candidates_with_capacity_and_live_periods_in_five_queries(repository):
    skill, other_skill = f"pool-{uuid.uuid4().hex[:8]}", f"other-{uuid.uuid4().hex[:8]}"
    with_hours, without_hours = a_candidate(skill), a_candidate(skill, left_on=TODAY)
    repository.put(with_hours)
    repository.put(without_hours)
    repository.put(a_candidate(other_skill))
    week = IsoWeek(2027, 3)
    repository.put_capacity(MemberCapacity(with_hours.member_id, 2, Decimal("32.00"),
                                           {week: Decimal("8.50")}))
    live = UnavailablePeriod(with_hours.member_id, str(uuid.uuid4()), 3, date(2027, 1, 18),
                             date(2027, 1, 19))
    repository.put_period(live)
    repository.put_period(UnavailablePeriod(with_hours.member_id, str(uuid.uuid4()), 4,
                                            date(2027, 2, 1), date(2027, 2, 2), removed=True))

    repository.statements.clear()
    pool = {record.candidate.member_id: record for record in repository.pool([skill, "cobol"])}
    assert len(repository.statements) == 5
    assert set(pool) == {with_hours.member_id, without_hours.member_id}
    assert pool[with_hours.member_id].candidate == with_hours
    assert pool[with_hours.member_id].capacity.overrides == {week: Decimal("8.50")}
    assert pool[with_hours.member_id].periods == (live,)
    assert pool[without_hours.member_id].capacity == MemberCapacity.none_yet(
        without_hours.member_id)
    assert repository.records([with_hours.member_id, str(uuid.uuid4())]) == {
        with_hours.member_id: pool[with_hours.member_id]}


def test_a_newer_version_stored_meanwhile_is_never_overwritten(repository):
    newer = a_candidate("python", version=5)
    repository.put(newer)
    with pytest.raises(IntegrityError):  # the unit of work makes it a Conflict: retried
        repository.put(a_candidate("python", version=4, member_id=newer.member_id))
