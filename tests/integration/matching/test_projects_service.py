"""Projects, proposals, acceptance, check-ins and continuity: real members and matching
services on a real broker and database, every event matching publishes about them."""

import pytest

from infra.errors import Conflict, Invalid, NotFound, ServiceError
from tests.support.waiting import eventually


def role(skill, level=3, hours="24", seats=1, **more) -> dict:
    return {"skill": skill, "minimum_level": level, "hours_per_week": hours, "seats": seats,
            **more}


def error_of(call) -> ServiceError:
    with pytest.raises(ServiceError) as raised:
        call()
    return raised.value


def test_a_new_project_is_published_with_its_roles(coop, tap):
    skill = coop.new_skill()
    client = coop.client()
    project = coop.project(client, [role(skill, seats=2)])
    assert (project["status"], project["version"]) == ("draft", 1)
    [event] = tap.wait_for("project_created", project_id=project["id"])
    assert event["data"]["client_id"] == client
    assert event["data"]["roles"] == [{
        "role_id": project["roles"][0]["id"], "skill": skill, "min_level": 3, "count": 2,
        "hours_per_week": "24.00", "nice_to_have": []}]


def test_a_role_with_an_unknown_skill_is_refused_and_nothing_is_stored(coop):
    client = coop.client()
    error = error_of(lambda: coop.project(client, [role("no-such-skill-anywhere")]))
    assert isinstance(error, Invalid)
    assert [e["field"] for e in error.errors] == ["roles[0].skill"]
    assert coop.rpc.matching.list_projects({"client_id": client})["items"] == []


def test_a_proposal_fills_every_seat_with_a_primary_and_a_different_backup(coop, tap):
    skill = coop.new_skill()
    members = [coop.member(name, {skill: level}) for name, level in
               (("Ada", 5), ("Bob", 4), ("Cas", 3), ("Dee", 3))]
    project = coop.project(coop.client(), [role(skill, seats=2)])
    proposal = coop.rpc.matching.propose_team(project["id"])
    seats = proposal["best"]["seats"]
    assert len(seats) == 2 and proposal["best"]["gaps"] == []
    primaries = {seat["primary"] for seat in seats}
    backups = {seat["backup"]["member_id"] for seat in seats}
    assert primaries | backups <= set(members) and not primaries & backups
    assert all(seat["explanation"]["why"] for seat in seats)
    assert proposal["mode"] == "exact" and proposal["status"] == "open"
    assert coop.rpc.matching.get_project(project["id"])["status"] == "proposed"
    [event] = tap.wait_for("team_proposed", project_id=project["id"])
    assert set(event["data"]["member_ids"]) == primaries


def test_a_seat_nobody_can_take_is_explained_not_left_silently(coop):
    skill = coop.new_skill()
    coop.member("Eva", {skill: 2})
    project = coop.project(coop.client(), [role(skill, level=4)])
    [gap] = coop.rpc.matching.propose_team(project["id"])["best"]["gaps"]
    assert gap["skill"] == skill and gap["reason"] == "no_skill"


def test_accepting_books_the_team_plans_the_meetings_and_tells_billing(coop, tap):
    skill = coop.new_skill()
    ada = coop.member("Ada", {skill: 5}, rate="95.00")
    coop.member("Bob", {skill: 4})
    project = coop.project(coop.client(), [role(skill)])
    proposal = coop.rpc.matching.propose_team(project["id"])
    team = coop.rpc.matching.accept_proposal(proposal["id"])
    [assignment] = team["assignments"]
    assert (assignment["member_id"], assignment["hourly_rate"]) == (ada, "95.00")
    assert (assignment["starts_on"], assignment["ends_on"]) == ("2027-01-04", "2027-02-26")
    assert coop.rpc.matching.get_project(project["id"])["status"] == "accepted"
    [confirmed] = tap.wait_for("assignment_confirmed", project_id=project["id"])
    assert confirmed["data"]["hourly_rate"] == "95.00"
    assert confirmed["data"]["hours_per_week"] == "24.00"
    tap.wait_for("proposal_accepted", project_id=project["id"])
    meetings = coop.rpc.matching.list_meetings(project["id"])["items"]
    assert meetings[0]["kind"] == "introduction"
    assert meetings[0]["scheduled_on"] == "2027-01-01"  # the working day before the start
    assert ada in meetings[0]["attendees"]
    assert "client contact: Ilse de Boer" in meetings[0]["attendees"]
    assert [m["scheduled_on"] for m in meetings[1:]] == ["2027-02-01"]
    again = error_of(lambda: coop.rpc.matching.accept_proposal(proposal["id"]))
    assert isinstance(again, Conflict)


