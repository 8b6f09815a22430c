"""Two coops through HTTP: A cannot fill a seat and offers it to partner B, B offers a
member under a pseudonym, A accepts, the member joins A's project as an external team
member and B lends them (their hours booked) — and A's federation service is killed
while the acceptance waits in its outbox, refused by B's broker, and restarted without
losing or repeating anything."""

import time
import uuid
from contextlib import contextmanager
from datetime import date, timedelta

import requests
from sqlalchemy import create_engine, func, select

from services.federation.models import outbound_events
from tests.e2e.test_team_story import active_member, eventually
from tests.support.broker import rabbitmqctl

# twelve whole weeks, starting on a Monday six weeks from now (so every week is "left")
START = date.today() - timedelta(days=date.today().weekday()) + timedelta(weeks=6)
PROJECT = {"starts_on": START.isoformat(),
           "ends_on": (START + timedelta(weeks=12, days=-3)).isoformat()}


def iso_week(day: date, plus: int = 0) -> str:
    year, week, _ = (day + timedelta(weeks=plus)).isocalendar()
    return f"{year}-W{week:02d}"


def new_skill(api, slug: str) -> None:
    created = api.post("/v1/skills", json={"slug": slug, "name": slug, "category": "software"})
    assert created.status_code == 201, created.text


def staffed_project(api, skill: str) -> tuple[str, dict, str]:
    """An accepted project at A whose one seat is held by a member of A at 90.00 an hour;
    (project id, the seat, the client id)."""
    active_member(api, "Ada", skill, 5, "90.00")
    client = api.post("/v1/clients", json={
        "name": "Gemeente Zwolle", "country": "NL",
        "address": {"street": "Grote Kerkplein 14", "postal_code": "8011 PK", "city": "Zwolle"},
        "contact": {"name": "Sanne Bos", "email": "sanne@zwolle.example"}}).json()
    project = api.post("/v1/projects", json={
        "client_id": client["id"], "title": "Permit forms", "description": "Forms.",
        **PROJECT, "roles": [{"skill": skill, "minimum_level": 4, "hours_per_week": "24"}]})
    assert project.status_code == 201, project.text
    project = project.json()

    def proposal_with_a_team():
        made = api.post(f"/v1/projects/{project['id']}/proposals").json()
        return made if made.get("best", {}).get("seats") else None

    proposal = eventually(proposal_with_a_team, timeout=20)  # matching hears of Ada by events
    accepted = api.post(f"/v1/proposals/{proposal['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    [seat] = accepted.json()["seats"]
    return project["id"], seat, client["id"]


@contextmanager
def refused_publishing(a, b):
    """A sends to B as a broker user of its own that may not publish to B's inbound
    exchange (as README "Federation" step 2 has it, before B grants it); yields
    `allow()`, which grants it. Afterwards A sends as before."""
    identity = b.api.get("/v1/federation/identity").json()["inbound"]
    user, password = f"coop-a-{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    rabbitmqctl("add_user", user, password)
    rabbitmqctl("set_permissions", "-p", b.vhost, user, "^$", "^$", "^$")

    def address(credentials):
        return {"uri": identity["uri"].replace("amqp://", f"amqp://{credentials}@", 1),
                "exchange": identity["exchange"]}

    changed = a.api.patch(f"/v1/federation/partners/{a.partner_id}",
                          json={"address": address(f"{user}:{password}")})
    assert changed.status_code == 200, changed.text
    try:
        yield lambda: rabbitmqctl("set_permissions", "-p", b.vhost, user, "^$",
                                  "^federation\\.inbound$", "^$")
    finally:
        a.api.patch(f"/v1/federation/partners/{a.partner_id}",
                    json={"address": address("guest:guest")})
        rabbitmqctl("delete_user", user)


def outbound(a, event_type: str, *conditions) -> int:
    """How many of A's federation's outbound rows of `event_type` match `conditions`."""
    engine = create_engine(a.database_urls["federation"])
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(outbound_events).where(
                outbound_events.c.event_type == event_type, *conditions)).scalar_one()
    finally:
        engine.dispose()


