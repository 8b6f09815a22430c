"""docker-compose.yml and the container image, checked by reading files (no Docker here)."""

import os
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
SERVICES = ("members", "matching", "billing", "learning", "federation")
DATABASES = (*SERVICES, "gateway")  # the gateway keeps tokens and idempotency keys
PROCESSES = (*SERVICES, "gateway", "init")
DATABASE_URL_PREFIX = "postgresql+psycopg2://"


def load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


@pytest.fixture(scope="module")
def compose() -> dict:
    return load_yaml(ROOT / "docker-compose.yml")


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


@pytest.fixture(scope="module")
def entrypoint() -> str:
    return (DEPLOY / "entrypoint.sh").read_text()


def case_branches(script: str) -> dict[str, str]:
    """Each name a `case` branch of the script matches, with that branch's body."""
    branches = {}
    for patterns, body in re.findall(r"^\s*([\w|*]+)\)\n(.*?);;", script, re.M | re.S):
        for pattern in patterns.split("|"):
            branches[pattern] = body
    return branches


def depends_on(service: dict) -> dict:
    dependencies = service.get("depends_on", {})
    if isinstance(dependencies, list):
        return {name: {"condition": "service_started"} for name in dependencies}
    return dependencies


def is_one_shot(name: str, services: dict) -> bool:
    """Runs once and exits: restart "no", and whoever depends on it waits for success."""
    dependants = [depends_on(other).get(name) for other in services.values()]
    dependants = [dependency for dependency in dependants if dependency is not None]
    return (
        services[name].get("restart") == "no"
        and bool(dependants)
        and all(d["condition"] == "service_completed_successfully" for d in dependants)
    )


def healthcheck_command(service: dict) -> list[str]:
    test = service["healthcheck"]["test"]
    assert test[0] == "CMD", test
    return test[1:]


def test_compose_defines_the_whole_system(compose, services):
    assert set(services) == {"rabbitmq", "postgres", "redis", *PROCESSES}
    assert {"rabbitmq-data", "postgres-data"} <= set(compose["volumes"])


def test_every_long_running_service_has_a_healthcheck(services):
    without = {name for name, service in services.items() if "healthcheck" not in service}
    assert without == {"init"}, "only the one-shot init may go without a healthcheck"
    assert is_one_shot("init", services)


@pytest.mark.parametrize("name", SERVICES)
def test_services_wait_for_init_and_healthy_infrastructure(services, name):
    dependencies = depends_on(services[name])
    assert dependencies["init"]["condition"] == "service_completed_successfully"
    assert dependencies["rabbitmq"]["condition"] == "service_healthy"
    assert dependencies["postgres"]["condition"] == "service_healthy"


def test_every_build_has_an_existing_context_and_dockerfile(services):
    builds = {name: service["build"] for name, service in services.items() if "build" in service}
    assert set(builds) == set(PROCESSES)
    for name, build in builds.items():
        context = ROOT / build["context"]
        assert context.is_dir(), name
        assert (context / build.get("dockerfile", "Dockerfile")).is_file(), name


def test_every_process_runs_the_image_with_a_name_the_entrypoint_handles(services, entrypoint):
    handled = set(case_branches(entrypoint)) - {"*"}
    assert handled == set(PROCESSES)
    for name in PROCESSES:
        assert services[name]["command"] == [name]


def test_entrypoint_migrates_each_process_own_database(entrypoint):
    branches = case_branches(entrypoint)
    assert "python -m deploy.migrate\n" in branches["init"]
    assert "python -m deploy.declare_queues" in branches["init"]
    assert "exit 0" in branches["init"]
    for name in SERVICES:
        assert 'python -m deploy.migrate "$process"' in branches[name]
        assert 'exec python -m deploy.start "$process"' in branches[name]
    assert "python -m deploy.migrate gateway" in branches["gateway"]
    assert "exec python -m deploy.start gateway" in branches["gateway"]


def test_entrypoint_is_a_strict_executable_shell_script(entrypoint):
    assert entrypoint.startswith("#!/bin/sh\n")
    assert re.search(r"^set -eu$", entrypoint, re.M)
    assert os.access(DEPLOY / "entrypoint.sh", os.X_OK)


def test_every_module_run_with_python_m_exists(services, entrypoint):
    modules = set(re.findall(r"python -m ([\w.]+)", entrypoint))
    for service in services.values():
        command = healthcheck_command(service) if "healthcheck" in service else []
        if command[:2] == ["python", "-m"]:
            modules.add(command[2])
    assert {
        "deploy.migrate",
        "deploy.declare_queues",
        "deploy.start",
        "deploy.healthcheck",
    } <= modules
    for module in modules:
        assert (ROOT / (module.replace(".", "/") + ".py")).is_file(), module


@pytest.mark.parametrize("name", (*SERVICES, "gateway"))
def test_healthcheck_checks_the_process_itself(services, name):
    assert healthcheck_command(services[name]) == ["python", "-m", "deploy.healthcheck", name]


@pytest.mark.parametrize("name", SERVICES)
def test_scalable_services_have_no_fixed_ports_or_names(services, name):
    assert "ports" not in services[name]
    assert "container_name" not in services[name]


def test_only_the_gateway_publishes_a_port(services):
    publishing = {name for name, service in services.items() if service.get("ports")}
    assert publishing == {"gateway"}
    assert services["gateway"]["ports"] == ["${GATEWAY_HOST_PORT:-8000}:8000"]


def test_no_service_has_a_fixed_container_name(services):
    assert not [name for name, service in services.items() if "container_name" in service]


def database_urls(service: dict) -> dict[str, str]:
    return {
        key: value for key, value in service["environment"].items() if key.endswith("_DATABASE_URL")
    }


