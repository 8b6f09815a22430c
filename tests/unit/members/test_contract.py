"""The published contract (schemas) checks formats without the domain; keep them in step."""

from decimal import Decimal

import pytest
from marshmallow import ValidationError

from services.members.domain import capacity, lifecycle, skills, unavailability
from services.members.schemas import (
    MemberChangesSchema,
    MemberDetailsSchema,
    MemberQuerySchema,
    profile,
)
from services.members.schemas import capacity as capacity_schemas
from services.members.schemas import fields as contract_fields
from services.members.schemas.capacity import AvailabilityQuerySchema, CapacityChangesSchema
from services.members.schemas.skills import SkillsDeclarationSchema, SkillVerifiedSchema


def test_the_contract_uses_the_domains_limits():
    assert profile.STATUSES == lifecycle.STATUSES
    assert capacity_schemas.KINDS == unavailability.KINDS
    assert contract_fields.MAX_WEEKLY_HOURS == capacity.MAX_WEEKLY_HOURS
    assert contract_fields.SLUG.pattern == skills.SLUG.pattern


def load_error_fields(schema, data) -> set[str]:
    with pytest.raises(ValidationError) as raised:
        schema.load(data)
    return set(raised.value.messages)


def test_weeks_are_checked_against_the_calendar():
    schema = AvailabilityQuerySchema()
    ids = ["4dcd248c-606c-499c-b70f-979a8f067ef3"]
    assert schema.load({"member_ids": ids, "from_week": "2026-W53",
                        "to_week": "2027-W01"})["to_week"] == "2027-W01"
    with pytest.raises(ValidationError) as raised:
        schema.load({"member_ids": ids, "from_week": "2025-W53", "to_week": "2026-W5"})
    assert set(raised.value.messages) == {"from_week", "to_week"}
    assert "2025 has ISO weeks 1 to 52" in raised.value.messages["from_week"][0]


def test_a_week_range_runs_forward_and_spans_at_most_three_years():
    schema = AvailabilityQuerySchema()
    ids = "4dcd248c-606c-499c-b70f-979a8f067ef3, 5dcd248c-606c-499c-b70f-979a8f067ef3"
    assert len(schema.load({"member_ids": ids, "from_week": "2026-W01",
                            "to_week": "2026-W52"})["member_ids"]) == 2
    assert load_error_fields(schema, {"member_ids": ids, "from_week": "2026-W10",
                                      "to_week": "2026-W09"}) == {"to_week"}
    assert load_error_fields(schema, {"member_ids": ids, "from_week": "2026-W01",
                                      "to_week": "2029-W10"}) == {"to_week"}
    assert load_error_fields(schema, {"member_ids": ["nope"], "from_week": "2026-W01",
                                      "to_week": "2026-W01"}) == {"member_ids"}


def test_hours_have_at_most_two_decimals_and_at_most_80_per_week():
    schema = CapacityChangesSchema()
    loaded = schema.load({"default_weekly_hours": "32", "overrides": {"2026-W10": None,
                                                                      "2026-W11": 7.5}})
    assert loaded == {"default_weekly_hours": Decimal("32.00"),
                      "overrides": {"2026-W10": None, "2026-W11": Decimal("7.50")}}
    for bad in ("7.125", "-1", "80.01", "lots", True, "NaN"):
        assert load_error_fields(schema, {"default_weekly_hours": bad}) == {
            "default_weekly_hours"}
    assert load_error_fields(schema, {"overrides": {"2026-W54": "8"}}) == {"overrides"}
    assert load_error_fields(schema, {}) == {"_schema"}


def test_levels_are_whole_numbers_from_1_to_5():
    schema = SkillsDeclarationSchema()
    with pytest.raises(ValidationError) as raised:
        schema.load({"skills": [{"skill": "python", "level": 6},
                                {"skill": "Not A Slug", "level": "3"},
                                {"skill": "sql", "level": 3, "shoe_size": 44}]})
    assert set(raised.value.messages["skills"]) == {0, 1, 2}
    assert schema.load({"skills": [{"skill": "sql", "level": 3}]})["skills"] == [
        {"skill": "sql", "level": 3, "years_experience": None, "wants_to_grow": False}]


def test_languages_are_iso_639_1_codes_and_phones_look_like_phones():
    schema = MemberDetailsSchema(partial=True)
    assert schema.load({"languages": ["NL", "en"], "phone": "+31 (0)6-1234 5678"}) == {
        "languages": ["nl", "en"], "phone": "+31 (0)6-1234 5678"}
    assert load_error_fields(schema, {"languages": ["xx"]}) == {"languages"}
    assert load_error_fields(schema, {"phone": "call me"}) == {"phone"}


def test_who_introduced_someone_cannot_be_changed_afterwards():
    assert "introduced_by" in MemberDetailsSchema().fields
    assert "introduced_by" not in MemberChangesSchema().fields


def test_skill_verified_ignores_fields_it_does_not_use():
    data = SkillVerifiedSchema().load({
        "member_id": "4dcd248c-606c-499c-b70f-979a8f067ef3", "skill": "python", "level": 4,
        "evidence": ["endorsement-1"], "endorser_name": "someone"})
    assert data["evidence"] == ["endorsement-1"] and data["verified_at"] is None


def test_a_member_id_list_counts_the_ids_as_given_then_drops_repeats():
    schema = MemberQuerySchema()
    one = "4dcd248c-606c-499c-b70f-979a8f067ef3"
    assert schema.load({"member_ids": ",".join([one] * 3)})["member_ids"] == [one]
    assert load_error_fields(schema, {"member_ids": [one] * 101}) == {"member_ids"}