def test_a_stale_proposal_is_refused_and_double_books_nobody(coop):
    skill = coop.new_skill()
    only = coop.member("Ada", {skill: 4}, hours="40")
    client = coop.client()
    first = coop.project(client, [role(skill, hours="30")])
    second = coop.project(client, [role(skill, hours="30")])
    first_proposal = coop.rpc.matching.propose_team(first["id"])
    second_proposal = coop.rpc.matching.propose_team(second["id"])
    assert second_proposal["best"]["seats"][0]["primary"] == only
    coop.rpc.matching.accept_proposal(first_proposal["id"])
    error = error_of(lambda: coop.rpc.matching.accept_proposal(second_proposal["id"]))
    assert isinstance(error, Conflict) and error.rule == "ProposalIsStale"
    assert "no longer has 30.00 free hours" in error.detail
    assert coop.rpc.matching.get_team(second["id"])["assignments"] == []
    assert coop.rpc.matching.get_project(second["id"])["status"] == "proposed"


def test_two_acceptances_racing_for_the_same_hours_book_them_once(coop):
    skill = coop.new_skill()
    coop.member("Ada", {skill: 4}, hours="40")
    client = coop.client()
    projects = [coop.project(client, [role(skill, hours="30")]) for _ in range(2)]
    proposals = [coop.rpc.matching.propose_team(p["id"]) for p in projects]
    replies = [coop.rpc.matching.accept_proposal.call_async(p["id"]) for p in proposals]
    outcomes = []
    for reply in replies:
        try:
            outcomes.append(reply.result()["assignments"][0]["member_id"])
        except Conflict as error:
            outcomes.append(error.rule)
    assert sorted(outcomes).count("ProposalIsStale") == 1
    booked = [coop.rpc.matching.get_team(p["id"])["assignments"] for p in projects]
    assert sorted(len(assignments) for assignments in booked) == [0, 1]


def test_a_member_reporting_sick_hands_the_seat_to_the_backup(coop, tap):
    skill = coop.new_skill()
    ada = coop.member("Ada", {skill: 5})
    bob = coop.member("Bob", {skill: 4}, rate="70.00")
    cas = coop.member("Cas", {skill: 3})
    project = coop.project(coop.client(), [role(skill)])
    proposal = coop.rpc.matching.propose_team(project["id"])
    assert proposal["best"]["seats"][0]["primary"] == ada
    backup = proposal["best"]["seats"][0]["backup"]["member_id"]
    coop.rpc.matching.accept_proposal(proposal["id"])
    coop.rpc.members.add_unavailability(ada, {"kind": "sick", "starts_on": "2027-01-18",
                                              "ends_on": "2027-01-29", "reason": "flu"})
    [substituted] = tap.wait_for("assignment_substituted", project_id=project["id"])
    assert substituted["data"]["absent_member_id"] == ada
    assert substituted["data"]["stand_in_member_id"] == backup
    assert substituted["data"]["weeks"] == ["2027-W03", "2027-W04"]
    stand_in = tap.wait_for("assignment_confirmed", project_id=project["id"],
                            member_id=backup)[0]["data"]
    assert (stand_in["starts_on"], stand_in["ends_on"], stand_in["kind"]) == (
        "2027-01-18", "2027-01-31", "stand_in")
    seat = coop.rpc.matching.get_team(project["id"])["seats"][0]
    assert seat["backup"] not in (ada, backup) and seat["backup"] in (bob, cas)
    timeline = coop.rpc.matching.project_timeline(project["id"])["items"]
    told = [entry["summary"] for entry in timeline if entry["kind"] == "assignment_substituted"]
    assert told and "flu" not in told[0] and "sick" not in told[0]


