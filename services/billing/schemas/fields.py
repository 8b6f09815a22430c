"""Field types of the billing contract: ids, amounts, days, hours, months, quarters,
invoice numbers, rates.

The gateway imports these schemas for its OpenAPI document and may not import the
domain, so formats are checked here with the standard library alone; the rules
(quarter hours, Dutch VAT rates, positive amounts) stay in the domain, which names
the rule when one is broken.

Bounds that keep bad input a 422 (never a database overflow or a date error deep in
a use case, which would be a 500 or an error naming another field):

- every amount that comes in is at most `MAX_AMOUNT` (999,999,999,999.99: what an
  amount column, `Numeric(14, 2)`, holds) or a smaller business limit given per
  field (`MAX_HOURLY_RATE`, `MAX_MONTHLY_BENEFIT`), written in plain digits
  (`"85.00"`, never `"1E+2"`);
- every day that comes in lies from `FIRST_DAY` (2000-01-01) to `LAST_DAY`
  (2999-12-31): billing's months begin in 2000, and dates computed from a day (due
  dates, benefit months) must still be dates.
"""

import re
import uuid
from datetime import date
from decimal import Decimal, InvalidOperation

from marshmallow import ValidationError, fields

from infra.schemas import Money, Page

MAX_AMOUNT = Decimal("999999999999.99")
MAX_HOURLY_RATE = Decimal("10000.00")
MAX_MONTHLY_BENEFIT = Decimal("10000.00")
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2999, 12, 31)

MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
QUARTER = re.compile(r"(\d{4})-Q([1-4])")
INVOICE_NUMBER = re.compile(r"\d{4}-\d{6}")


class Uuid(fields.UUID):
    """An id in a payload: a UUID, passed on as its canonical string."""

    def _deserialize(self, value, attr, data, **kwargs):
        return str(super()._deserialize(value, attr, data, **kwargs))


class Amount(Money):
    """An amount in EUR coming in: a decimal string with at most 2 decimals, never rounded,
    from `minimum` (default 0) to `maximum` (default `MAX_AMOUNT`), in plain digits.

    The bound is part of the field's description in the OpenAPI document.
    """

    def __init__(self, maximum: Decimal = MAX_AMOUNT, minimum: Decimal = Decimal("0"),
                 metadata: dict | None = None, **kwargs):
        metadata = dict(metadata or {})
        said = metadata.get("description", 'EUR, e.g. "85.00".')
        metadata["description"] = f'{said} At most "{maximum}".'
        super().__init__(minimum=minimum, maximum=maximum, metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and "e" in value.lower():
            raise ValidationError('Write the amount in plain digits, e.g. "85.00" '
                                  "(no exponent).")
        return super()._deserialize(value, attr, data, **kwargs)


class Day(fields.Date):
    """A calendar day `YYYY-MM-DD` from 2000-01-01 to 2999-12-31."""

    def __init__(self, metadata: dict | None = None, **kwargs):
        metadata = dict(metadata or {})
        said = metadata.get("description", "")
        metadata["description"] = (f"{said} " if said else "") + (
            f"From {FIRST_DAY} to {LAST_DAY}.")
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        day = super()._deserialize(value, attr, data, **kwargs)
        if not FIRST_DAY <= day <= LAST_DAY:
            raise ValidationError(f"{day} is outside the days billing keeps books for: give a "
                                  f"day from {FIRST_DAY} to {LAST_DAY}.")
        return day


class Hours(fields.Field):
    """Hours as a decimal string such as "7.75", at most 2 decimals (never rounded on input).

    Out: a string with 2 decimals. That hours are positive quarter hours is the
    domain's rule (`HoursMustBePositive`, `HoursMustBeQuarterHours`).
    """

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else format(Decimal(value), ".2f")

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            raise ValidationError('Hours are a decimal string such as "7.75".')
        try:
            hours = Decimal(str(value).strip())
        except InvalidOperation as error:
            raise ValidationError('Hours are a decimal string such as "7.75".') from error
        if not hours.is_finite() or hours.as_tuple().exponent < -2:
            raise ValidationError("Hours have at most 2 decimals, e.g. \"7.75\".")
        if abs(hours) > 10_000:
            raise ValidationError("Too many hours.")
        return hours


class Percent(fields.Field):
    """A rate or percentage: `"21"`, `"9"`, `"0"`, `"6.5"` (a string or a whole number in)."""

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else format(Decimal(value).normalize(), "f")

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
            raise ValidationError('A rate is a string such as "21", "9" or "0".')
        return str(value).strip()


class _Pattern(fields.String):
    pattern: re.Pattern
    message: str

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not self.pattern.fullmatch(text):
            raise ValidationError(self.message)
        return text


class _PeriodPattern(_Pattern):
    """A period whose first group is its year: from FIRST_DAY's year to LAST_DAY's."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not FIRST_DAY.year <= int(self.pattern.fullmatch(text).group(1)) <= LAST_DAY.year:
            raise ValidationError(f"{self.message} From {FIRST_DAY.year} to {LAST_DAY.year}.")
        return text


class MonthField(_PeriodPattern):
    """A calendar month as `YYYY-MM`, e.g. `2026-03`."""

    pattern = MONTH
    message = "A month is written YYYY-MM, e.g. 2026-03."


class QuarterField(_PeriodPattern):
    """A quarter as `YYYY-Qn`, e.g. `2026-Q1`."""

    pattern = QUARTER
    message = "A quarter is written YYYY-Qn, e.g. 2026-Q1."


class InvoiceNumberField(_Pattern):
    pattern = INVOICE_NUMBER
    message = "An invoice number looks like 2026-000123."


class PageQuery(Page):
    """`limit` (1–100, default 20) and `cursor`, plus the filters of each list."""


def resource_id(value, not_found) -> str:
    """The id of the object an RPC acts on; `not_found(value)` if it cannot be an id."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise not_found(str(value)[:100]) from None


def invoice_number(value, not_found) -> str:
    """An invoice number an RPC acts on; `not_found(value)` if it cannot be one."""
    text = str(value)
    if not INVOICE_NUMBER.fullmatch(text):
        raise not_found(text[:100])
    return text
