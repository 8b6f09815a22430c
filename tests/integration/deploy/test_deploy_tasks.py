"""The deploy-time tasks `make run` and Compose's init rely on."""

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, func, select

from deploy.seed import DEMO_MEMBERS, seed
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
