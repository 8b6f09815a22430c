"""The unit of work on a real database: all or nothing, constraint violations as Conflict."""

import uuid

import pytest
from sqlalchemy import Column, MetaData, String, Table, func, insert, select
from sqlalchemy.orm import sessionmaker

from infra.db import SqlUnitOfWork, make_engine
from infra.errors import Conflict
from infra.outbox import inbox_table, outbox_table

metadata = MetaData()
things = Table("things", metadata, Column("name", String(50), primary_key=True))
outbox_table(metadata)
inbox_table(metadata)


class ThingsUnitOfWork(SqlUnitOfWork):
    metadata = metadata
    source = "things"


@pytest.fixture
def new_unit_of_work(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'things.db'}")
    metadata.create_all(engine)
    factory = sessionmaker(engine, expire_on_commit=False)
    commits = []
    yield lambda: ThingsUnitOfWork(factory, on_commit=lambda: commits.append(True)), engine, commits
    engine.dispose()


def count(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(things)).scalar()


def test_a_duplicate_insert_is_a_conflict_and_leaves_nothing(new_unit_of_work):
    new, engine, commits = new_unit_of_work
    name = uuid.uuid4().hex
    with pytest.raises(Conflict), new() as uow:
        uow.session.execute(insert(things).values(name=name))
        uow.session.execute(insert(things).values(name=name))  # refused at once, not at commit
        uow.commit()
    assert count(engine) == 0
    assert commits == []


def test_leaving_without_commit_rolls_back_and_commit_tells_the_relay(new_unit_of_work):
    new, engine, commits = new_unit_of_work
    with new() as uow:
        uow.session.execute(insert(things).values(name="kept out"))
    assert count(engine) == 0
    with new() as uow:
        uow.session.execute(insert(things).values(name="kept"))
        uow.commit()
    assert count(engine) == 1
    assert commits == [True]
