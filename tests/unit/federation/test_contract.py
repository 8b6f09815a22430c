"""The catalogue, the data schemas and the re-published events stay in step."""

from services.federation import catalogue
from services.federation.schemas.events import EVENT_SCHEMAS
from services.federation.schemas.federated import DATA_SCHEMAS, check_data
from tests.unit.federation.builders import SEAT_OFFERED, seat_offer


def test_every_federated_type_has_a_data_schema_and_an_internal_event():
    assert set(DATA_SCHEMAS) == set(catalogue.CATALOGUE)
    registry_events = {"partner_registered", "partner_updated"}  # the registry's own
    assert set(EVENT_SCHEMAS) == {t.internal for t in catalogue.CATALOGUE.values()} | \
        registry_events
    assert all(t.type.startswith("coop.multitalent.") and t.type.endswith(".v1")
               for t in catalogue.CATALOGUE.values())


def test_seat_offers_carry_no_client_identity_and_ranges_are_checked():
    assert check_data(SEAT_OFFERED, seat_offer())[1] == []
    _, errors = check_data(SEAT_OFFERED, seat_offer(client="Acme BV"))
    assert [e["field"] for e in errors] == ["client"]
    _, errors = check_data(SEAT_OFFERED, seat_offer(rate_min="99.00", rate_max="80.00"))
    assert [e["field"] for e in errors] == ["rate_min"]
