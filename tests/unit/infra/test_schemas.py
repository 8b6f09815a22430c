from decimal import Decimal

import pytest
from marshmallow import ValidationError, fields

from infra.errors import Invalid
from infra.schemas import (
    DutchVatNumber,
    Email,
    Iban,
    KvkNumber,
    Money,
    Page,
    Schema,
    Text,
    field_errors,
    invalid,
)


class Sample(Schema):
    kvk = KvkNumber()
    btw = DutchVatNumber()
    iban = Iban()
    email = Email()
    amount = Money(maximum=Decimal("1000"))
    name = Text(max_length=5, min_length=1)
    nested = fields.List(fields.Nested(Page))


def invalid_fields(payload) -> dict:
    with pytest.raises(ValidationError) as raised:
        Sample().load(payload)
    error = invalid(raised.value)
    assert isinstance(error, Invalid)
    return {error["field"]: error["message"] for error in error.errors}


def test_valid_identifiers_are_normalised():
    loaded = Sample().load({
        "kvk": "7000 0001", "btw": "nl100023757b01", "iban": "nl91 abna 0417 1643 00",
        "email": "Anouk@Example.NL", "amount": "85.5", "name": " Anne",
    })
    assert loaded == {
        "kvk": "70000001", "btw": "NL100023757B01", "iban": "NL91ABNA0417164300",
        "email": "anouk@example.nl", "amount": Decimal("85.50"), "name": "Anne",
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kvk", "1234567", "8 digits"),
        ("kvk", "1234567a", "8 digits"),
        ("btw", "NL100023758B01", "BTW"),
        ("btw", "DE123456789", "BTW"),
        ("iban", "NL91ABNA0417164301", "IBAN"),
        ("email", "not-an-email", "email"),
        ("amount", "12.345", "2 decimals"),
        ("amount", "-1", "at least 0"),
        ("amount", "1000.01", "at most 1000"),
        ("amount", "NaN", "finite"),
        ("amount", "twelve", "decimal string"),
        ("amount", True, "decimal string"),
        ("name", "   ", None),
        ("name", "toolong", "Length"),
        ("name", "  Anne ", "Length"),
    ],
)
def test_each_bad_value_is_reported_on_its_field(field, value, message):
    errors = invalid_fields({field: value})
    assert field in errors
    if message == "Length":
        assert "5" in errors[field]
    elif message:
        assert message.lower() in errors[field].lower()


def test_unknown_fields_are_rejected_by_name():
    assert invalid_fields({"shoe_size": 42}) == {"shoe_size": "Unknown field."}


def test_nested_errors_name_the_path():
    errors = invalid_fields({"nested": [{"limit": 5}, {"limit": 500}]})
    assert list(errors) == ["nested[1].limit"]


def test_a_payload_that_is_not_an_object_is_a_body_error():
    assert list(invalid_fields(["a", "list"])) == ["body"]


def test_amounts_keep_exact_cents_when_dumped():
    class Out(Schema):
        amount = Money()

    assert Out().dump({"amount": Decimal("0.1") + Decimal("0.2")}) == {"amount": "0.30"}


def test_field_errors_flattens_schema_level_messages():
    assert field_errors({"_schema": ["Give at least one field."]}) == [
        {"field": "body", "message": "Give at least one field."}
    ]


class _Note(Schema):
    title = Text(max_length=50)
    tags = fields.List(fields.String())


@pytest.mark.parametrize("given", [{"title": "a\x00b"}, {"tags": ["fine", "bad\x00"]}])
def test_text_with_a_nul_character_is_refused_naming_the_field(given):
    """PostgreSQL cannot store U+0000; it must be a field error, not a database error."""
    with pytest.raises(ValidationError) as refused:
        _Note().load(given)
    assert list(refused.value.messages) == list(given)
