"""A partner coop's legal and billing details: optional, changeable, announced to billing."""

import pytest
from marshmallow import ValidationError

from services.federation.domain import use_cases
from services.federation.schemas.partners import (
    PartnerAnnouncedSchema,
    PartnerChangesSchema,
    PartnerDetailsSchema,
)
from tests.unit.federation.builders import COOP_B
from tests.unit.federation.fakes import FakeUnitOfWork
from tests.unit.federation.test_partners import details

BELGIAN = {"legal_name": "Coop Belge SC", "country": "be", "vat_id": "BE 0428.759.497",
           "address": {"street": "Rue Haute 1", "postal_code": "1000", "city": "Bruxelles",
                       "country": "BE"}}


def registered(uow, **changes):
    return use_cases.add_partner(uow, PartnerDetailsSchema().load(details(**changes)), COOP_B)


def test_billing_details_are_optional_and_announced_with_the_registration():
    uow = FakeUnitOfWork()
    partner = registered(uow)
    assert partner.billing is None
    [event] = uow.published
    assert event.type == "partner_registered" and event.subject == partner.id
    data = PartnerAnnouncedSchema().dump(event)
    assert data == {"partner_id": partner.id, "coop_uri": partner.coop_uri, "name": "Coop A",
                    "version": 1, "billing": None}


def test_an_eu_vat_id_is_checked_and_kept_compact():
    loaded = PartnerDetailsSchema().load(details(billing=BELGIAN))
    assert loaded["billing"]["vat_id"] == "BE0428759497"
    assert loaded["billing"]["country"] == "BE"


@pytest.mark.parametrize("vat_id, message", [
    ("BE0428759498", "Not a valid EU VAT id"),   # checksum
    ("NL004495445B01", "Not a VAT id of BE"),     # valid, but another country's
])
def test_a_vat_id_that_is_not_the_countrys_is_refused_on_its_field(vat_id, message):
    with pytest.raises(ValidationError) as raised:
        PartnerDetailsSchema().load(details(billing={**BELGIAN, "vat_id": vat_id}))
    assert message in raised.value.messages["billing"]["vat_id"][0]


def test_outside_the_eu_a_vat_id_is_taken_as_written_and_may_be_absent():
    swiss = {**BELGIAN, "country": "CH", "vat_id": "CHE-123.456.788 MWST",
             "address": {**BELGIAN["address"], "country": "CH"}}
    assert PartnerDetailsSchema().load(details(billing=swiss))["billing"]["vat_id"] == \
        "CHE-123.456.788 MWST"
    assert PartnerDetailsSchema().load(
        details(billing={**BELGIAN, "vat_id": None}))["billing"]["vat_id"] is None


def test_a_country_must_be_iso_3166():
    with pytest.raises(ValidationError) as raised:
        PartnerDetailsSchema().load(details(billing={**BELGIAN, "country": "XX"}))
    assert "country" in raised.value.messages["billing"]


def test_billing_details_are_given_changed_and_removed_and_each_change_announced():
    uow = FakeUnitOfWork()
    partner = registered(uow)
    given = use_cases.update_partner(uow, partner.id,
                                     PartnerChangesSchema().load({"billing": BELGIAN}))
    assert given.billing.vat_id == "BE0428759497" and given.billing.address.city == "Bruxelles"
    renamed = use_cases.update_partner(uow, partner.id, {"name": "Coop A2"})
    assert renamed.billing == given.billing  # left out: kept
    removed = use_cases.update_partner(uow, partner.id,
                                       PartnerChangesSchema().load({"billing": None}))
    assert removed.billing is None
    announced = [PartnerAnnouncedSchema().dump(e) for e in uow.published]
    assert [e.type for e in uow.published] == ["partner_registered"] + ["partner_updated"] * 3
    assert announced[1]["billing"] == {
        "legal_name": "Coop Belge SC", "country": "BE", "vat_id": "BE0428759497",
        "address": {"street": "Rue Haute 1", "postal_code": "1000", "city": "Bruxelles",
                    "country": "BE"}}
    assert announced[2]["name"] == "Coop A2" and announced[2]["version"] == 3
    assert announced[3]["billing"] is None
