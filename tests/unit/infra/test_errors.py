import pytest
from nameko.exceptions import deserialize, serialize

import infra.rpc  # noqa: F401 - registers the error types with nameko
from infra.errors import Conflict, Invalid, NotFound, base_error


class SponsorMustBeActive(Conflict):
    def __init__(self):
        super().__init__("Only an active member can sponsor an applicant.")


def test_errors_cross_rpc_with_their_type_fields_and_rule():
    sent = base_error(SponsorMustBeActive())
    received = deserialize(serialize(sent))
    assert type(received) is Conflict
    assert received.detail == "Only an active member can sponsor an applicant."
    assert received.rule == "SponsorMustBeActive"


def test_field_errors_survive_the_trip():
    errors = [{"field": "kvk_number", "message": "A KvK number has exactly 8 digits."}]
    received = deserialize(serialize(Invalid("Invalid input: kvk_number", errors)))
    assert isinstance(received, Invalid)
    assert received.errors == errors
    assert received.rule is None


def test_only_service_errors_have_a_base():
    with pytest.raises(TypeError):
        base_error(ValueError("no"))
    assert type(base_error(NotFound("x"))) is NotFound
