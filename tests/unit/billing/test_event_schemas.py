"""The published event schemas (the contract the gateway documents) dump exactly the
domain events' data, for every event billing publishes."""

from datetime import date

from services.billing.domain import use_cases
from services.billing.schemas.events import EVENT_SCHEMAS
from tests.unit.billing.builders import DUTCH_CLIENT, SETTINGS
from tests.unit.billing.story import MARCH, a_coop, command, work


def every_kind_of_event():
    uow = a_coop()
    work(uow, "anouk", {2: "8", 3: "2"})
    rejected = work(uow, "bram", {4: "3"}, approve=False)
    use_cases.reject_hours(uow, DUTCH_CLIENT.id, [e.id for e in rejected], "Not on this project")
    (invoice,) = use_cases.run_monthly_invoicing(uow, MARCH, date(2026, 4, 1), command(),
                                                 SETTINGS).issued
    use_cases.register_payment(uow, invoice.number, "bank-1", invoice.gross_total,
                               date(2026, 4, 2))
    use_cases.issue_credit_note(uow, invoice.number, "Wrong rate", date(2026, 4, 3), command(),
                                SETTINGS, {1: "1"})
    use_cases.create_payout_batch(uow, "batch-1", date(2026, 4, 4))
    use_cases.join_solidarity_fund(uow, "anouk", "1000.00", date(2026, 4, 1), SETTINGS)
    use_cases.file_claim(uow, "anouk", date(2026, 4, 10), date(2026, 4, 11), SETTINGS)
    return uow.published


def test_every_published_event_has_a_schema_that_dumps_its_data():
    events = every_kind_of_event()
    assert {e.type for e in events} == set(EVENT_SCHEMAS)
    for event in events:
        assert EVENT_SCHEMAS[event.type].dump(event) == event.data, event.type
