"""Fixtures for the whole suite.

Unit tests need none of these. Integration and e2e tests use the real RabbitMQ and
database: started by pytest-docker from docker-compose.yml when a Docker engine
is there, otherwise the ones already running on this machine. When neither is
reachable the run fails loudly; it never skips. Each session gets its own vhost
and its own databases (SQLite files, or PostgreSQL with TEST_DATABASE=postgresql).
"""

import os

import eventlet

# Before anything opens a socket: nameko's containers need it. The browser tests
# (tests/browser, `make browser`) run in a pytest of their own with
# MULTITALENT_NO_MONKEY_PATCH=1: Playwright's sync API (asyncio, greenlet, subprocess
# pipes) is not made for a monkey-patched process, and they start the system as real
# processes, never a nameko container in the test process.
if not os.environ.get("MULTITALENT_NO_MONKEY_PATCH"):
    eventlet.monkey_patch()

import base64  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import requests  # noqa: E402
from nameko.containers import ServiceContainer  # noqa: E402
from nameko.standalone.rpc import ClusterRpcProxy  # noqa: E402
from pytest_docker.plugin import get_docker_services  # noqa: E402

from infra.topology import declare, handler_queues  # noqa: E402
from tests.support import databases  # noqa: E402
from tests.support.broker import RABBIT_HOST, RABBIT_PORT, fresh_vhost, reachable  # noqa: E402
from tests.support.system import OPERATOR_TOKEN, System, system_env  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _docker_engine() -> bool:
    if shutil.which("docker") is None:
        return False
    return subprocess.run(["docker", "info"], capture_output=True).returncode == 0


@pytest.fixture(scope="session")
def docker_compose_file():
    return [str(ROOT / "docker-compose.yml"), str(ROOT / "deploy" / "compose.test.yml")]


@pytest.fixture(scope="session")
def docker_services(docker_compose_command, docker_compose_file, docker_compose_project_name):
    """RabbitMQ and PostgreSQL: from Compose with a Docker engine, else the running ones."""
    if _docker_engine():
        # Compose interpolates the whole file, the gateway's required token included
        os.environ.setdefault("OPERATOR_TOKEN", "mt_op_compose_" + secrets.token_urlsafe(16))
        os.environ.setdefault("WEBSITE_SECRET", secrets.token_urlsafe(32))
        os.environ.setdefault("LEARNING_SIGNING_KEY", base64.b64encode(os.urandom(32)).decode())
        os.environ.setdefault("FEDERATION_SIGNING_KEY", base64.b64encode(os.urandom(32)).decode())
        os.environ.setdefault("COOP_URI", "urn:multitalent:coop:compose-test")
        with get_docker_services(
            docker_compose_command, docker_compose_file, docker_compose_project_name,
            ["up -d --wait rabbitmq postgres"], ["down -v"],
        ) as services:
            yield services
        return
    missing = []
    if not reachable(RABBIT_HOST, RABBIT_PORT):
        missing.append(f"RabbitMQ at {RABBIT_HOST}:{RABBIT_PORT}")
    if databases.backend() == "postgresql" and not reachable("127.0.0.1", 5432):
        missing.append("PostgreSQL at 127.0.0.1:5432")
    if missing:
        pytest.fail(
            "Integration and e2e tests need a real broker and database, and there is no "
            f"Docker engine to start them: {', '.join(missing)} not reachable.",
            pytrace=False,
        )
    yield None


@pytest.fixture(scope="session")
def vhost_and_uri(docker_services):
    with fresh_vhost() as (vhost, uri):
        yield vhost, uri


@pytest.fixture(scope="session")
def amqp_uri(vhost_and_uri):
    return vhost_and_uri[1]


@pytest.fixture(scope="session")
def database_urls(docker_services, tmp_path_factory):
    with databases.fresh_databases(tmp_path_factory.mktemp("databases")) as urls:
        yield urls


@pytest.fixture(scope="session")
def nameko_config(amqp_uri, database_urls):
    config = {"AMQP_URI": amqp_uri}
    for service, url in database_urls.items():
        config[f"{service.upper()}_DATABASE_URL"] = url
    return config


@pytest.fixture
def run_services(nameko_config):
    """Start service classes in real nameko containers; they are killed after the test."""
    containers = []

    def start(*service_classes, declare_queues: bool = True, **config_overrides):
        config = {**nameko_config, **config_overrides}
        for service_class in service_classes:
            if declare_queues:
                declare(handler_queues(service_class, config), config["AMQP_URI"])
            container = ServiceContainer(service_class, config)
            container.start()
            containers.append(container)
        return containers[-len(service_classes):]

    yield start
    # each kill waits up to a second for its consumers' loop: kill them all at once
    stopping = eventlet.GreenPool()
    for container in reversed(containers):
        stopping.spawn(container.kill)
    stopping.waitall()


@pytest.fixture
def rpc(nameko_config):
    with ClusterRpcProxy(nameko_config, timeout=10) as proxy:
        yield proxy


@pytest.fixture(scope="session")
def operator_token():
    return OPERATOR_TOKEN


@pytest.fixture(scope="session")
def system(vhost_and_uri, database_urls, operator_token, tmp_path_factory):
    """Every service and the gateway as separate processes, as `make run` starts them."""
    with _running_system(vhost_and_uri[1], database_urls, operator_token,
                         tmp_path_factory) as running:
        yield running


@pytest.fixture
def isolated_system(docker_services, operator_token, tmp_path_factory):
    """A whole system of its own (own vhost, own databases) for a test that breaks things."""
    folder = tmp_path_factory.mktemp("isolated-databases")
    with (
        fresh_vhost() as (vhost, uri),
        databases.fresh_databases(folder) as urls,
        _running_system(uri, urls, operator_token, tmp_path_factory) as running,
    ):
        running.vhost = vhost
        running.database_urls = urls
        yield running


@contextmanager
def _running_system(amqp_uri, database_urls, operator_token, tmp_path_factory):
    env = system_env(amqp_uri, database_urls, operator_token, tmp_path_factory.mktemp("var"))
    subprocess.run([sys.executable, "-m", "deploy.declare_queues"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    running = System(env, tmp_path_factory.mktemp("logs"))
    running.start()
    try:
        running.wait_until_ready()
        yield running
    finally:
        running.stop()


@pytest.fixture
def api(system, operator_token):
    """An HTTP session against the gateway, authenticated as the operator."""
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {operator_token}"
    base = system.url

    class Api:
        url = base

        def __getattr__(self, method):
            def call(path, timeout=15, **kwargs):
                return session.request(method, base + path, timeout=timeout, **kwargs)
            return call

    yield Api()
    session.close()