ACCEPTED = "coop.multitalent.candidate_accepted.v1"


def test_an_overflow_seat_is_staffed_by_a_partners_member_and_survives_a_crash(two_coops):
    a, b = two_coops.a, two_coops.b
    skill = f"permits-{uuid.uuid4().hex[:6]}"
    new_skill(a.api, skill)
    new_skill(b.api, skill)
    project_id, seat, client_id = staffed_project(a.api, skill)
    carol = active_member(b.api, "Carol", skill, 5, "80.00")  # 36 hours a week at B

    # A's operator offers the seat to partners: no client identity leaves
    opened = a.api.post(f"/v1/projects/{project_id}/seats/{seat['id']}/partner-offers",
                        json={})
    assert opened.status_code == 201, opened.text
    offer = opened.json()
    assert (offer["rate_min"], offer["rate_max"]) == ("67.50", "90.00")
    assert (offer["first_week"], offer["last_week"]) == (iso_week(START), iso_week(START, 11))

    # B sees the partner's offer, with Carol suggested
    def incoming_with_carol():
        items = b.api.get("/v1/incoming-offers").json()["items"]
        found = [i for i in items if i["offer_id"] == offer["id"]]
        return found[0] if found and found[0]["suggestions"] else None

    incoming = eventually(incoming_with_carol, timeout=30)
    assert incoming["partner_id"] == b.partner_id and incoming["partner_name"] == "Coop A"
    assert "Gemeente" not in str(incoming) and "client_id" not in incoming
    assert [s["member_id"] for s in incoming["suggestions"]] == [carol]

    assert "public_introduction" in incoming["suggestions"][0]  # to start the operator off
    made = b.api.post(f"/v1/incoming-offers/{incoming['id']}/candidates",
                      json={"member_id": carol, "hourly_rate": "85.00",
                            "introduction": "Has built permit forms for three towns."})
    assert made.status_code == 201, made.text
    candidate_id = made.json()["candidate_id"]
    assert candidate_id != carol

    # A sees a pseudonymous candidate (with the introduction B's operator wrote) and
    # accepts it while B's broker refuses A's publishing: the acceptance waits in A's outbox
    def candidates_at_a():
        found = a.api.get(f"/v1/partner-offers/{offer['id']}").json()["candidates"]
        return found or None

    [candidate] = eventually(candidates_at_a, timeout=30)
    assert candidate["candidate_id"] == candidate_id and carol not in str(candidate)
    assert (candidate["partner_id"], candidate["hourly_rate"]) == (a.partner_id, "85.00")
    assert candidate["introduction"] == "Has built permit forms for three towns."
    assert [s["skill"] for s in candidate["skills"]] == [skill]
    with refused_publishing(a, b) as allow:
        placed = a.api.post(f"/v1/partner-offers/{offer['id']}/candidates/{candidate_id}/accept")
        assert placed.status_code == 200, placed.text
        assert placed.json()["lending_coop"] == {"partner_id": a.partner_id, "name": "Coop B"}
        ours = outbound_events.c.subject == offer["id"]
        pending = outbound_events.c.sent_at.is_(None)
        eventually(lambda: outbound(a, ACCEPTED, ours, pending, outbound_events.c.attempts > 0)
                   == 1 or None, timeout=30)
        a.system.kill("federation")  # SIGKILL with the acceptance unsent
        try:
            assert not [x for x in b.api.get("/v1/lendings").json()["items"]
                        if x["candidate_id"] == candidate_id]  # nothing reached B
            allow()
        finally:  # the other tests share these stacks
            a.system.start("federation")
        eventually(lambda: outbound(a, ACCEPTED, ours, pending) == 0 or None, timeout=60)
    assert outbound(a, ACCEPTED, ours) == 1  # queued once, sent once

    # A's project shows the external member, the lending coop recorded, no member id
    [external] = a.api.get(f"/v1/projects/{project_id}/team").json()["external_members"]
    assert (external["seat_id"], external["candidate_id"], external["lending_coop"]["name"]) == (
        seat["id"], candidate_id, "Coop B")
    assert "member_id" not in external
    client_token = a.api.post("/v1/tokens", json={"name": "zwolle", "role": "client",
                                                  "client_id": client_id}).json()["token"]
    seen_by_client = requests.get(f"{a.api.url}/v1/projects/{project_id}/team", timeout=15,
                                  headers={"Authorization": f"Bearer {client_token}"}).json()
    [shown] = seen_by_client["external_members"]  # the client sees who works, not the rates
    assert shown["lending_coop"]["name"] == "Coop B" and "hourly_rate" not in str(shown)
    assert a.api.get(f"/v1/partner-offers/{offer['id']}").json()["status"] == "filled"

    # B lends Carol exactly once, and her hours are booked there
    def lendings_at_b():
        return [x for x in b.api.get("/v1/lendings").json()["items"]
                if x["candidate_id"] == candidate_id] or None

    [lending] = eventually(lendings_at_b, timeout=60)
    assert (lending["member_id"], lending["partner_id"], lending["candidate_id"]) == (
        carol, b.partner_id, candidate_id)
    assert (lending["starts_on"], lending["ends_on"], lending["hours_per_week"]) == (
        PROJECT["starts_on"], PROJECT["ends_on"], "24.00")
    weeks = {"from_week": iso_week(START, 1), "to_week": iso_week(START, 4)}
    fairness = b.api.get("/v1/coop/fairness", params=weeks).json()
    [carols] = [u for u in fairness["utilisation"] if u["member_id"] == carol]
    assert abs(carols["utilisation"] - 24 / 36) < 0.01
    time.sleep(2)  # a second copy would have arrived by now
    assert lendings_at_b() == [lending]  # exactly one
    assert incoming["id"] in [i["id"] for i in b.api.get(
        "/v1/incoming-offers", params={"status": "lent"}).json()["items"]]


