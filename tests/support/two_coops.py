"""Two whole coop stacks side by side, connected as partners through HTTP.

Each coop has its own RabbitMQ vhost, its own databases (SQLite files, or PostgreSQL
with TEST_DATABASE=postgresql), its own var dir and signing key, `COOP_URI` and
`COOP_NAME`, and every service plus the gateway as processes (`tests/support/system.py`).
The operators connect them as the README's step-by-step says: each reads the other's
`GET /v1/federation/identity` and registers it with `POST /v1/federation/partners`
(the broker user of step 2 is `guest` here). Started once per test session:

    def test_something(two_coops):
        a, b = two_coops.a, two_coops.b      # a borrows, b lends
        a.api.get("/v1/partner-offers")
        b.partner_id                         # A's id at B (the partner B knows)
"""

import base64
import os
import subprocess
import sys
import uuid
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.support import databases
from tests.support.broker import RABBIT_HOST, RABBIT_PORT, fresh_vhost
from tests.support.system import ROOT, System, system_env

P = "coop.multitalent."
# what the borrowing coop (A) and the lending coop (B) send each other
A_SENDS = [f"{P}seat_offered.v1", f"{P}seat_offer_closed.v1", f"{P}candidate_accepted.v1",
           f"{P}external_hours_approved.v1", f"{P}skill_supply_shared.v1"]
B_SENDS = [f"{P}candidate_offered.v1", f"{P}candidate_withdrawn.v1",
           f"{P}lending_ended.v1", f"{P}lending_interrupted.v1", f"{P}skill_supply_shared.v1"]


class Api:
    """Requests to one coop's gateway as its operator: `api.get("/v1/…")`."""

    def __init__(self, url: str, token: str):
        self.url = url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def __getattr__(self, method):
        return lambda path, **kwargs: self.session.request(method, self.url + path,
                                                           timeout=20, **kwargs)


@dataclass
class CoopStack:
    name: str
    coop_uri: str
    vhost: str
    amqp_uri: str
    database_urls: dict
    system: System
    api: Api
    partner_id: str = ""  # the other coop's id in this coop's registry

    def restart(self, service: str) -> None:
        """SIGKILL a service's process and start it again (nothing of it finishes)."""
        self.system.kill(service)
        self.system.start(service)


@dataclass
class TwoCoops:
    a: CoopStack  # borrows: has the client and the project
    b: CoopStack  # lends: has the member


@contextmanager
def coop_stack(name: str, token: str, tmp_path_factory):
    """One coop's whole system; stopped and its vhost and databases dropped afterwards."""
    with ExitStack() as stack:
        vhost, uri = stack.enter_context(fresh_vhost())
        urls = stack.enter_context(databases.fresh_databases(
            tmp_path_factory.mktemp(f"coop-{name}-databases")))
        coop_uri = f"https://coop-{name}-{uuid.uuid4().hex[:6]}.example/"
        env = system_env(uri, urls, token, tmp_path_factory.mktemp(f"coop-{name}-var"))
        env.update({"COOP_URI": coop_uri, "COOP_NAME": f"Coop {name.upper()}",
                    "FEDERATION_SIGNING_KEY": base64.b64encode(os.urandom(32)).decode(),
                    "FEDERATION_PUBLIC_AMQP_URI": f"amqp://{RABBIT_HOST}:{RABBIT_PORT}/{vhost}"})
        env.pop("FEDERATION_NEXT_SIGNING_KEY", None)
        subprocess.run([sys.executable, "-m", "deploy.declare_queues"], cwd=ROOT, env=env,
                       check=True, capture_output=True)
        system = System(env, Path(tmp_path_factory.mktemp(f"coop-{name}-logs")))
        stack.callback(system.stop)
        system.start()
        yield CoopStack(name, coop_uri, vhost, uri, urls, system, Api(system.url, token))


def register(at: CoopStack, other: CoopStack, accepted: list[str], shared: list[str]) -> str:
    """`at`'s operator registers `other` from its published identity; the partner's id."""
    identity = other.api.get("/v1/federation/identity")
    assert identity.status_code == 200, identity.text
    identity = identity.json()
    inbound = identity["inbound"]
    address = inbound["uri"].replace("amqp://", "amqp://guest:guest@", 1)
    added = at.api.post("/v1/federation/partners", json={
        "coop_uri": identity["coop_uri"], "name": identity["name"],
        "public_keys": [key["public_key"] for key in identity["public_keys"]],
        "address": {"uri": address, "exchange": inbound["exchange"]},
        "accepted_types": accepted, "shared_types": shared})
    assert added.status_code == 201, added.text
    return added.json()["id"]


@pytest.fixture(scope="session")
def two_coops(docker_services, tmp_path_factory):
    """Coop A (borrows) and coop B (lends), running and registered with each other."""
    token = "mt_op_two_coops_" + uuid.uuid4().hex
    with ExitStack() as stack:
        a = stack.enter_context(coop_stack("a", token, tmp_path_factory))
        b = stack.enter_context(coop_stack("b", token, tmp_path_factory))
        a.system.wait_until_ready(timeout=90)
        b.system.wait_until_ready(timeout=90)
        a.partner_id = register(a, b, accepted=B_SENDS, shared=A_SENDS)
        b.partner_id = register(b, a, accepted=A_SENDS, shared=B_SENDS)
        yield TwoCoops(a, b)
