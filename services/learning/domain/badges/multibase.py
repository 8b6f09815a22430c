"""Multibase base58btc (`z…`), the encoding of Ed25519 keys in did:key and of proof values.

Bitcoin's base58 alphabet; each leading zero byte is one leading "1".
"""

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {character: value for value, character in enumerate(ALPHABET)}
PREFIX = "z"


def encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(ALPHABET[remainder])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return PREFIX + "1" * zeros + "".join(reversed(digits))


def decode(text: str) -> bytes:
    """The bytes of a `z…` string; `ValueError` if it is not base58btc multibase."""
    if not isinstance(text, str) or not text.startswith(PREFIX):
        raise ValueError("not base58btc multibase (it starts with 'z')")
    body = text[1:]
    number = 0
    for character in body:
        if character not in _INDEX:
            raise ValueError(f"{character!r} is not a base58 character")
        number = number * 58 + _INDEX[character]
    zeros = len(body) - len(body.lstrip("1"))
    size = (number.bit_length() + 7) // 8
    return b"\0" * zeros + number.to_bytes(size, "big")