def test_a_withdrawn_candidate_and_a_withdrawn_offer_reach_the_other_coop(two_coops):
    a, b = two_coops.a, two_coops.b
    skill = f"signage-{uuid.uuid4().hex[:6]}"
    new_skill(a.api, skill)
    new_skill(b.api, skill)
    project_id, seat, _ = staffed_project(a.api, skill)
    dirk = active_member(b.api, "Dirk", skill, 5, "80.00")
    offer = a.api.post(f"/v1/projects/{project_id}/seats/{seat['id']}/partner-offers",
                       json={}).json()

    def incoming_at_b():
        found = [i for i in b.api.get("/v1/incoming-offers").json()["items"]
                 if i["offer_id"] == offer["id"]]
        return found[0] if found and found[0]["suggestions"] else None

    incoming = eventually(incoming_at_b, timeout=30)
    made = b.api.post(f"/v1/incoming-offers/{incoming['id']}/candidates", json={
        "member_id": dirk, "hourly_rate": "85.00", "introduction": "Designs way-finding."})
    candidate_id = made.json()["candidate_id"]
    eventually(lambda: a.api.get(f"/v1/partner-offers/{offer['id']}").json()["candidates"],
               timeout=30)

    # B takes Dirk back before A chose: A can no longer accept him
    withdrawn = b.api.post(f"/v1/incoming-offers/{incoming['id']}/candidates/{candidate_id}"
                           "/withdraw")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"

    def withdrawn_at_a():
        [found] = a.api.get(f"/v1/partner-offers/{offer['id']}").json()["candidates"]
        return found["status"] == "withdrawn"

    eventually(withdrawn_at_a, timeout=30)
    refused = a.api.post(f"/v1/partner-offers/{offer['id']}/candidates/{candidate_id}/accept")
    assert refused.status_code == 409, refused.text

    # A withdraws its offer: B hears the offer closed
    closed = a.api.post(f"/v1/partner-offers/{offer['id']}/withdraw")
    assert closed.status_code == 200 and closed.json()["status"] == "withdrawn"

    def closed_at_b():
        [found] = [i for i in b.api.get("/v1/incoming-offers").json()["items"]
                   if i["offer_id"] == offer["id"]]
        return found if found["status"] == "closed" else None

    assert [c["status"] for c in eventually(closed_at_b, timeout=30)["candidates"]] == [
        "withdrawn"]


