"""marshmallow base schema and the field types every service shares.

Every schema at a boundary derives from `Schema`, which rejects unknown fields.
A failed `load` raises marshmallow's `ValidationError`; `invalid()` turns it into
`infra.errors.Invalid` naming each bad field (the `rpc` entrypoint does that for
every handler, so no raw `ValidationError` crosses RPC).
"""

import re
from decimal import Decimal, InvalidOperation

from marshmallow import RAISE, ValidationError, fields, pre_load, validate
from marshmallow import Schema as _MarshmallowSchema
from schwifty import IBAN
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import btw

from infra.errors import Invalid


def field_errors(messages, prefix: str = "") -> list[dict]:
    """Flatten marshmallow's nested messages into `[{"field", "message"}]`.

    Nested fields are joined with dots and list positions in brackets:
    `{"skills": {0: {"level": ["Too high."]}}}` becomes `skills[0].level`.
    """
    if isinstance(messages, str):
        return [{"field": prefix or "body", "message": messages}]
    if isinstance(messages, list):
        flat = []
        for message in messages:
            flat.extend(field_errors(message, prefix))
        return flat
    flat = []
    for key, value in messages.items():
        if key == "_schema":
            path = prefix
        elif isinstance(key, int):
            path = f"{prefix}[{key}]"
        else:
            path = f"{prefix}.{key}" if prefix else str(key)
        flat.extend(field_errors(value, path))
    return flat


class Schema(_MarshmallowSchema):
    class Meta:
        unknown = RAISE

    @pre_load
    def no_nul_characters(self, data, **kwargs):
        """No text anywhere may hold U+0000: PostgreSQL cannot store it."""
        if isinstance(data, dict):
            bad = {key: ["Text may not contain the NUL character (U+0000)."]
                   for key, value in data.items() if _holds_nul(value)}
            if bad:
                raise ValidationError(bad)
        return data


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(_holds_nul(item) for item in value)
    return False



def invalid(error: ValidationError) -> Invalid:
    """The `Invalid` error for a failed load, naming every bad field."""
    errors = field_errors(error.messages)
    names = ", ".join(sorted({e["field"] for e in errors}))
    return Invalid(f"Invalid input: {names}", errors)


class _Normalised(fields.String):
    """A string field whose value is checked and normalised by `normalise`."""

    def normalise(self, value: str) -> str:
        raise NotImplementedError

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        return self.normalise(text)


class KvkNumber(_Normalised):
    """Dutch Chamber of Commerce number: exactly 8 digits."""

    def normalise(self, value: str) -> str:
        compact = re.sub(r"[\s.]", "", value)
        if not re.fullmatch(r"\d{8}", compact):
            raise ValidationError("A KvK number has exactly 8 digits.")
        return compact


class DutchVatNumber(_Normalised):
    """Dutch BTW identification number (btw-id), e.g. NL004495445B01."""

    def normalise(self, value: str) -> str:
        try:
            return "NL" + btw.validate(value)
        except StdnumError as error:
            raise ValidationError(f"Not a valid Dutch BTW id: {error}.") from error


class Iban(_Normalised):
    """International bank account number, checked by country format and checksum."""

    def normalise(self, value: str) -> str:
        try:
            return IBAN(value).compact
        except ValueError as error:
            raise ValidationError(f"Not a valid IBAN: {error}.") from error


class Email(fields.Email):
    """An e-mail address, compared and stored in lower case."""

    def _deserialize(self, value, attr, data, **kwargs):
        address = super()._deserialize(value, attr, data, **kwargs)
        if len(address) > 254:
            raise ValidationError("An e-mail address has at most 254 characters.")
        return address.lower()


class Money(fields.Field):
    """An amount in EUR as `Decimal` with at most 2 decimals; a string on the wire.

    Input is never rounded: `12.345` is rejected instead of becoming `12.35`.
    """

    def __init__(self, minimum: Decimal = Decimal("0"), maximum: Decimal | None = None, **kw):
        super().__init__(**kw)
        self.minimum = minimum
        self.maximum = maximum

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return str(Decimal(value).quantize(Decimal("0.01")))

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
            raise ValidationError("An amount is a decimal string such as \"85.00\".")
        try:
            amount = Decimal(str(value).strip())
        except InvalidOperation as error:
            raise ValidationError("An amount is a decimal string such as \"85.00\".") from error
        if not amount.is_finite():
            raise ValidationError("An amount must be a finite number.")
        if amount.as_tuple().exponent < -2:
            raise ValidationError("An amount has at most 2 decimals (whole cents).")
        if amount < self.minimum:
            raise ValidationError(f"An amount must be at least {self.minimum}.")
        if self.maximum is not None and amount > self.maximum:
            raise ValidationError(f"An amount must be at most {self.maximum}.")
        return amount.quantize(Decimal("0.01"))


class Page(Schema):
    """Arguments of every list call: `limit` (1–100) and an opaque `cursor`."""

    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
    cursor = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=500))


class Text(fields.String):
    """A string of at most `max_length` characters as sent, stored without surrounding
    whitespace, which must leave at least `min_length` characters."""

    def __init__(self, max_length: int, min_length: int = 0, **kwargs):
        super().__init__(validate=validate.Length(min=min_length, max=max_length), **kwargs)
        self.max_length = max_length

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if len(text) > self.max_length:
            raise ValidationError(f"Longer than maximum length {self.max_length}.")
        return text.strip()
