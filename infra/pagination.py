"""Opaque cursors for keyset pagination over an insertion-ordered sequence column.

A cursor encodes the sequence number of the last item of a page. New rows get
higher numbers, so paging stays correct when rows are inserted between two
requests: nothing is returned twice and nothing that existed is skipped.
"""

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass

from infra.errors import Invalid


@dataclass(frozen=True)
class Page:
    items: list
    next_cursor: str | None


def encode_cursor(sequence: int) -> str:
    raw = json.dumps({"after": sequence}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The sequence number in `cursor`; `Invalid` naming `cursor` if it was forged."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        position = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise _bad_cursor() from error
    after = position.get("after") if isinstance(position, dict) else None
    if type(after) is not int or after < 0:
        raise _bad_cursor()
    return after


def keyset_page(session, query, sequence_column, limit: int, cursor: str | None,
                to_item: Callable) -> Page:
    """Run `query` for one page of at most `limit` items after `cursor`."""
    query = query.order_by(sequence_column).limit(limit + 1)
    if cursor is not None:
        query = query.where(sequence_column > decode_cursor(cursor))
    rows = session.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(getattr(rows[-1], sequence_column.name)) if more else None
    return Page([to_item(row) for row in rows], next_cursor)


def _bad_cursor() -> Invalid:
    message = "Not a cursor returned by this API; start again without one."
    return Invalid("Invalid cursor", [{"field": "cursor", "message": message}])