class Lent:
    """B's member placed on A's seat: A's project, seat and placement, B's lending."""

    def __init__(self, two_coops, name: str, skill_prefix: str):
        a, b = two_coops.a, two_coops.b
        skill = f"{skill_prefix}-{uuid.uuid4().hex[:6]}"
        new_skill(a.api, skill)
        new_skill(b.api, skill)
        self.project_id, self.seat, _ = staffed_project(a.api, skill)
        self.member_id = active_member(b.api, name, skill, 5, "80.00")
        offer = a.api.post(f"/v1/projects/{self.project_id}/seats/{self.seat['id']}"
                           "/partner-offers", json={}).json()

        def incoming_at_b():
            found = [i for i in b.api.get("/v1/incoming-offers").json()["items"]
                     if i["offer_id"] == offer["id"]]
            return found[0] if found and found[0]["suggestions"] else None

        incoming = eventually(incoming_at_b, timeout=30)
        self.candidate_id = b.api.post(f"/v1/incoming-offers/{incoming['id']}/candidates", json={
            "member_id": self.member_id, "hourly_rate": "85.00",
            "introduction": f"{name} knows {skill}."}).json()["candidate_id"]
        eventually(lambda: a.api.get(f"/v1/partner-offers/{offer['id']}").json()["candidates"],
                   timeout=30)
        placed = a.api.post(
            f"/v1/partner-offers/{offer['id']}/candidates/{self.candidate_id}/accept")
        assert placed.status_code == 200, placed.text
        self.placement = placed.json()
        self.b = b
        self.lending = eventually(self.lending_at_b, timeout=60)

    def lending_at_b(self):
        return next((x for x in self.b.api.get("/v1/lendings").json()["items"]
                     if x["candidate_id"] == self.candidate_id), None)


def test_a_lending_ended_early_frees_the_member_and_reopens_the_seat_at_the_borrower(
        two_coops):
    a, b = two_coops.a, two_coops.b
    lent = Lent(two_coops, "Eva", "surveying")
    project_id, seat, lending = lent.project_id, lent.seat, lent.lending

    # Eva is needed at home: B ends the lending after her fourth week
    last_day = (START + timedelta(weeks=3, days=4)).isoformat()
    refused = b.api.post(f"/v1/lendings/{lending['id']}/end",
                         json={"last_day": PROJECT["ends_on"]})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "last_day"
    ended = b.api.post(f"/v1/lendings/{lending['id']}/end", json={"last_day": last_day})
    assert ended.status_code == 200 and ended.json()["ends_on"] == last_day, ended.text

    def lent_contract_ended():
        found = [c for c in b.api.get("/v1/inter-coop/lent-contracts").json()["items"]
                 if c["placement_id"] == lent.placement["id"]]
        return found and found[0]["ended_on"] == last_day

    eventually(lent_contract_ended, timeout=30)

    # at A: the external member works until then, and the seat is offered again by itself
    def cut_short_at_a():
        [external] = a.api.get(f"/v1/projects/{project_id}/team").json()["external_members"]
        return external["ends_on"] == last_day

    eventually(cut_short_at_a, timeout=30)

    def reopened():
        return [o for o in a.api.get("/v1/partner-offers", params={"status": "open"}).json()[
            "items"] if o["seat_id"] == seat["id"] and o["reason"] == "coverage_gap"] or None

    [again] = eventually(reopened, timeout=30)
    assert (again["first_week"], again["last_week"]) == (iso_week(START, 4), iso_week(START, 11))

    def external_contract_ended():
        found = [c for c in a.api.get("/v1/inter-coop/external-contracts").json()["items"]
                 if c["placement_id"] == lent.placement["id"]]
        return found and found[0]["ended_on"] == last_day

    eventually(external_contract_ended, timeout=30)


