"""JSON canonicalisation (JCS, RFC 8785) for the credentials this coop issues.

`json.dumps` with sorted keys, no whitespace and UTF-8 output is exactly JCS for
the values our credentials hold: objects with ASCII keys, strings, booleans,
null and integers within ±2^53. RFC 8785 differs from it only for floating-point
numbers, integers beyond 2^53 (both written as IEEE doubles) and keys outside
the Basic Multilingual Plane (sorted by UTF-16 units); a credential with such
values is not one we issued, so canonicalising refuses them.
"""

import json

MAX_SAFE_INTEGER = 2**53 - 1


def _check(value) -> None:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise ValueError("an integer beyond 2^53 has no exact JSON form")
        return
    if isinstance(value, float):
        raise ValueError("a number that is not an integer is never part of our credentials")
    if isinstance(value, list):
        for item in value:
            _check(item)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or any(ord(c) > 0xFFFF for c in key):
                raise ValueError("object keys must be strings in the Basic Multilingual Plane")
            _check(item)
        return
    raise ValueError(f"{type(value).__name__} is not a JSON value")


def canonical(value) -> bytes:
    """The JCS bytes of `value`; `ValueError` for values our credentials never hold."""
    _check(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")
