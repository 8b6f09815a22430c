"""A partner's legal and billing details through the gateway, announced on federation.events."""

from tests.integration.federation.test_routes import http, partner_details  # noqa: F401
from tests.support.broker import EventTap
from tests.support.waiting import eventually

BELGIAN = {"legal_name": "Coop Belge SC", "country": "BE", "vat_id": "BE 0428.759.497",
           "address": {"street": "Rue Haute 1", "postal_code": "1000", "city": "Bruxelles",
                       "country": "BE"}}


def test_billing_details_are_given_changed_and_announced(http, amqp_uri):  # noqa: F811
    tap = EventTap(amqp_uri, "federation")
    try:
        created = http("POST", "/v1/federation/partners", json=partner_details())
        assert created.status_code == 201, created.text
        partner = created.json()
        assert partner["billing"] is None
        path = f"/v1/federation/partners/{partner['id']}"
        changed = http("PATCH", path, json={"billing": BELGIAN})
        assert changed.status_code == 200, changed.text
        assert changed.json()["billing"]["vat_id"] == "BE0428759497"
        assert http("GET", path).json()["billing"] == changed.json()["billing"]

        bad = http("PATCH", path, json={"billing": {**BELGIAN, "vat_id": "NL004495445B01"}})
        assert bad.status_code == 422
        assert bad.json()["errors"][0]["field"] == "billing.vat_id"

        events = []
        eventually(lambda: events.extend(tap.drain()) or len(
            [e for e in events if e["subject"] == partner["id"]]) >= 2, timeout=10)
        mine = [e for e in events if e["subject"] == partner["id"]]
        assert [e["type"] for e in mine] == ["partner_registered", "partner_updated"]
        assert mine[0]["data"]["billing"] is None
        assert mine[1]["data"] == {"partner_id": partner["id"],
                                   "coop_uri": partner["coop_uri"], "name": "Coop B",
                                   "version": 2, "billing": {**BELGIAN,
                                                             "vat_id": "BE0428759497"}}
    finally:
        tap.close()
