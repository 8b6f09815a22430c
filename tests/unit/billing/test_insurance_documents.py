"""The certificate of coverage as HTML (escaped) and PDF, the insurance schemas, and the
event data: ids and dates only."""

from datetime import date
from decimal import Decimal

import pytest
from marshmallow import ValidationError

from services.billing.domain import insurance_policies
from services.billing.domain.insurance_certificate import (
    Certificate,
    certificate_html,
    certificate_pdf,
)
from services.billing.domain.insurance_enrolments import Enrolment
from services.billing.domain.insurance_events import InsuranceEnded, InsuranceEnrolled
from services.billing.domain.insurance_policies import Policy
from services.billing.schemas import insurance as schemas

POLICY = Policy("p1", "AVB <collectief>", "professional_liability", "Verzekeraar & Zn",
                "Schade aan derden", Decimal("2500000.00"), Decimal("25.00"),
                "<script>alert(1)</script>")
COVERED = Enrolment("e1", "m1", "p1", "professional_liability", date(2026, 1, 1))
ENDED = Enrolment("e2", "m1", "p1", "professional_liability", date(2025, 1, 1),
                  date(2025, 12, 31))


def certificate(enrolments, name="Zoë <b>Bakker</b>") -> Certificate:
    return Certificate.of("m1", name, date(2026, 3, 15), date(2026, 3, 16), "Multitalent U.A.",
                          enrolments, {"p1": POLICY})


def test_the_html_certificate_escapes_everything_and_lists_only_policies_in_force():
    page = certificate_html(certificate([COVERED, ENDED]))
    assert "Zoë &lt;b&gt;Bakker&lt;/b&gt;" in page
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "AVB &lt;collectief&gt;" in page and "Verzekeraar &amp; Zn" in page
    assert "2026-01-01 – tot nader order / until further notice" in page
    assert "2025-12-31" not in page  # the ended enrolment is not on it
    assert "Issued on 2026-03-16" in page and "Multitalent U.A." in page
    assert "2500000.00" in page


def test_a_member_without_coverage_gets_a_certificate_that_says_so():
    page = certificate_html(certificate([ENDED]))
    assert "is not insured" in page and "AVB" not in page


def test_the_pdf_is_a_pdf_with_the_facts_in_it():
    pdf = certificate_pdf(certificate([COVERED]))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    unnamed = certificate_pdf(certificate([], name=None))
    assert unnamed.startswith(b"%PDF-")


def test_the_schemas_know_the_domains_kinds():
    assert schemas.KINDS == insurance_policies.KINDS


def test_a_premium_with_three_decimals_is_refused_naming_the_field():
    details = {"name": "AVB", "kind": "legal_expenses", "insurer": "X", "coverage": "Y",
               "monthly_premium": "12.345"}
    with pytest.raises(ValidationError) as error:
        schemas.PolicyDetailsSchema().load(details)
    assert set(error.value.messages) == {"monthly_premium"}
    with pytest.raises(ValidationError) as kind:
        schemas.PolicyChangesSchema().load({"kind": "legal_expenses"})
    assert set(kind.value.messages) == {"kind"}  # the kind is fixed


def test_event_data_is_ids_and_dates_and_matches_its_schema():
    for event in (InsuranceEnrolled(COVERED), InsuranceEnded(ENDED)):
        dumped = schemas.INSURANCE_EVENT_SCHEMAS[event.type].dump(event)
        assert dumped == event.data
        assert set(dumped) <= {"enrolment_id", "member_id", "policy_id", "kind", "starts_on",
                               "ends_on"}
    assert InsuranceEnded(ENDED).data["ends_on"] == "2025-12-31"
