"""Proposals with coverage: billing asked in chunks the schema accepts, and `null` (the
proposal still served) whatever way billing fails."""

import logging
import uuid

import pytest
from nameko.exceptions import RemoteError, UnknownService

from gateway.routes.insurance import COVERAGE_CHUNK, INSURED, with_coverage
from infra.errors import Invalid
from infra.rpc import ServiceUnavailable
from services.billing.schemas.insurance import CoverageRequestSchema


class Billing:
    """Answers `insurance_coverage` like billing (after its schema), or fails with `error`."""

    def __init__(self, insured=(), error=None):
        self.insured, self.error, self.calls = set(insured), error, []

    def insurance_coverage(self, member_ids, on_date):
        self.calls.append(list(member_ids))
        if self.error is not None:
            raise self.error
        data = CoverageRequestSchema().load({"member_ids": member_ids, "on_date": on_date})
        return {m: ["professional_liability"] if m in self.insured else []
                for m in data["member_ids"]}


def proposal(members: list[str]) -> dict:
    seats = [{"primary": primary, "backup": {"member_id": backup}}
             for primary, backup in zip(members[::2], members[1::2], strict=True)]
    return {"id": "p1", "best": {"seats": seats}, "alternatives": []}


def marks(p: dict) -> dict:
    seen = {}
    for seat in p["best"]["seats"]:
        seen[seat["primary"]] = seat[INSURED]
        seen[seat["backup"]["member_id"]] = seat["backup"][INSURED]
    return seen


def test_proposed_members_are_marked_insured_or_not():
    members = [str(uuid.uuid4()) for _ in range(4)]
    p = proposal(members)
    with_coverage(Billing(insured=[members[1]]), [p])
    assert marks(p) == {m: m == members[1] for m in members}


def test_more_members_than_one_call_takes_are_asked_in_chunks():
    members = sorted(str(uuid.uuid4()) for _ in range(2 * COVERAGE_CHUNK + 2))
    p, billing = proposal(members), Billing(insured=members[-1:])
    with_coverage(billing, [p])
    assert [len(call) for call in billing.calls] == [COVERAGE_CHUNK, COVERAGE_CHUNK, 2]
    assert marks(p)[members[-1]] is True and marks(p)[members[0]] is False


@pytest.mark.parametrize("error", [
    ServiceUnavailable("billing", "insurance_coverage", 2.0),
    UnknownService("billing"),
    RemoteError("ValueError", "boom"),
    Invalid("too many", [{"field": "member_ids", "message": "at most 500"}]),
])
def test_whatever_billing_fails_with_coverage_is_null(error, caplog):
    members = [str(uuid.uuid4()) for _ in range(2)]
    p = proposal(members)
    with caplog.at_level(logging.WARNING, logger="gateway.routes.insurance"):
        with_coverage(Billing(error=error), [p])
    assert marks(p) == {m: None for m in members}
    assert "insurance_coverage failed" in caplog.text
