"""Skills in and out: the taxonomy, a member's declaration, learning's verification."""

from marshmallow import EXCLUDE, ValidationError, fields, post_load, validate, validates_schema

from infra.schemas import Schema, Text
from services.members.schemas.fields import MemberIdField, Slug

ESCO_SKILL_URI = r"http://data\.europa\.eu/esco/skill/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"
LEVEL = validate.Range(min=1, max=5, error="A skill level is a whole number from 1 to 5.")


def esco_uri_field(**kwargs) -> fields.String:
    """A skill's link to ESCO, or null."""
    return fields.String(allow_none=True, validate=validate.Regexp(
        ESCO_SKILL_URI, error="An ESCO skill URI looks like http://data.europa.eu/esco/skill/<uuid>."),
        **kwargs)


class DeclaredSkillSchema(Schema):
    skill = Slug(required=True)
    level = fields.Integer(strict=True, required=True, validate=LEVEL)
    years_experience = fields.Integer(strict=True, allow_none=True, load_default=None,
                                      validate=validate.Range(min=0, max=70))
    wants_to_grow = fields.Boolean(load_default=False)


class SkillsDeclarationSchema(Schema):
    """Everything the member declares; it replaces the previous declaration."""

    skills = fields.List(fields.Nested(DeclaredSkillSchema), required=True,
                         validate=validate.Length(max=100))


class NewSkillSchema(Schema):
    """A skill an operator adds to the taxonomy."""

    slug = Slug(required=True)
    name = Text(max_length=100, min_length=1, required=True,
                metadata={"description": "The skill's name in English."})
    name_nl = Text(max_length=100, min_length=1, load_default=None, allow_none=True,
                   metadata={"description": "The skill's name in Dutch; without it the "
                                            "English name is shown to Dutch readers."})
    category = Slug(required=True)
    esco_uri = esco_uri_field(load_default=None)


class SkillChangesSchema(Schema):
    """What an operator changes of a skill: any of these, at least one (never the slug)."""

    name = Text(max_length=100, min_length=1, metadata={
        "description": "The skill's name in English."})
    name_nl = Text(max_length=100, min_length=1, allow_none=True, metadata={
        "description": "The skill's name in Dutch; null: the English name is shown."})
    category = Slug(metadata={"description": "An existing category."})
    esco_uri = esco_uri_field()

    @validates_schema
    def at_least_one_change(self, data, **kwargs):
        if not data:
            raise ValidationError("Give at least one field to change.")


class TaxonomyQuerySchema(Schema):
    category = Slug(load_default=None)


class SkillSchema(Schema):
    slug = fields.String()
    name = fields.String(metadata={"description": "in English"})
    name_nl = fields.String(attribute="dutch_name", metadata={
        "description": "in Dutch (the English name when no Dutch one was given)"})
    category = fields.String()
    esco_uri = fields.String(allow_none=True)


class CategorySchema(Schema):
    slug = fields.String()
    name = fields.String(metadata={"description": "in English"})
    name_nl = fields.String(attribute="dutch_name", metadata={"description": "in Dutch"})


class TaxonomySchema(Schema):
    """Every category, and the skills (of one category, if asked)."""

    categories = fields.List(fields.Nested(CategorySchema))
    skills = fields.List(fields.Nested(SkillSchema))


class MemberSkillSchema(Schema):
    """A member's skill as the member and operators see it."""

    skill = fields.String()
    level = fields.Integer(allow_none=True)
    years_experience = fields.Integer(allow_none=True)
    wants_to_grow = fields.Boolean()
    verified_level = fields.Integer(allow_none=True)
    evidence = fields.List(fields.String())
    verified_at = fields.AwareDateTime(allow_none=True)


class PublicSkillSchema(Schema):
    """A member's skill on their public profile and in events."""

    skill = fields.String()
    level = fields.Integer(allow_none=True)
    years_experience = fields.Integer(allow_none=True)
    wants_to_grow = fields.Boolean()
    verified_level = fields.Integer(allow_none=True)


class SkillVerifiedSchema(Schema):
    """`data` of learning's `skill_verified`; fields this service does not use are ignored."""

    class Meta:
        unknown = EXCLUDE

    member_id = MemberIdField(required=True)
    skill = fields.String(required=True, validate=validate.Length(min=1, max=60))
    level = fields.Integer(strict=True, required=True, validate=LEVEL)
    evidence = fields.List(fields.String(validate=validate.Length(max=100)), load_default=list,
                           validate=validate.Length(max=100))
    verified_at = fields.AwareDateTime(load_default=None)


class SkillVerificationWithdrawnSchema(Schema):
    """`data` of learning's `skill_verification_withdrawn`, loaded as a verification with
    no level (what the members service records)."""

    class Meta:
        unknown = EXCLUDE

    member_id = MemberIdField(required=True)
    skill = fields.String(required=True, validate=validate.Length(min=1, max=60))
    withdrawn_at = fields.AwareDateTime(required=True)

    @post_load
    def as_verification(self, data, **kwargs) -> dict:
        return {"member_id": data["member_id"], "skill": data["skill"], "level": None,
                "evidence": [], "verified_at": data["withdrawn_at"]}


def taxonomy_view(taxonomy, category: str | None = None) -> dict:
    """The taxonomy as JSON: every category, and the skills (of one category, if given)."""
    return TaxonomySchema().dump({"categories": taxonomy.categories,
                                  "skills": taxonomy.skills(category)})
