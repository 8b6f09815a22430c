"""Small builders for the billing unit tests: the coop, clients, contracts, hours, dates."""

from datetime import UTC, date, datetime
from decimal import Decimal

from services.billing.domain.contract import Contract
from services.billing.domain.coop_settings import CoopSettings
from services.billing.domain.invoice import draft_invoice
from services.billing.domain.numbering import InvoiceNumber
from services.billing.domain.parties import Address, ClientParty, CoopParty
from services.billing.domain.period import Month
from services.billing.domain.timesheet import TimeEntry

SETTINGS = CoopSettings()
MARCH = Month(2026, 3)
NOW = datetime(2026, 3, 31, 17, 0, tzinfo=UTC)

COOP = CoopParty(
    name="Multitalent U.A.",
    address=Address("Oudegracht 100", "3511 AX", "Utrecht", "NL"),
    vat_id="NL004495445B01",
    kvk_number="30280353",
    iban="NL91ABNA0417164300",
    bic="ABNANL2A",
    email="facturen@multitalent.example",
)

DUTCH_CLIENT = ClientParty(
    id="client-nl", name="Gemeente Utrecht",
    address=Address("Stadsplateau 1", "3521 AZ", "Utrecht", "NL"),
    vat_id="NL004495445B01", kvk_number="30280353", billing_email="facturen@utrecht.example")
GERMAN_CLIENT = ClientParty(
    id="client-de", name="Stadtwerke Köln GmbH",
    address=Address("Parkgürtel 24", "50823", "Köln", "DE"),
    vat_id="DE136695976", billing_email="rechnung@koeln.example")
GERMAN_CLIENT_WITHOUT_VAT_ID = ClientParty(
    id="client-de2", name="Köln Startup GmbH",
    address=Address("Domstraße 1", "50668", "Köln", "DE"), vat_id=None)
US_CLIENT = ClientParty(
    id="client-us", name="Acme Inc.",
    address=Address("1 Main Street", "10001", "New York", "US"),
    billing_email="ap@acme.example")
PRIVATE_BELGIAN = ClientParty(
    id="client-be-private", name="Jan Peeters",
    address=Address("Meir 1", "2000", "Antwerpen", "BE"), is_business=False)

MEMBER_IBANS = {"anouk": "NL91ABNA0417164300", "bram": "NL20INGB0001234567",
                "chris": "DE89370400440532013000"}


def assignment(member="anouk", client=DUTCH_CLIENT, rate="85.00", project="project-1",
               starts="2026-03-01", ends="2026-06-30", vat_rate="21", contract_id=None) -> dict:
    return {"assignment_id": contract_id or f"c-{member}-{client.id}-{project}",
            "member_id": member, "client_id": client.id, "project_id": project,
            "hourly_rate": rate, "starts_on": starts, "ends_on": ends,
            "description": "Software development", "vat_rate": vat_rate}


def contract(**kwargs) -> Contract:
    return Contract.from_assignment(assignment(**kwargs), SETTINGS)


def approved(contract: Contract, day: date, hours: str, entry_id: str | None = None) -> TimeEntry:
    entry = TimeEntry.submit(contract, contract.member_id, day, hours, Decimal(0), NOW)
    if entry_id:
        entry.id = entry_id
    entry.approve(contract.client_id, NOW)
    return entry


def issued_invoice(client=DUTCH_CLIENT, lines=(("anouk", "85.00", "10"),), number=1,
                   issue_date=date(2026, 4, 1), vat_rate="21"):
    """An invoice for `lines` of (member, rate, hours) on 2 March."""
    contracts, entries = {}, []
    for member, rate, hours in lines:
        c = contract(member=member, client=client, rate=rate, vat_rate=vat_rate)
        contracts[c.id] = c
        entries.append(approved(c, date(2026, 3, 2), hours))
    draft = draft_invoice(client, "project-1", MARCH, contracts, entries)
    return draft.issue(InvoiceNumber(issue_date.year, number), issue_date, COOP,
                       SETTINGS.payment_terms_days)
