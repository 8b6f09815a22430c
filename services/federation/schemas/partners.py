"""The partner registry, in and out."""

import pycountry
from marshmallow import ValidationError, fields, post_load, validate, validates_schema
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError as StdnumError

from infra.schemas import Schema, Text
from services.federation.schemas.fields import (
    AmqpUri,
    CoopUri,
    ExchangeName,
    PublicKeyText,
    SortedList,
    event_types,
)


class PartnerAddressSchema(Schema):
    uri = AmqpUri(required=True)
    exchange = ExchangeName(required=True)


COUNTRY_CODES = frozenset(country.alpha_2 for country in pycountry.countries)
EU_MEMBER_STATES = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})
_VAT_PREFIX = {"GR": "EL"}  # a VAT id starts with its member state's code, Greece's with EL


class CountryCode(fields.String):
    """An ISO 3166-1 alpha-2 country code (`NL`, `BE`); lower case is upper-cased."""

    def __init__(self, **kwargs):
        metadata = {"pattern": "^[A-Za-z]{2}$", **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        code = super()._deserialize(value, attr, data, **kwargs).upper()
        if code not in COUNTRY_CODES:
            raise ValidationError("Not an ISO 3166-1 alpha-2 country code (such as NL, DE or BE).")
        return code


class PostalAddressSchema(Schema):
    street = Text(min_length=1, max_length=200, required=True,
                  metadata={"description": "Street and house number."})
    postal_code = Text(min_length=1, max_length=16, required=True)
    city = Text(min_length=1, max_length=100, required=True)
    country = CountryCode(required=True)


class BillingDetailsSchema(Schema):
    """A partner coop's legal and billing details: what an invoice to it must name."""

    legal_name = Text(min_length=1, max_length=200, required=True)
    country = CountryCode(required=True, metadata={
        "description": "Where the coop is established (ISO 3166-1 alpha-2): decides the VAT "
                       "on invoices to it."})
    vat_id = Text(min_length=1, max_length=40, allow_none=True, load_default=None, metadata={
        "description": "Its VAT id. For a coop in an EU country, a valid VAT id of that "
                       "country (checked with python-stdnum, kept compact: "
                       "`NL 0044.95.445.B01` → `NL004495445B01`); elsewhere as written."})
    address = fields.Nested(PostalAddressSchema, required=True)

    @validates_schema
    def _vat_id_of_its_country(self, data, **kwargs):
        vat_id, country = data.get("vat_id"), data.get("country")
        if not vat_id or country not in EU_MEMBER_STATES:
            return
        try:
            compact = eu_vat.validate(vat_id)
        except StdnumError:
            raise ValidationError("Not a valid EU VAT id (e.g. NL004495445B01).",
                                  "vat_id") from None
        prefix = _VAT_PREFIX.get(country, country)
        if compact.startswith("GR"):
            compact = "EL" + compact[2:]
        if compact[:2] != prefix:
            raise ValidationError(f"Not a VAT id of {country}: it starts with {prefix}.",
                                  "vat_id")

    @post_load
    def _compact_vat_id(self, data, **kwargs):
        if data.get("vat_id") and data["country"] in EU_MEMBER_STATES:
            compact = eu_vat.compact(data["vat_id"])
            data["vat_id"] = "EL" + compact[2:] if compact.startswith("GR") else compact
        return data


class PartnerDetailsSchema(Schema):
    coop_uri = CoopUri(required=True)
    name = Text(max_length=200, min_length=1, required=True)
    public_keys = fields.List(PublicKeyText(), required=True,
                              validate=validate.Length(min=1, max=5))
    address = fields.Nested(PartnerAddressSchema, required=True)
    accepted_types = event_types(load_default=list)
    shared_types = event_types(load_default=list)
    billing = fields.Nested(BillingDetailsSchema, allow_none=True, load_default=None, metadata={
        "description": "Legal and billing details (optional now, needed before the partner "
                       "can be invoiced)."})


class PartnerChangesSchema(Schema):
    name = Text(max_length=200, min_length=1)
    address = fields.Nested(PartnerAddressSchema)
    accepted_types = event_types()
    shared_types = event_types()
    billing = fields.Nested(BillingDetailsSchema, allow_none=True, metadata={
        "description": "New legal and billing details (all of them); null removes them."})


class PartnerKeyDetailsSchema(Schema):
    public_key = PublicKeyText(required=True)


class PartnerKeySchema(Schema):
    key_id = fields.String()
    public_key = fields.String(attribute="key.base64")
    status = fields.Function(lambda key: "active" if key.is_active else "retired",
                             metadata={"enum": ["active", "retired"]})
    added_at = fields.AwareDateTime()
    retired_at = fields.AwareDateTime(allow_none=True)


class PartnerAddressOutSchema(Schema):
    uri = fields.String(attribute="redacted_uri", metadata={
        "description": "The AMQP URI, its password replaced by ***"})
    exchange = fields.String()


class PartnerSchema(Schema):
    id = fields.String()
    coop_uri = fields.String()
    name = fields.String()
    keys = fields.List(fields.Nested(PartnerKeySchema))
    address = fields.Nested(PartnerAddressOutSchema)
    accepted_types = SortedList(fields.String(), metadata={
        "description": "Event types this partner may send us"})
    shared_types = SortedList(fields.String(), metadata={
        "description": "Event types we send this partner"})
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()
    version = fields.Integer()
    billing = fields.Nested(lambda: BillingDetailsOutSchema(), allow_none=True)


class PartnerPageSchema(Schema):
    items = fields.List(fields.Nested(PartnerSchema))
    next_cursor = fields.String(allow_none=True)


class PostalAddressOutSchema(Schema):
    street = fields.String()
    postal_code = fields.String()
    city = fields.String()
    country = fields.String()


class BillingDetailsOutSchema(Schema):
    legal_name = fields.String()
    country = fields.String()
    vat_id = fields.String(allow_none=True)
    address = fields.Nested(PostalAddressOutSchema)


class PartnerAnnouncedSchema(Schema):
    """`data` of `partner_registered` / `partner_updated` on `federation.events`."""

    partner_id = fields.String(attribute="partner.id")
    coop_uri = fields.String(attribute="partner.coop_uri")
    name = fields.String(attribute="partner.name")
    version = fields.Integer(attribute="partner.version")
    billing = fields.Nested(BillingDetailsOutSchema, attribute="partner.billing",
                            allow_none=True)


PARTNER_EVENT_SCHEMAS = {"partner_registered": PartnerAnnouncedSchema(),
                         "partner_updated": PartnerAnnouncedSchema()}