def test_nobody_free_to_cover_is_reported_as_a_coverage_gap(coop, tap):
    skill = coop.new_skill()
    ada = coop.member("Ada", {skill: 5})
    bob = coop.member("Bob", {skill: 4})
    project = coop.project(coop.client(), [role(skill)])
    proposal = coop.rpc.matching.propose_team(project["id"])
    coop.rpc.matching.accept_proposal(proposal["id"])
    coop.rpc.members.add_unavailability(bob, {"kind": "holiday", "starts_on": "2027-01-18",
                                              "ends_on": "2027-01-22"})
    coop.rpc.members.add_unavailability(ada, {"kind": "sick", "starts_on": "2027-01-18",
                                              "ends_on": "2027-01-29"})
    [gap] = tap.wait_for("coverage_gap_detected", project_id=project["id"])
    assert gap["data"]["weeks"] == ["2027-W03"] and gap["data"]["skill"] == skill
    [substituted] = tap.wait_for("assignment_substituted", project_id=project["id"])
    assert substituted["data"]["weeks"] == ["2027-W04"]


def test_checkins_are_rated_by_both_sides_and_published_with_endorsements(coop, tap):
    skill = coop.new_skill()
    ada = coop.member("Ada", {skill: 4})
    outsider = coop.member("Oli", {skill: 2})
    project = coop.project(coop.client(), [role(skill)], checkin_every_weeks=2)
    coop.rpc.matching.accept_proposal(coop.rpc.matching.propose_team(project["id"])["id"])
    checkin = coop.rpc.matching.list_meetings(project["id"])["items"][1]
    coop.rpc.matching.rate_checkin(project["id"], checkin["id"], {
        "by": "client", "rating": 5, "comment": "Great start",
        "endorsements": [{"member_id": ada, "skill": skill, "level": 5}]})
    coop.rpc.matching.rate_checkin(project["id"], checkin["id"],
                                   {"by": "member", "member_id": ada, "rating": 4})
    [event] = tap.wait_for("checkin_recorded", project_id=project["id"], rated_by="client")
    assert event["data"]["member_ids"] == [ada]
    assert event["data"]["endorsements"] == [{"member_id": ada, "skill": skill, "level": 5,
                                              "comment": ""}]
    health = coop.rpc.matching.project_health(project["id"])
    assert (health["client_average"], health["members_average"]) == (5.0, 4.0)
    outside = error_of(lambda: coop.rpc.matching.rate_checkin(
        project["id"], checkin["id"], {"by": "member", "member_id": outsider, "rating": 1}))
    assert isinstance(outside, Invalid)
    twice = error_of(lambda: coop.rpc.matching.rate_checkin(
        project["id"], checkin["id"], {"by": "client", "rating": 1}))
    assert isinstance(twice, Conflict)


def test_cancelling_a_staffed_project_ends_its_assignments(coop, tap):
    skill = coop.new_skill()
    ada = coop.member("Ada", {skill: 4})
    project = coop.project(coop.client(), [role(skill)])
    coop.rpc.matching.accept_proposal(coop.rpc.matching.propose_team(project["id"])["id"])
    cancelled = coop.rpc.matching.cancel_project(project["id"], {"reason": "Budget cut"})
    assert cancelled["status"] == "cancelled"
    [ended] = tap.wait_for("assignment_ended", project_id=project["id"])
    assert ended["data"]["member_id"] == ada
    assert coop.rpc.matching.get_team(project["id"])["assignments"][0]["status"] == "ended"


