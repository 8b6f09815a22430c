"""Client organisations: RPC payloads and the `client_registered` / `client_updated` data."""

from marshmallow import ValidationError, fields, validate, validates_schema
from stdnum.eu import vat
from stdnum.exceptions import InvalidComponent
from stdnum.exceptions import ValidationError as StdnumError

from infra.schemas import Email, KvkNumber, Schema, Text

# ISO 3166-1 alpha-2: every officially assigned code (249).
COUNTRY_CODES = (
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX",
    "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ",
    "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK",
    "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
    "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR",
    "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
    "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN",
    "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
    "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV",
    "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ",
    "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI",
    "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
    "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC",
    "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
    "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR",
    "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
)

# Prefixes of EU VAT ids: the member states' ISO codes, but EL for Greece and XI for
# Northern Ireland (businesses trading goods under the Windsor Framework).
EU_VAT_PREFIXES = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
)


class CountryCode(fields.String):
    """An ISO 3166-1 alpha-2 country code, `NL`, `DE`, `BE`; lower case is upper-cased.

    Documented as a pattern rather than an enum: `nl` is accepted too.
    """

    def __init__(self, **kwargs):
        metadata = {"pattern": "^[A-Za-z]{2}$", **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        code = super()._deserialize(value, attr, data, **kwargs).upper()
        if code not in COUNTRY_CODES:
            raise ValidationError("Not an ISO 3166-1 alpha-2 country code (such as NL, DE or BE).")
        return code


class StrictBoolean(fields.Boolean):
    """JSON `true` or `false`, nothing else (marshmallow's Boolean also takes 1, "yes", "on")."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class EuVatNumber(fields.String):
    """An EU VAT id with its country prefix, checked with python-stdnum, kept compact:
    `NL 0044.95.445.B01` becomes `NL004495445B01`; Greek ids start with `EL`."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if len(text) > 40:
            raise ValidationError("Not a valid EU VAT id: too long.")
        try:
            number = vat.validate(text)
        except InvalidComponent as error:
            raise ValidationError(
                "Not a valid EU VAT id: it starts with the member state's prefix, "
                "e.g. NL004495445B01."
            ) from error
        except StdnumError as error:
            raise ValidationError(f"Not a valid EU VAT id: {error}") from error
        if number.startswith("GR"):
            number = "EL" + number[2:]
        if number[:2] not in EU_VAT_PREFIXES:
            raise ValidationError(
                "Not the VAT id of a business in an EU member state (or Northern Ireland)."
            )
        return number


# --- Clients: input ---------------------------------------------------------------------


class AddressDetailsSchema(Schema):
    """The client's postal address, also used on invoices."""

    street = Text(min_length=1, max_length=200, required=True,
                  metadata={"description": "Street and house number."})
    postal_code = Text(min_length=1, max_length=16, required=True)
    city = Text(min_length=1, max_length=100, required=True)


class ContactDetailsSchema(Schema):
    """The client's contact person (personal data: never published in events)."""

    name = Text(min_length=1, max_length=200, required=True)
    email = Email(required=True, metadata={"description": "Stored in lower case."})
    phone = Text(min_length=1, max_length=40, allow_none=True)


class ClientDetailsSchema(Schema):
    """What an operator gives to register a client organisation."""

    name = Text(min_length=1, max_length=200, required=True)
    country = CountryCode(
        required=True,
        metadata={"description": "ISO 3166-1 alpha-2 country code; upper-cased on input."},
    )
    vat_id = EuVatNumber(
        allow_none=True,
        metadata={"description": "EU VAT id with its country prefix, e.g. NL004495445B01; "
                                 "checked and stored compact. It must belong to `country` "
                                 "(Greece: EL, Northern Ireland: XI with country GB)."},
    )
    kvk_number = KvkNumber(
        allow_none=True,
        metadata={"description": "Dutch Chamber of Commerce number, 8 digits; only for "
                                 "clients with country NL."},
    )
    is_business = StrictBoolean(
        load_default=True,
        metadata={"description": "false for a private person; true by default."},
    )
    address = fields.Nested(AddressDetailsSchema, required=True)
    billing_email = Email(allow_none=True,
                          metadata={"description": "Where invoices go; stored in lower case."})
    contact = fields.Nested(ContactDetailsSchema, required=True)


class ClientChangesSchema(ClientDetailsSchema):
    """A partial change: any of the details, at least one. `address` and `contact` are
    replaced as a whole, so they are given complete; `null` removes an optional field."""

    @validates_schema
    def at_least_one_change(self, data, **kwargs):
        if not data:
            raise ValidationError("Give at least one field to change.")


# Top-level fields may be left out; nested objects stay complete (partial=True would
# make their fields optional too).
client_changes_schema = ClientChangesSchema(partial=tuple(ClientDetailsSchema().fields))


# --- Clients: output --------------------------------------------------------------------


class AddressSchema(Schema):
    street = fields.String()
    postal_code = fields.String()
    city = fields.String()


class ContactSchema(Schema):
    name = fields.String()
    email = fields.Email()
    phone = fields.String(allow_none=True)


class ClientSchema(Schema):
    """A client organisation as operators (and, later, the client itself) see it."""

    id = fields.UUID()
    name = fields.String()
    country = fields.String(validate=validate.OneOf(COUNTRY_CODES))
    vat_id = fields.String(allow_none=True)
    kvk_number = fields.String(allow_none=True)
    is_business = fields.Boolean()
    address = fields.Nested(AddressSchema)
    billing_email = fields.Email(allow_none=True)
    contact = fields.Nested(ContactSchema)
    version = fields.Integer(metadata={"description": "1 on registration, +1 on every change."})
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()


class ClientPageSchema(Schema):
    items = fields.List(fields.Nested(ClientSchema))
    next_cursor = fields.String(
        allow_none=True, metadata={"description": "Pass as `cursor` for the next page; null "
                                                  "on the last page."},
    )


class ClientEventSchema(Schema):
    """Data of `client_registered` and `client_updated`: what billing needs to invoice the
    client. Not the contact person: that is personal data."""

    client_id = fields.UUID(attribute="client.id")
    version = fields.Integer(attribute="client.version")
    name = fields.String(attribute="client.name")
    country = fields.String(attribute="client.country", validate=validate.OneOf(COUNTRY_CODES))
    vat_id = fields.String(attribute="client.vat_id", allow_none=True)
    kvk_number = fields.String(attribute="client.kvk_number", allow_none=True)
    is_business = fields.Boolean(attribute="client.is_business")
    address = fields.Nested(AddressSchema, attribute="client.address")
    billing_email = fields.Email(attribute="client.billing_email", allow_none=True)


