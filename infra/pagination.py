"""Opaque cursors for keyset pagination.

Over an insertion-ordered sequence column (`keyset_page`): a cursor encodes the sequence
number of the last item of a page. New rows get higher numbers, so paging stays correct
when rows are inserted between two requests: nothing is returned twice and nothing that
existed is skipped.

Newest first, by a timestamp and an id (`newest_first_page`, for tables without a
sequence column): a cursor encodes the timestamp and id of the last item of a page; the
next page holds what is older. Rows added between two requests are newer than the
cursor: they appear on a first page, never in the middle of a walk.
"""

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from infra.errors import Invalid


@dataclass(frozen=True)
class Page:
    items: list
    next_cursor: str | None


def _encode(position: dict) -> str:
    raw = json.dumps(position, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> dict:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        position = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise _bad_cursor() from error
    return position if isinstance(position, dict) else {}


def encode_cursor(sequence: int) -> str:
    return _encode({"after": sequence})


def decode_cursor(cursor: str) -> int:
    """The sequence number in `cursor`; `Invalid` naming `cursor` if it was forged."""
    after = _decode(cursor).get("after")
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


def encode_time_cursor(at: datetime, key: str) -> str:
    return _encode({"before": [at.isoformat(), key]})


def decode_time_cursor(cursor: str) -> tuple[datetime, str]:
    """The timestamp and id in `cursor`; `Invalid` naming `cursor` if it was forged."""
    before = _decode(cursor).get("before")
    if not (isinstance(before, list) and len(before) == 2
            and all(isinstance(part, str) for part in before)):
        raise _bad_cursor()
    try:
        at = datetime.fromisoformat(before[0])
    except ValueError as error:
        raise _bad_cursor() from error
    if at.tzinfo is None:
        raise _bad_cursor()
    return at, before[1]


def newest_first_page(session, query, time_column, id_column, limit: int, cursor: str | None,
                      to_item: Callable) -> Page:
    """Run `query` for one page of at most `limit` items, newest first (by `time_column`,
    then `id_column`), older than `cursor`."""
    query = query.order_by(time_column.desc(), id_column.desc()).limit(limit + 1)
    if cursor is not None:
        at, key = decode_time_cursor(cursor)
        query = query.where((time_column < at) | ((time_column == at) & (id_column < key)))
    rows = session.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if more else None
    next_cursor = (encode_time_cursor(getattr(last, time_column.name),
                                      getattr(last, id_column.name)) if more else None)
    return Page([to_item(row) for row in rows], next_cursor)


def _bad_cursor() -> Invalid:
    message = "Not a cursor returned by this API; start again without one."
    return Invalid("Invalid cursor", [{"field": "cursor", "message": message}])