def test_a_lent_member_falling_ill_keeps_the_lending_and_reopens_the_seat_for_those_weeks(
        two_coops):
    a, b = two_coops.a, two_coops.b
    lent = Lent(two_coops, "Fay", "mapping")
    project_id, seat, lending, fay = lent.project_id, lent.seat, lent.lending, lent.member_id

    # Fay falls ill from Wednesday of her third week to Tuesday of her fourth, at B
    first_day = (START + timedelta(weeks=2, days=2)).isoformat()
    last_day = (START + timedelta(weeks=3, days=1)).isoformat()
    sick = b.api.post(f"/v1/members/{fay}/unavailability", json={
        "kind": "sick", "starts_on": first_day, "ends_on": last_day, "reason": "Broken arm."})
    assert sick.status_code == 201, sick.text

    # at A: the timeline tells the days (never why), the seat is offered for those weeks
    def told_at_a():
        items = a.api.get(f"/v1/projects/{project_id}/timeline").json()["items"]
        return [e for e in items if e["kind"] == "external_member_unavailable"] or None

    [entry] = eventually(told_at_a, timeout=30)
    assert first_day in entry["summary"] and last_day in entry["summary"]
    assert "arm" not in str(entry) and "sick" not in str(entry) and fay not in str(entry)

    def reopened():
        return [o for o in a.api.get("/v1/partner-offers", params={"status": "open"}).json()[
            "items"] if o["seat_id"] == seat["id"] and o["reason"] == "coverage_gap"] or None

    [again] = eventually(reopened, timeout=30)
    assert (again["first_week"], again["last_week"]) == (iso_week(START, 2), iso_week(START, 3))
    [external] = a.api.get(f"/v1/projects/{project_id}/team").json()["external_members"]
    assert (external["candidate_id"], external["ends_on"]) == (lent.candidate_id,
                                                               PROJECT["ends_on"])  # stays
    assert lent.lending_at_b() == lending  # B's lending stays too: Fay comes back

    # the sick leave is taken back at B: A hears it, and offers nothing more
    removed = b.api.delete(f"/v1/members/{fay}/unavailability/{sick.json()['id']}")
    assert removed.status_code == 200, removed.text

    def back_at_a():
        items = a.api.get(f"/v1/projects/{project_id}/timeline").json()["items"]
        return [e for e in items if e["kind"] == "external_member_available_again"] or None

    [back] = eventually(back_at_a, timeout=30)
    assert first_day in back["summary"]
    open_offers = [o for o in a.api.get("/v1/partner-offers", params={"status": "open"}).json()[
        "items"] if o["seat_id"] == seat["id"]]
    assert [o["id"] for o in open_offers] == [again["id"]]


def test_membership_news_tells_a_partner_how_many_members_have_a_skill(two_coops):
    a, b = two_coops.a, two_coops.b
    skill = f"glazing-{uuid.uuid4().hex[:6]}"
    new_skill(b.api, skill)
    active_member(b.api, "Dirk", skill, 4, "70.00")

    def shared_with_a():
        shared = b.api.post("/v1/federation/skill-supply/share")
        assert shared.status_code == 200, shared.text
        assert shared.json()["partners"] == 1
        return skill in str(shared.json()["skills"]) or None

    eventually(shared_with_a, timeout=20)  # matching hears of Dirk's skill by events

    def supply_at_a():
        return a.api.get("/v1/federation/skill-supply", params={"skill": skill}).json()[
            "items"] or None

    [supply] = eventually(supply_at_a, timeout=20)
    assert (supply["partner_id"], supply["partner_name"]) == (a.partner_id, "Coop B")
    assert supply["skills"] == [{"skill": skill, "members": 1, "verified_members": 0}]
