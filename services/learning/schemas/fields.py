"""Field types of the learning contract: slugs, levels, ids, hours, amounts.

The contract is published to the gateway (for its OpenAPI document), which may not
import the domain: these fields check formats with the standard library alone,
and a unit test keeps their limits equal to the domain's.
"""

import re
import uuid
from decimal import Decimal, InvalidOperation

from marshmallow import ValidationError, fields, validate

from infra.schemas import Money

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LEVEL_RANGE = validate.Range(min=1, max=5, error="A skill level is a whole number from 1 to 5.")
MAX_HOURS_PER_MONTH = Decimal("80")
MAX_REQUEST_AMOUNT = Decimal("100000.00")


class Slug(fields.String):
    """A skill as its slug: lower-case words joined by hyphens, e.g. `machine-learning`."""

    def _deserialize(self, value, attr, data, **kwargs):
        slug = super()._deserialize(value, attr, data, **kwargs)
        if not 2 <= len(slug) <= 60 or not SLUG.fullmatch(slug):
            raise ValidationError("A skill slug is 2–60 lower-case letters, digits and hyphens.")
        return slug


def level(**kwargs) -> fields.Integer:
    return fields.Integer(strict=True, validate=LEVEL_RANGE, **kwargs)


class Id(fields.UUID):
    """An id in a payload: a UUID, passed on as a string."""

    def _deserialize(self, value, attr, data, **kwargs):
        return str(super()._deserialize(value, attr, data, **kwargs))


def resource_id(value, not_found) -> str:
    """The id of the object an RPC acts on; `not_found(value)` if it cannot be an id."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise not_found(str(value)[:100]) from None


class MonthlyHours(fields.Field):
    """Hours a month: a decimal such as "8.00", above 0 and at most 80, ≤ 2 decimals."""

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else format(value, ".2f")

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            raise ValidationError('Hours are a decimal string such as "8.00".')
        try:
            hours = Decimal(str(value).strip())
        except InvalidOperation as error:
            raise ValidationError('Hours are a decimal string such as "8.00".') from error
        if not hours.is_finite() or hours.as_tuple().exponent < -2:
            raise ValidationError("Hours have at most 2 decimals.")
        if not Decimal("0") < hours <= MAX_HOURS_PER_MONTH:
            raise ValidationError(f"Hours a month are above 0 and at most {MAX_HOURS_PER_MONTH}.")
        return hours.quantize(Decimal("0.01"))


class AmountString(Money):
    """EUR as a decimal string only ("850.00"): a JSON number is not an exact amount."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise ValidationError('An amount is a decimal string such as "850.00", not a number.')
        return super()._deserialize(value, attr, data, **kwargs)
