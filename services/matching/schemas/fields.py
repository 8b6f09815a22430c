"""Fields matching's schemas share: skills, levels, hours and ISO weeks on the wire."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from marshmallow import ValidationError, fields, validate

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")


class Slug(fields.String):
    """A skill as its slug from the members' taxonomy, e.g. `python`, `ux-research`."""

    def _deserialize(self, value, attr, data, **kwargs):
        slug = super()._deserialize(value, attr, data, **kwargs)
        if not 2 <= len(slug) <= 60 or not SLUG.fullmatch(slug):
            raise ValidationError("A skill slug is 2–60 lower-case letters, digits and hyphens.")
        return slug


class IsoWeekText(fields.String):
    """An ISO week as `YYYY-Www` (e.g. `2026-W48`), checked and kept as text."""

    def __init__(self, **kwargs):
        metadata = {"pattern": r"^\d{4}-W\d{2}$", "example": "2026-W48",
                    **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        match = ISO_WEEK.fullmatch(text)
        try:
            if match is None:
                raise ValueError
            date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        except ValueError:
            raise ValidationError(f"Not an ISO week written YYYY-Www, e.g. 2026-W48: "
                                  f"{text[:20]!r}.") from None
        return text


class Hours(fields.String):
    """Hours per week as a decimal string with 2 decimals, such as "32.00" (documented as
    a string: a JSON number would invite floats)."""

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else str(Decimal(value).quantize(Decimal("0.01")))

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            hours = Decimal(text.strip())
        except InvalidOperation as error:
            raise ValidationError('Hours are a decimal string such as "32.00".') from error
        if not hours.is_finite() or hours.as_tuple().exponent < -2:
            raise ValidationError("Hours have at most 2 decimals.")
        return hours.quantize(Decimal("0.01"))


class RoleHours(fields.Field):
    """A role's hours per week: a decimal string such as "16" or "7.50", more than 0, at most
    40, at most 2 decimals (never rounded)."""

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else str(Decimal(value).quantize(Decimal("0.01")))

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            raise ValidationError('Hours are a decimal string such as "16.00".')
        try:
            hours = Decimal(str(value).strip())
        except InvalidOperation as error:
            raise ValidationError('Hours are a decimal string such as "16.00".') from error
        if not hours.is_finite() or hours.as_tuple().exponent < -2:
            raise ValidationError("Hours are a finite number with at most 2 decimals.")
        if not Decimal("0") < hours <= Decimal("40"):
            raise ValidationError("Hours per week are more than 0 and at most 40.")
        return hours


def level(**kwargs):
    return fields.Integer(strict=True, validate=validate.Range(min=1, max=5), **kwargs)


class Share(fields.String):
    """A share from "0.00" to "1.00" as a decimal string (e.g. a discount), exact."""

    def __init__(self, **kwargs):
        metadata = {"pattern": r"^(0(\.\d{1,2})?|1(\.0{1,2})?)$", "example": "0.50",
                    **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else str(Decimal(value).quantize(Decimal("0.01")))

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            share = Decimal(text.strip())
        except InvalidOperation as error:
            raise ValidationError('A share is a decimal string such as "0.50".') from error
        if not share.is_finite() or share.as_tuple().exponent < -2 or not 0 <= share <= 1:
            raise ValidationError('A share from "0.00" to "1.00", at most 2 decimals.')
        return share
