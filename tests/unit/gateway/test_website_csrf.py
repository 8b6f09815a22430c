"""Signed double-submit CSRF tokens: equal in cookie and field, signed, not expired."""

import pytest

from gateway.website.csrf import CsrfRejected, CsrfTokens

SECRET = b"s" * 32


class Clock:
    def __init__(self, now: float = 1_800_000_000):
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_fresh_token_in_cookie_and_field_is_accepted():
    tokens = CsrfTokens(SECRET, clock=Clock())
    token = tokens.issue()
    tokens.check(token, token)
    assert tokens.usable(token, for_at_least=3600)
    assert tokens.issue() != token


@pytest.mark.parametrize("cookie, field, reason", [
    (None, "x", "missing"), ("x", None, "missing"), ("", "", "missing"),
])
def test_a_missing_token_is_rejected(cookie, field, reason):
    with pytest.raises(CsrfRejected) as rejected:
        CsrfTokens(SECRET).check(cookie, field)
    assert rejected.value.reason == reason


def test_a_field_that_differs_from_the_cookie_is_rejected():
    tokens = CsrfTokens(SECRET)
    with pytest.raises(CsrfRejected) as rejected:
        tokens.check(tokens.issue(), tokens.issue())
    assert rejected.value.reason == "mismatch"


def test_a_token_signed_with_another_secret_or_tampered_with_is_rejected():
    ours, theirs = CsrfTokens(SECRET), CsrfTokens(b"t" * 32)
    foreign = theirs.issue()
    nonce, issued, signature = ours.issue().split(".")
    tampered = f"{nonce}.{int(issued) + 3600}.{signature}"
    for token in (foreign, tampered, "no-dots", "a.b.c", "x" * 300):
        with pytest.raises(CsrfRejected) as rejected:
            ours.check(token, token)
        assert rejected.value.reason == "forged"
        assert not ours.usable(token)


def test_a_token_expires_after_its_max_age():
    clock = Clock()
    tokens = CsrfTokens(SECRET, max_age=7200, clock=clock)
    token = tokens.issue()
    clock.now += 7200
    tokens.check(token, token)
    assert not tokens.usable(token, for_at_least=1800)  # a form page would issue a new one
    clock.now += 1
    with pytest.raises(CsrfRejected) as rejected:
        tokens.check(token, token)
    assert rejected.value.reason == "expired"


def test_the_secret_must_be_long_enough():
    with pytest.raises(ValueError):
        CsrfTokens(b"short")


def test_a_token_with_letters_beyond_ascii_is_forged_not_an_error():
    tokens = CsrfTokens(SECRET)
    odd = "a.1.é"
    assert tokens.age(odd) is None and not tokens.usable(odd)
    with pytest.raises(CsrfRejected) as rejected:
        tokens.check(odd, odd)
    assert rejected.value.reason == "forged"
