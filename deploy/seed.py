"""A small demo cooperative. Idempotent: running it twice creates and changes nothing twice.

Writes through the members' own use cases, so every step obeys the coop's rules
(the first two members are founders, later ones are sponsored by two active ones) and
the outbox carries the events to matching once the members service runs. A demo
database from an earlier version (members registered as applicants only) is
brought up to date the same way.
"""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import sessionmaker

from infra import config
from infra.db import make_engine
from infra.errors import Conflict
from services.billing.domain.use_cases import insurance as insurance_use_cases
from services.billing.schemas.insurance import PolicyDetailsSchema
from services.billing.unit_of_work import BillingUnitOfWork
from services.matching.domain import use_cases as matching_use_cases
from services.matching.schemas import ClientDetailsSchema
from services.matching.unit_of_work import MatchingUnitOfWork
from services.members.domain import use_cases
from services.members.domain.iso_week import IsoWeek
from services.members.schemas import MemberDetailsSchema
from services.members.unit_of_work import MembersUnitOfWork

DEMO_MEMBERS = [
    {"name": "Anouk de Vries", "email": "anouk@demo.multitalent.coop", "city": "Utrecht",
     "introduction": "Backend developer who likes untangling legacy code and pairing with "
                     "juniors. I value honest estimates.",
     "hourly_rate": "85.00", "kvk_number": "70000001", "btw_id": "NL100023757B01",
     "iban": "NL91ABNA0417164300", "languages": ["nl", "en"]},
    {"name": "Mehmet Yilmaz", "email": "mehmet@demo.multitalent.coop", "city": "Rotterdam",
     "introduction": "Data engineer; pipelines that are boring in the best way.",
     "hourly_rate": "90.00", "kvk_number": "70000002", "btw_id": "NL100039595B01",
     "iban": "NL02ABNA0123456789", "languages": ["nl", "tr", "en"]},
    {"name": "Sanne Bakker", "email": "sanne@demo.multitalent.coop", "city": "Amsterdam",
     "introduction": "Service designer. I start every project by talking to the people who "
                     "will use it.",
     "hourly_rate": "80.00", "kvk_number": "70000003", "btw_id": "NL100126704B01",
     "iban": "NL51ABNA0987654321", "languages": ["nl", "en", "de"]},
    {"name": "Joris Jansen", "email": "joris@demo.multitalent.coop", "city": "Groningen",
     "introduction": "Project lead for teams that span organisations; calm under deadlines.",
     "hourly_rate": "95.00", "kvk_number": "70000004", "btw_id": "NL100174218B01",
     "iban": "NL44RABO0123456789", "languages": ["nl", "en"]},
    {"name": "Fatima El Amrani", "email": "fatima@demo.multitalent.coop", "city": "Den Haag",
     "introduction": "Frontend and accessibility; I test with screen readers, not just "
                     "checklists.",
     "hourly_rate": "82.50", "kvk_number": "70000005", "btw_id": "NL100372193B01",
     "iban": "NL93RABO0987654321", "languages": ["nl", "ar", "fr", "en"]},
    {"name": "Pieter Visser", "email": "pieter@demo.multitalent.coop", "city": "Eindhoven",
     "introduction": "Bookkeeper and financial controller for small organisations.",
     "hourly_rate": "70.00", "kvk_number": "70000006", "btw_id": "NL100419707B01",
     "iban": "NL18RABO0555123456", "languages": ["nl"]},
    {"name": "Lotte Smit", "email": "lotte@demo.multitalent.coop", "city": "Zwolle",
     "introduction": "Trainer and facilitator; I make workshops people remember.",
     "motivation": "I want colleagues to learn from, not just clients to serve.",
     "hourly_rate": "75.00", "kvk_number": "70000007", "btw_id": "NL100023757B01",
     "iban": "NL91ABNA0417164300", "languages": ["nl", "en"]},
]

# What each demo member becomes, by e-mail: the last one stays an applicant with one
# sponsor, to show admission in progress. `listed`: opted in to the website's directory
# (the others did not, to show that the directory is opt-in).
DEMO_LIVES = {
    "anouk@demo.multitalent.coop": {
        "hours": "32", "skills": [("python", 5, 12, False), ("legacy-modernisation", 4, 8, False),
                                  ("mentoring", 3, 4, True)], "listed": True},
    "mehmet@demo.multitalent.coop": {
        "hours": "36", "skills": [("data-engineering", 5, 9, False), ("sql", 5, 11, False),
                                  ("python", 4, 7, False), ("machine-learning", 2, 1, True)],
        "listed": True},
    "sanne@demo.multitalent.coop": {
        "hours": "24", "skills": [("service-design", 5, 10, False), ("ux-research", 4, 7, False),
                                  ("workshop-facilitation", 3, 5, True)],
        "holiday_in_weeks": 3, "listed": True},
    "joris@demo.multitalent.coop": {
        "hours": "32", "skills": [("project-management", 5, 15, False),
                                  ("agile-project-management", 4, 8, False),
                                  ("stakeholder-management", 4, 12, False)]},
    "fatima@demo.multitalent.coop": {
        "hours": "28", "skills": [("javascript", 5, 9, False), ("web-accessibility", 5, 6, False),
                                  ("react", 4, 5, False), ("ui-design", 2, 1, True)],
        "listed": True},
    "pieter@demo.multitalent.coop": {
        "hours": "20", "skills": [("bookkeeping", 5, 20, False), ("vat-returns", 5, 18, False),
                                  ("financial-control", 4, 10, False)]},
    "lotte@demo.multitalent.coop": {
        "hours": "24", "skills": [("training-design", 4, 6, False), ("coaching", 3, 3, True)],
        "stays_applicant": True},
}


