"""Field types of the members contract: ISO weeks, hours, languages, slugs, id lists.

The contract is published to the gateway (for its OpenAPI document), which may not
import the domain: these fields check formats with the standard library alone, and
a unit test keeps their limits equal to the domain's.
"""

import re
import uuid
from datetime import date
from decimal import Decimal, InvalidOperation

import pycountry
from marshmallow import ValidationError, fields

from infra.schemas import Text

MAX_WEEKLY_HOURS = Decimal("80")
ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def iso_week_monday(text) -> date:
    """The Monday of ISO week `text` (`YYYY-Www`); `ValidationError` if there is no such week."""
    match = ISO_WEEK.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ValidationError("An ISO week is written YYYY-Www, e.g. 2026-W05.")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        last = date(year, 12, 28).isocalendar().week if year >= 1 else 52
        raise ValidationError(f"{year} has ISO weeks 1 to {last}; there is no week {week}.") \
            from None


class IsoWeekField(fields.String):
    """An ISO week as `YYYY-Www` (week 53 only in years that have one), kept as text."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        iso_week_monday(text)
        return text


def hours_text(hours: Decimal) -> str:
    return format(hours, ".2f")


class Hours(fields.Field):
    """Hours per week: a decimal string such as "32.00", 0 to 80, at most 2 decimals.

    Input is never rounded: `7.125` is rejected instead of becoming `7.13`.
    """

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else hours_text(value)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            raise ValidationError('Hours are a decimal string such as "32.00".')
        try:
            hours = Decimal(str(value).strip())
        except InvalidOperation as error:
            raise ValidationError('Hours are a decimal string such as "32.00".') from error
        if not hours.is_finite() or hours.as_tuple().exponent < -2:
            raise ValidationError("Hours have at most 2 decimals.")
        if not Decimal("0") <= hours <= MAX_WEEKLY_HOURS:
            raise ValidationError(f"Hours per week are from 0 to {MAX_WEEKLY_HOURS}.")
        return hours.quantize(Decimal("0.01"))


class Language(fields.String):
    """A language as its ISO 639-1 code (`nl`, `en`, `tr`), stored in lower case."""

    def _deserialize(self, value, attr, data, **kwargs):
        code = super()._deserialize(value, attr, data, **kwargs).strip().lower()
        if len(code) != 2 or pycountry.languages.get(alpha_2=code) is None:
            raise ValidationError(f"{value!r} is not an ISO 639-1 language code such as 'nl'.")
        return code


class Slug(fields.String):
    """Lower-case words joined by hyphens, e.g. `machine-learning`."""

    def _deserialize(self, value, attr, data, **kwargs):
        slug = super()._deserialize(value, attr, data, **kwargs)
        if not 2 <= len(slug) <= 60 or not SLUG.fullmatch(slug):
            raise ValidationError("A slug is 2–60 lower-case letters, digits and hyphens.")
        return slug


class MemberIdField(fields.UUID):
    """A member id in a payload: a UUID, passed on as a string."""

    def _deserialize(self, value, attr, data, **kwargs):
        return str(super()._deserialize(value, attr, data, **kwargs))


class MemberIdList(fields.List):
    """Member ids as a list, or as one comma-separated string (from a query string)."""

    def __init__(self, **kwargs):
        super().__init__(MemberIdField(), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        ids = super()._deserialize(value, attr, data, **kwargs)
        for validator in self.validators:  # on the ids as given: 101 copies are too many too
            validator(ids)
        return list(dict.fromkeys(ids))


class Phone(Text):
    """A phone number as people write it: digits, spaces, ( ) . / - and an optional +."""

    PATTERN = re.compile(r"\+?[0-9][0-9 ()./-]{5,38}")

    def __init__(self, **kwargs):
        super().__init__(max_length=40, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        phone = super()._deserialize(value, attr, data, **kwargs)
        if not self.PATTERN.fullmatch(phone):
            raise ValidationError("A phone number has digits, spaces, ( ) . / - and an "
                                  "optional +.")
        return phone


def resource_id(value, not_found) -> str:
    """The id of the object an RPC acts on; `not_found(value)` if it cannot be an id."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise not_found(str(value)[:100]) from None


class StrictBoolean(fields.Boolean):
    """JSON `true` or `false`, nothing else (marshmallow's Boolean also takes 1, "yes", "on")."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value
