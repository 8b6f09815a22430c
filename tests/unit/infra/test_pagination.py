import pytest

from infra.errors import Invalid
from infra.pagination import decode_cursor, encode_cursor


def test_a_cursor_round_trips():
    assert decode_cursor(encode_cursor(4711)) == 4711


@pytest.mark.parametrize(
    "forged",
    ["", "not base64!", "e30", encode_cursor(1)[:-2] + "zz", "eyJhZnRlciI6IjEifQ",
     "eyJhZnRlciI6LTF9", "WzFd"],
)
def test_forged_cursors_are_invalid_on_the_cursor_field(forged):
    with pytest.raises(Invalid) as raised:
        decode_cursor(forged)
    assert raised.value.errors[0]["field"] == "cursor"
