"""Relationships with clients: what counts as contact, who needs attention, the timeline."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from infra.pagination import decode_cursor
from services.matching.domain import use_cases
from services.matching.domain.candidate import Candidate
from services.matching.domain.client import Address, Client, ContactPerson
from services.matching.domain.errors import ClientNotFound
from services.matching.domain.lead_errors import (
    NotAnActiveMember,
    NoteNotYetTaken,
    RelationshipSettingOutOfRange,
)
from services.matching.domain.meetings import Meeting, Rating
from services.matching.domain.projects import Project
from services.matching.domain.relationships import (
    ClientContact,
    ClientInvoice,
    RelationshipNote,
    RelationshipOwner,
    RelationshipSettings,
    invoice_entries,
    meeting_contact_day,
    needs_attention,
    relationship,
    with_credits,
)
from services.matching.domain.timeline import TimelineEntry
from tests.unit.matching.fakes import FakeUnitOfWork

TODAY = date(2027, 3, 1)
ADA = "7b1e7a43-7a4c-4bd9-9d3f-2d1c7e0f4a11"


def contact(name, registered_weeks_ago, last_weeks_ago=None, days_extra=0) -> ClientContact:
    last = (TODAY - timedelta(weeks=last_weeks_ago, days=days_extra)
            if last_weeks_ago is not None else None)
    return ClientContact(f"id-{name}", name, TODAY - timedelta(weeks=registered_weeks_ago),
                         last)


# --- the needs-attention rule -----------------------------------------------------------------


def test_a_client_without_contact_for_n_weeks_needs_attention_with_its_last_contact():
    [item] = needs_attention([contact("Quiet", 30, last_weeks_ago=6),
                              contact("Recent", 30, last_weeks_ago=5, days_extra=6)], TODAY, 6)
    assert (item.name, item.last_contact_on, item.weeks_without_contact) == (
        "Quiet", TODAY - timedelta(weeks=6), 6)


def test_a_client_never_contacted_counts_from_its_registration():
    found = needs_attention([contact("New", 2), contact("Forgotten", 9)], TODAY, 6)
    assert [(i.name, i.last_contact_on, i.weeks_without_contact) for i in found] == [
        ("Forgotten", None, 9)]


def test_the_longest_silence_comes_first_and_the_setting_decides():
    clients = [contact("B", 50, 8), contact("A", 50, 20), contact("C", 50, 3)]
    assert [i.name for i in needs_attention(clients, TODAY, 6)] == ["A", "B"]
    assert [i.name for i in needs_attention(clients, TODAY, 2)] == ["A", "B", "C"]
    assert needs_attention(clients, TODAY, 21) == []


@pytest.mark.parametrize("weeks", [0, 53, True, 2.5])
def test_the_setting_is_a_whole_number_of_weeks_from_1_to_52(weeks):
    with pytest.raises(RelationshipSettingOutOfRange):
        RelationshipSettings(weeks)


# --- what counts as contact -------------------------------------------------------------------


def meeting(kind, on, *ratings) -> Meeting:
    return Meeting(f"m-{kind}-{on}", "p1", kind, on, ("client contact: Eva",),
                   [Rating(f"r{i}", by, member, score, "", datetime(2027, 1, 1, tzinfo=UTC))
                    for i, (by, member, score) in enumerate(ratings)])


def test_an_introduction_counts_once_its_day_has_come_unless_the_project_was_cancelled():
    intro = meeting("introduction", date(2027, 2, 1))
    assert meeting_contact_day(intro, TODAY, "running") == date(2027, 2, 1)
    assert meeting_contact_day(intro, date(2027, 1, 31), "accepted") is None
    assert meeting_contact_day(intro, TODAY, "cancelled") is None


def test_a_checkin_counts_once_it_was_rated():
    unrated = meeting("checkin", date(2027, 2, 15))
    rated = meeting("checkin", date(2027, 2, 15), ("member", ADA, 4))
    assert meeting_contact_day(unrated, TODAY, "running") is None
    assert meeting_contact_day(rated, TODAY, "running") == date(2027, 2, 15)


# --- the timeline -----------------------------------------------------------------------------


def a_client() -> Client:
    return Client("c1", "Gemeente Utrecht", "NL", Address("Stadsplateau 1", "3521 AZ", "Utrecht"),
                  ContactPerson("Eva Smit", "eva@utrecht.example"),
                  created_at=datetime(2026, 10, 1, tzinfo=UTC))


def a_project(status="running") -> Project:
    project = Project("p1", "c1", "Sports halls", "", date(2027, 1, 4), date(2027, 6, 25), (),
                      datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 1, tzinfo=UTC))
    return replace(project, status=status)


def test_the_timeline_tells_projects_meetings_notes_owners_and_invoices_oldest_first():
    project = a_project()
    meetings = [meeting("introduction", date(2027, 1, 1)),
                meeting("checkin", date(2027, 2, 1), ("client", None, 4), ("member", ADA, 5)),
                meeting("checkin", date(2027, 3, 1)), meeting("checkin", date(2027, 4, 1))]
    timeline = [TimelineEntry("t1", "p1", datetime(2026, 11, 1, tzinfo=UTC), "project_created",
                              "Project “Sports halls” was created."),
                TimelineEntry("t2", "p1", datetime(2027, 2, 1, tzinfo=UTC), "checkin_recorded",
                              "The client rated the collaboration 4/5.")]
    invoice = ClientInvoice("i1", "c1", "2027-0001", "p1", date(2027, 2, 1), date(2027, 3, 3),
                            Decimal("1210.00"), date(2027, 2, 20))
    owner = RelationshipOwner("c1", ADA, datetime(2026, 10, 2, tzinfo=UTC))
    note = RelationshipNote.new(
        "c1", date(2027, 2, 10), "call", ADA, "Eva asked about a second phase.",
        datetime(2027, 2, 10, tzinfo=UTC), TODAY)
    found = relationship(a_client(), [owner], [], [project], {"p1": timeline},
                         {"p1": meetings}, [note], [invoice], TODAY, 6)
    kinds = [(entry.on, entry.kind) for entry in found.entries]
    assert kinds == [
        (date(2026, 10, 1), "client_registered"), (date(2026, 10, 2), "relationship_owner"),
        (date(2026, 11, 1), "project_created"), (date(2027, 1, 1), "introduction"),
        (date(2027, 2, 1), "checkin"), (date(2027, 2, 1), "invoice_issued"),
        (date(2027, 2, 10), "note"), (date(2027, 2, 20), "invoice_paid")]
    checkin = found.entries[4]
    assert "the client rated it 4/5; the team 5.0/5 on average" in checkin.summary
    assert found.last_contact_on == date(2027, 2, 10) and not found.needs_attention
    assert found.client_rating_average == 4.0
    assert found.next_meeting.scheduled_on == date(2027, 3, 1)
    assert found.owner.member_id == ADA
    later = relationship(a_client(), [owner], [], [project], {}, {"p1": meetings}, [note],
                         [], TODAY + timedelta(weeks=6), 6)
    assert later.needs_attention


# --- the use cases ----------------------------------------------------------------------------


def registered(uow, name="Gemeente Utrecht", weeks_ago=10) -> Client:
    client = use_cases.create_client(uow, {
        "name": name, "country": "NL",
        "address": {"street": "Stadsplateau 1", "postal_code": "3521 AZ", "city": "Utrecht"},
        "contact": {"name": "Eva Smit", "email": "eva@utrecht.example"}})
    client.created_at -= timedelta(weeks=weeks_ago)
    return client


def test_an_operator_makes_an_active_member_the_clients_contact_person():
    uow = FakeUnitOfWork()
    client = registered(uow)
    with pytest.raises(NotAnActiveMember):
        use_cases.set_relationship_owner(uow, client.id, ADA)
    uow.candidates.put(Candidate(ADA, 1, "Ada", None, "", None, "active"))
    owner = use_cases.set_relationship_owner(uow, client.id, ADA)
    again = use_cases.set_relationship_owner(uow, client.id, ADA)
    assert again == owner and len(uow.relationships.owner_rows) == 1
    found = use_cases.get_relationship(uow, client.id, date.today(), member_scope=ADA)
    assert found.owner.member_id == ADA


def test_a_member_reaches_only_the_relationships_they_keep():
    uow = FakeUnitOfWork()
    client = registered(uow)
    with pytest.raises(ClientNotFound):
        use_cases.get_relationship(uow, client.id, date.today(), member_scope=ADA)
    with pytest.raises(ClientNotFound):
        use_cases.add_relationship_note(uow, client.id, date.today(), "call", ADA, "Hi.",
                                        date.today(), member_scope=ADA)


def test_a_note_is_contact_that_took_place_and_takes_a_client_off_the_list():
    uow = FakeUnitOfWork()
    quiet, noted = registered(uow, "Quiet BV"), registered(uow, "Noted BV")
    today = date.today()
    with pytest.raises(NoteNotYetTaken):
        use_cases.add_relationship_note(uow, noted.id, today + timedelta(days=1), "call", None,
                                        "Will call.", today)
    use_cases.add_relationship_note(uow, noted.id, today - timedelta(days=3), "visit", None,
                                    "Coffee at their office.", today)
    weeks, page = use_cases.clients_needing_attention(uow, today, 20, None)
    assert weeks == 6
    assert [(i.client_id, i.last_contact_on, i.weeks_without_contact) for i in page.items] == [
        (quiet.id, None, 10)]


def test_the_list_pages_by_position_and_follows_the_setting():
    uow = FakeUnitOfWork()
    for index in range(3):
        registered(uow, f"Client {index}", weeks_ago=10 + index)
    _, first = use_cases.clients_needing_attention(uow, date.today(), 2, None)
    assert [i.name for i in first.items] == ["Client 2", "Client 1"]
    assert decode_cursor(first.next_cursor) == 2
    _, rest = use_cases.clients_needing_attention(uow, date.today(), 2, first.next_cursor)
    assert [i.name for i in rest.items] == ["Client 0"] and rest.next_cursor is None
    use_cases.change_relationship_settings(uow, {"needs_attention_after_weeks": 11})
    weeks, page = use_cases.clients_needing_attention(uow, date.today(), 20, None)
    assert weeks == 11 and [i.name for i in page.items] == ["Client 2", "Client 1"]


def test_invoices_from_billing_are_kept_once_per_event_in_any_order():
    uow = FakeUnitOfWork()
    paid = {"id": "e-paid", "type": "invoice_paid", "source": "billing"}
    issued = {"id": "e-issued", "type": "invoice_issued", "source": "billing"}
    assert use_cases.record_invoice_paid(uow, paid, "i1", "c1", "2027-0001", date(2027, 2, 20))
    assert not use_cases.record_invoice_paid(uow, paid, "i1", "c1", "2027-0001",
                                             date(2027, 2, 21))
    invoice = ClientInvoice("i1", "c1", "2027-0001", "p1", date(2027, 2, 1), date(2027, 3, 3),
                            Decimal("1210.00"))
    assert use_cases.record_invoice_issued(uow, issued, invoice)
    [kept] = uow.relationships.invoices("c1")
    assert (kept.status, kept.paid_on, kept.gross_total) == (
        "paid", date(2027, 2, 20), Decimal("1210.00"))


def invoice(number: str, total: str, credits: str | None = None,
            paid_on: date | None = None) -> ClientInvoice:
    return ClientInvoice(f"id-{number}", "c1", number, "p1", date(2027, 2, 1),
                         date(2027, 3, 3), Decimal(total), paid_on, credits)


@pytest.mark.parametrize(("notes", "status", "credited"), [
    ([], "issued", "0.00"),
    (["205.70"], "issued", "205.70"),  # partly credited: the rest is still owed
    (["205.70", "1004.30"], "credited", "1210.00"),
])
def test_an_invoice_is_credited_once_its_credit_notes_took_all_of_it_off(notes, status,
                                                                         credited):
    invoices = [invoice("2027-0001", "1210.00"), invoice("2027-0009", "99.00")] + [
        invoice(f"2027-00{10 + i}", total, credits="2027-0001")
        for i, total in enumerate(notes)]
    first, other, *credit_notes = with_credits(invoices)
    assert (first.status, first.credited) == (status, Decimal(credited))
    assert (other.status, other.credited) == ("issued", Decimal("0.00"))
    assert [note.status for note in credit_notes] == ["credit_note"] * len(notes)


def test_a_paid_invoice_stays_paid_when_credited_afterwards():
    paid, note = with_credits([invoice("2027-0001", "100.00", paid_on=date(2027, 2, 9)),
                               invoice("2027-0002", "100.00", credits="2027-0001")])
    assert (paid.status, paid.credited) == ("paid", Decimal("100.00"))


def test_a_credit_note_is_told_in_the_timeline_with_the_invoice_it_credits():
    [entry] = invoice_entries([invoice("2027-0002", "205.70", credits="2027-0001")])
    assert (entry.kind, entry.on) == ("credit_note_issued", date(2027, 2, 1))
    assert entry.summary == "Credit note 2027-0002 on invoice 2027-0001: EUR 205.70."
    assert entry.data["credited_invoice"] == "2027-0001"