@pytest.mark.parametrize("name", DATABASES)
def test_each_service_gets_the_broker_and_only_its_own_database(services, name):
    environment = services[name]["environment"]
    assert environment["AMQP_URI"] == "amqp://guest:guest@rabbitmq:5672/"
    urls = database_urls(services[name])
    assert list(urls) == [f"{name.upper()}_DATABASE_URL"]
    url = urls[f"{name.upper()}_DATABASE_URL"]
    assert url.startswith(DATABASE_URL_PREFIX)
    assert url.rsplit("/", 1)[1] == name
    assert "@postgres:5432/" in url


def test_init_gets_the_broker_and_every_database(services):
    environment = services["init"]["environment"]
    assert environment["AMQP_URI"] == "amqp://guest:guest@rabbitmq:5672/"
    urls = database_urls(services["init"])
    assert set(urls) == {f"{name.upper()}_DATABASE_URL" for name in DATABASES}
    for name in DATABASES:
        url = urls[f"{name.upper()}_DATABASE_URL"]
        assert url.startswith(DATABASE_URL_PREFIX) and url.endswith(f"/{name}")


def test_gateway_replicas_share_rate_limits_through_redis(services):
    environment = services["gateway"]["environment"]
    assert environment["RATE_LIMIT_STORAGE_URL"] == "redis://redis:6379/0"
    assert services["gateway"]["depends_on"]["redis"] == {"condition": "service_healthy"}
    assert services["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]


def test_gateway_believes_no_x_forwarded_for_unless_the_operator_counts_the_proxies(services):
    environment = services["gateway"]["environment"]
    assert environment["TRUSTED_PROXY_HOPS"] == "${TRUSTED_PROXY_HOPS:-0}"
    example = (ROOT / ".env.example").read_text()
    assert re.search(r"^TRUSTED_PROXY_HOPS=0$", example, re.M)


def test_learning_replicas_share_one_signing_key_from_the_environment(services):
    key = services["learning"]["environment"]["LEARNING_SIGNING_KEY"]
    assert re.fullmatch(r"\$\{LEARNING_SIGNING_KEY:\?[^}]*\}", key), key


def test_federation_replicas_share_one_signing_key_and_coop_uri_from_the_environment(services):
    environment = services["federation"]["environment"]
    for name in ("FEDERATION_SIGNING_KEY", "COOP_URI"):
        assert re.fullmatch(rf"\$\{{{name}:\?[^}}]*\}}", environment[name]), environment[name]


def test_the_gateway_waits_for_every_service_it_calls(services):
    assert {*SERVICES} <= set(depends_on(services["gateway"]))


def test_gateway_operator_token_comes_from_the_environment(services):
    token = services["gateway"]["environment"]["OPERATOR_TOKEN"]
    assert re.fullmatch(r"\$\{OPERATOR_TOKEN:\?[^}]*\}", token), token


def test_gateway_replicas_share_one_required_website_secret(services):
    # each replica generating its own would refuse forms made by another replica
    secret = services["gateway"]["environment"]["WEBSITE_SECRET"]
    assert re.fullmatch(r"\$\{WEBSITE_SECRET:\?[^}]*\}", secret), secret


def test_database_password_is_interpolated_not_written_down(services):
    password = services["postgres"]["environment"]["POSTGRES_PASSWORD"]
    assert password.startswith("${POSTGRES_PASSWORD")
    for name in DATABASES:
        assert ":${POSTGRES_PASSWORD" in database_urls(services[name]).popitem()[1]


def test_init_sql_creates_every_service_database(services):
    mount = next(
        volume
        for volume in services["postgres"]["volumes"]
        if "/docker-entrypoint-initdb.d/" in volume
    )
    init_sql = ROOT / mount.split(":")[0]
    created = set(re.findall(r"CREATE DATABASE (\w+);", init_sql.read_text(), re.I))
    assert created == set(DATABASES)


def test_dockerfile_installs_the_project_and_does_not_run_as_root():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, re.M)
    assert "pip install --no-cache-dir ." in dockerfile
    for package in ("infra/", "services/", "gateway/", "deploy/"):
        assert re.search(rf"^COPY {package} ", dockerfile, re.M), package
    users = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert users and users[-1] not in {"root", "0"}
    assert '"/app/deploy/entrypoint.sh"' in dockerfile


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "var", ".git", "tests", ".env"} <= set(ignored)


def test_test_override_publishes_infrastructure_on_loopback_only(services):
    override = load_yaml(DEPLOY / "compose.test.yml")["services"]
    assert set(override) <= set(services)
    assert override["rabbitmq"]["ports"] == ["127.0.0.1:5672:5672"]
    assert override["postgres"]["ports"] == ["127.0.0.1:5432:5432"]
    assert override["postgres"]["environment"]["POSTGRES_HOST_AUTH_METHOD"] == "trust"


def test_env_example_documents_every_variable_compose_interpolates():
    compose_text = (ROOT / "docker-compose.yml").read_text()
    interpolated = set(re.findall(r"\$\{(\w+)", compose_text))
    documented = set(re.findall(r"^(\w+)=", (ROOT / ".env.example").read_text(), re.M))
    assert interpolated == {"OPERATOR_TOKEN", "POSTGRES_PASSWORD", "GATEWAY_HOST_PORT",
                            "CORS_ALLOWED_ORIGINS", "LEARNING_SIGNING_KEY", "COOP_URI",
                            "FEDERATION_SIGNING_KEY", "FEDERATION_PUBLIC_AMQP_URI",
                            "WEBSITE_SECRET", "TRUSTED_PROXY_HOPS",
                            "LEARNING_FORMER_BADGE_KEYS"}
    assert interpolated <= documented


def test_env_file_is_never_committed():
    assert ".env" in (ROOT / ".gitignore").read_text().split()
