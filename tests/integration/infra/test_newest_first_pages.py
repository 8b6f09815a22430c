"""Newest-first pages by a timestamp and an id, on the real database (SQLite or
PostgreSQL): every row once, in order, ties broken by the id, and rows added while a
client walks the pages never slip in between."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Column, MetaData, String, Table, insert, select
from sqlalchemy.orm import Session

from infra.db import make_engine
from infra.errors import Invalid
from infra.pagination import encode_cursor, newest_first_page
from infra.sql_types import UtcDateTime

T0 = datetime(2027, 3, 1, 9, tzinfo=UTC)


@pytest.fixture
def things(database_urls):
    """A table of its own in the session's learning database, dropped afterwards."""
    metadata = MetaData()
    table = Table(f"paging_{uuid.uuid4().hex[:8]}", metadata,
                  Column("id", String(36), primary_key=True),
                  Column("made_at", UtcDateTime(), nullable=False))
    engine = make_engine(database_urls["learning"])
    metadata.create_all(engine)
    try:
        yield engine, table
    finally:
        metadata.drop_all(engine)
        engine.dispose()


def walk(session, table, limit):
    pages, cursor = [], None
    while True:
        page = newest_first_page(session, select(table), table.c.made_at, table.c.id, limit,
                                 cursor, lambda row: row.id)
        pages.append(page.items)
        if page.next_cursor is None:
            return pages
        cursor = page.next_cursor


def test_every_row_once_newest_first_with_ties_broken_by_the_id(things):
    engine, table = things
    rows = [{"id": f"{n:02d}", "made_at": T0 + timedelta(minutes=n // 2)} for n in range(7)]
    with engine.begin() as connection:
        connection.execute(insert(table), rows)
    with Session(engine) as session:
        pages = walk(session, table, limit=3)
    assert pages == [["06", "05", "04"], ["03", "02", "01"], ["00"]]


def test_rows_added_during_a_walk_do_not_slip_in_between(things):
    engine, table = things
    with engine.begin() as connection:
        connection.execute(insert(table), [{"id": f"{n:02d}", "made_at": T0 + timedelta(n)}
                                           for n in range(4)])
    with Session(engine) as session:
        first = newest_first_page(session, select(table), table.c.made_at, table.c.id, 2,
                                  None, lambda row: row.id)
        with engine.begin() as connection:
            connection.execute(insert(table).values(id="99", made_at=T0 + timedelta(9)))
        rest = newest_first_page(session, select(table), table.c.made_at, table.c.id, 2,
                                 first.next_cursor, lambda row: row.id)
    assert (first.items, rest.items, rest.next_cursor) == (["03", "02"], ["01", "00"], None)


@pytest.mark.parametrize("cursor", ["forged", encode_cursor(5), "eyJiZWZvcmUiOlsxLDJdfQ"])
def test_a_cursor_not_made_for_this_list_is_refused_naming_it(things, cursor):
    engine, table = things
    with Session(engine) as session, pytest.raises(Invalid) as raised:
        newest_first_page(session, select(table), table.c.made_at, table.c.id, 2, cursor,
                          lambda row: row.id)
    assert raised.value.errors[0]["field"] == "cursor"