def seed(database_url: str | None = None) -> int:
    """Create the demo members that are missing and bring each to its demo state.

    Returns how many members were created.
    """
    engine = make_engine(database_url or config.database_url("members"))
    session_factory = sessionmaker(engine, expire_on_commit=False)

    def uow():
        return MembersUnitOfWork(session_factory)

    created = 0
    ids = {}
    for details in DEMO_MEMBERS:
        try:
            member = use_cases.create_member(uow(), MemberDetailsSchema().load(details))
            created += 1
        except Conflict:
            member = _by_email(uow(), details["email"])
        ids[details["email"]] = member.id
    for details in DEMO_MEMBERS:
        _live(uow, ids[details["email"]], DEMO_LIVES[details["email"]])
    engine.dispose()
    return created


def _by_email(uow, email: str):
    with uow:
        return uow.members.get_by_email(email)


def _live(uow, member_id: str, life: dict) -> None:
    member = use_cases.get_member(uow(), member_id)
    today = datetime.now(UTC).date()
    if member.status == "applicant":
        # the first two active members sponsor; with fewer, the coop is being founded
        active = use_cases.list_members(uow(), 2, None, status="active").items
        sponsors = [m.id for m in active] if len(active) == 2 else []
        if life.get("stays_applicant"):
            sponsors = sponsors[:1]
        known = {s.sponsor_id for s in member.sponsorships}
        for sponsor_id in sponsors:
            if sponsor_id not in known:
                use_cases.sponsor_applicant(uow(), member_id, sponsor_id, today,
                                            "Met for coffee and talked about how we work.")
        if not life.get("stays_applicant"):
            use_cases.activate_member(uow(), member_id)
    if not member.skills:
        use_cases.set_skills(uow(), member_id, [
            {"skill": slug, "level": level, "years_experience": years, "wants_to_grow": grow}
            for slug, level, years, grow in life["skills"]])
    if member.capacity.default_weekly_hours == 0:
        use_cases.change_capacity(uow(), member_id, Decimal(life["hours"]), {})
    if life.get("listed") and not member.listed_in_directory:
        use_cases.update_member(uow(), member_id, {"listed_in_directory": True})
    if "holiday_in_weeks" in life and not member.capacity.unavailability:
        monday = IsoWeek.of(today).plus(life["holiday_in_weeks"]).monday
        use_cases.add_unavailability(uow(), member_id, {
            "kind": "holiday", "starts_on": monday, "ends_on": monday + timedelta(days=4)})


DEMO_CLIENT = {
    "name": "Gemeente Voorbeeldstad", "country": "NL", "vat_id": "NL004495445B01",
    "address": {"street": "Stadhuisplein 1", "postal_code": "1234 AB", "city": "Voorbeeldstad"},
    "contact": {"name": "Eva Mulder", "email": "eva.mulder@voorbeeldstad.example"},
}


def demo_project(today) -> dict:
    """Twelve weeks from the first Monday at least four weeks away: time to propose."""
    starts_on = IsoWeek.of(today).plus(4).monday
    return {"title": "Digital services for residents",
            "description": "Rebuild the permit request forms with the people who use them.",
            "starts_on": starts_on, "ends_on": starts_on + timedelta(weeks=12, days=-3),
            "roles": [{"skill": "python", "minimum_level": 4, "hours_per_week": Decimal(24)},
                      {"skill": "service-design", "minimum_level": 3,
                       "hours_per_week": Decimal(16)}]}


def seed_matching(database_url: str | None = None) -> bool:
    """The demo client organisation with a draft project; whether it was created now.

    Proposing a team for it (`POST /v1/projects/{id}/proposals`) needs the members'
    events in matching's read model, so that is left to the demo's user.
    """
    engine = make_engine(database_url or config.database_url("matching"))
    session_factory = sessionmaker(engine, expire_on_commit=False)

    def uow():
        return MatchingUnitOfWork(session_factory)

    clients = matching_use_cases.list_clients(uow(), 100, None).items
    created = not any(client.name == DEMO_CLIENT["name"] for client in clients)
    if created:
        client = matching_use_cases.create_client(uow(), ClientDetailsSchema().load(DEMO_CLIENT))
        matching_use_cases.create_project(uow(), client.id, demo_project(datetime.now(UTC).date()))
    engine.dispose()
    return created


DEMO_POLICY = {
    "name": "Collectieve beroepsaansprakelijkheid", "kind": "professional_liability",
    "insurer": "Demo Verzekeringen N.V.",
    "coverage": "Schade aan derden door fouten in het werk voor opdrachtgevers.",
    "insured_amount": "1000000.00", "monthly_premium": "18.50",
    "conditions": "Eigen risico € 250 per aanspraak; werelddekking behalve VS en Canada."}


def seed_billing(database_url: str | None = None) -> bool:
    """The demo collective insurance policy; whether it was created now."""
    engine = make_engine(database_url or config.database_url("billing"))
    session_factory = sessionmaker(engine, expire_on_commit=False)
    with BillingUnitOfWork(session_factory) as uow:
        names = {p.name for p in uow.insurance.policy_page(100, None).items}
    created = DEMO_POLICY["name"] not in names
    if created:
        insurance_use_cases.define_policy(BillingUnitOfWork(session_factory),
                                          PolicyDetailsSchema().load(DEMO_POLICY))
    engine.dispose()
    return created


def main() -> None:
    created = seed()
    print(f"demo coop: {created} members created, {len(DEMO_MEMBERS) - created} already there")
    if seed_matching():
        print(f"demo client: {DEMO_CLIENT['name']}, with a draft project to propose a team for")
    if seed_billing():
        print(f"demo insurance policy: {DEMO_POLICY['name']}")


if __name__ == "__main__":
    main()