def test_another_clients_project_and_proposal_are_not_found(coop):
    skill = coop.new_skill()
    coop.member("Ada", {skill: 4})
    mine, theirs = coop.client("Mine BV"), coop.client("Theirs BV")
    project = coop.project(mine, [role(skill)])
    proposal = coop.rpc.matching.propose_team(project["id"], None, mine)
    for call in (lambda: coop.rpc.matching.get_project(project["id"], theirs),
                 lambda: coop.rpc.matching.get_proposal(proposal["id"], theirs),
                 lambda: coop.rpc.matching.accept_proposal(proposal["id"], None, theirs),
                 lambda: coop.rpc.matching.project_timeline(project["id"], theirs)):
        assert isinstance(error_of(call), NotFound)


def test_the_fairness_report_shows_booked_work_per_member(coop):
    skill = coop.new_skill()
    ada = coop.member("Ada", {skill: 4}, hours="40")
    project = coop.project(coop.client(), [role(skill, hours="20")])
    coop.rpc.matching.accept_proposal(coop.rpc.matching.propose_team(project["id"])["id"])
    report = coop.rpc.matching.fairness({"from_week": "2027-W01", "to_week": "2027-W08"})
    mine = next(u for u in report["utilisation"] if u["member_id"] == ada)
    assert mine["utilisation"] == pytest.approx(0.5)
    assert 0 <= report["gini_utilisation"] <= 1


def test_settings_change_the_next_proposal_and_are_checked(coop):
    before = coop.rpc.matching.get_settings()
    changed = coop.rpc.matching.change_settings({"alternatives": 0})
    try:
        assert changed["alternatives"] == 0
        skill = coop.new_skill()
        for name in ("Ada", "Bob", "Cas"):
            coop.member(name, {skill: 4})
        project = coop.project(coop.client(), [role(skill)])
        assert coop.rpc.matching.propose_team(project["id"])["alternatives"] == []
        error = error_of(lambda: coop.rpc.matching.change_settings({"fairness_weight": -1}))
        assert isinstance(error, Invalid)
    finally:
        coop.rpc.matching.change_settings({"alternatives": before["alternatives"]})
    eventually(lambda: coop.rpc.matching.get_settings()["alternatives"] == 2)


def test_a_member_who_leaves_ends_their_assignment_and_the_seat_is_covered(coop, tap):
    skill = coop.new_skill()
    ada = coop.member("Ada", {skill: 5})
    bob = coop.member("Bob", {skill: 4})
    project = coop.project(coop.client(), [role(skill)])
    proposal = coop.rpc.matching.propose_team(project["id"])
    assert proposal["best"]["seats"][0]["primary"] == ada
    coop.rpc.matching.accept_proposal(proposal["id"])
    coop.rpc.members.give_notice(ada, "2027-01-29")
    [ended] = tap.wait_for("assignment_ended", project_id=project["id"], member_id=ada)
    assert ended["data"]["ended_on"] == "2027-01-29"
    [substituted] = tap.wait_for("assignment_substituted", project_id=project["id"])
    assert substituted["data"]["stand_in_member_id"] == bob
    assert substituted["data"]["weeks"] == ["2027-W05", "2027-W06", "2027-W07", "2027-W08"]


def test_a_growth_seat_books_the_learner_next_to_the_mentor_at_the_coops_discount(coop, tap):
    skill = coop.new_skill()
    ada = coop.member("Ada", {skill: 5})
    coop.member("Bob", {skill: 4})
    lia = coop.member("Lia", {skill: 2}, rate="80.00", grow=(skill,))
    project = coop.project(coop.client(), [role(skill)], growth_seat=True)
    proposal = coop.rpc.matching.propose_team(project["id"])
    growth = proposal["best"]["growth_seat"]
    assert (growth["mentor_id"], growth["learner_id"], growth["hourly_rate"]) == (
        ada, lia, "40.00")
    team = coop.rpc.matching.accept_proposal(proposal["id"])
    learner = next(a for a in team["assignments"] if a["kind"] == "learner")
    assert (learner["member_id"], learner["hourly_rate"]) == (lia, "40.00")
    confirmed = tap.wait_for("assignment_confirmed", project_id=project["id"], member_id=lia)
    assert confirmed[0]["data"]["kind"] == "learner"
