"""The deploy-time tasks `make run` and Compose's init rely on."""

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, func, select

from deploy.seed import DEMO_CLIENT, DEMO_MEMBERS, seed, seed_matching
from services.matching.models import clients, projects
from services.members.models import members

ROOT = Path(__file__).resolve().parents[3]


def test_seeding_twice_creates_nothing_twice(database_urls):
    first = seed(database_urls["members"])
    second = seed(database_urls["members"])
    assert (first, second) == (len(DEMO_MEMBERS), 0)
    engine = create_engine(database_urls["members"])
    with engine.connect() as connection:
        demo = select(func.count()).where(members.c.email.like("%@demo.multitalent.coop"))
        assert connection.execute(demo).scalar() == len(DEMO_MEMBERS)
    engine.dispose()


def test_the_demo_client_and_its_project_are_seeded_once(database_urls):
    seed_matching(database_urls["matching"])
    seed_matching(database_urls["matching"])
    engine = create_engine(database_urls["matching"])
    with engine.connect() as connection:
        demo = connection.execute(select(clients.c.id).where(
            clients.c.name == DEMO_CLIENT["name"])).scalars().all()
        assert len(demo) == 1
        drafts = connection.execute(select(projects.c.status).where(
            projects.c.client_id == demo[0])).scalars().all()
        assert drafts == ["draft"]
    engine.dispose()


def test_an_unreachable_broker_is_one_clear_line_and_a_failure():
    env = {**os.environ, "AMQP_URI": "amqp://guest:guest@127.0.0.1:1/"}
    result = subprocess.run([sys.executable, "-m", "deploy.check_broker"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "AMQP_URI" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_reachable_broker_passes_the_check(amqp_uri):
    env = {**os.environ, "AMQP_URI": amqp_uri}
    result = subprocess.run([sys.executable, "-m", "deploy.check_broker"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
