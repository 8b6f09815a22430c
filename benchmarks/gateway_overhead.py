"""GET /v1/members/{id} through the gateway against a bare nameko HTTP → RPC passthrough.

Both run as real processes in front of the same members service, on loopback, in a
vhost of their own. Each is loaded with the same bounded number of requests from a
few client threads; the ratio is the gateway's throughput over the passthrough's.
Target: at least 0.8 (the gateway's auth, rate limit, metrics and logs cost < 20 %).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from infra import config
from infra.migrations import upgrade
from tests.support.system import free_port

ROOT = Path(__file__).resolve().parents[1]
REQUESTS = 800
ROUNDS = 3
CLIENT_THREADS = 8
TARGET_RATIO = 0.8


def _wait_for(url: str, headers: dict, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, headers=headers, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def _create_member(gateway: str, headers: dict, timeout: float = 30) -> dict:
    """Register the member the benchmark reads, once the members service answers."""
    details = {"name": "Bench Mark", "email": f"bench-{uuid.uuid4().hex[:6]}@example.nl",
               "kvk_number": "70000001", "btw_id": "NL100023757B01",
               "iban": "NL91ABNA0417164300"}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = requests.post(f"{gateway}/v1/members", headers=headers, json=details,
                                 timeout=10)
        if response.status_code == 201:
            return response.json()
        time.sleep(0.5)
    raise RuntimeError(f"the members service did not answer: {response.text}")


def _throughput(url: str, headers: dict) -> float:
    def worker(count: int) -> None:
        with requests.Session() as session:
            for _ in range(count):
                response = session.get(url, headers=headers, timeout=10)
                assert response.status_code == 200, response.text

    per_thread = REQUESTS // CLIENT_THREADS
    worker(50)  # warm up connections and caches
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        list(pool.map(worker, [per_thread] * CLIENT_THREADS))
    return per_thread * CLIENT_THREADS / (time.perf_counter() - started)


def _vhost() -> tuple[str | None, str]:
    if shutil.which("rabbitmqctl") is None:
        return None, config.amqp_uri()
    name = f"mt-bench-{uuid.uuid4().hex[:8]}"
    subprocess.run(["rabbitmqctl", "-q", "add_vhost", name], check=True, capture_output=True)
    subprocess.run(["rabbitmqctl", "-q", "set_permissions", "-p", name, "guest", ".*", ".*", ".*"],
                   check=True, capture_output=True)
    return name, f"{config.amqp_uri().rstrip('/')}/{name}"


def main() -> None:
    vhost, amqp_uri = _vhost()
    folder = Path(tempfile.mkdtemp(prefix="mt-bench-"))
    token = "mt_op_bench_" + uuid.uuid4().hex
    gateway_port, passthrough_port = free_port(), free_port()
    env = {**os.environ, "AMQP_URI": amqp_uri, "OPERATOR_TOKEN": token,
           "MULTITALENT_VAR_DIR": str(folder), "GATEWAY_BIND": "127.0.0.1",
           "RATE_LIMIT": "1000000/minute", "LOG_LEVEL": "WARNING"}
    for database in ("members", "gateway"):
        env[f"{database.upper()}_DATABASE_URL"] = f"sqlite:///{folder / database}.db"
        upgrade(database, env[f"{database.upper()}_DATABASE_URL"])
    processes = []
    try:
        for name, port in (("members", None), ("gateway", gateway_port)):
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "deploy.start", name], cwd=ROOT,
                env={**env, "GATEWAY_PORT": str(port or 0)},
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "nameko", "run", "--config", "deploy/nameko.yml",
             "benchmarks.passthrough"], cwd=ROOT,
            env={**env, "GATEWAY_PORT": str(passthrough_port)},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        headers = {"Authorization": f"Bearer {token}"}
        gateway = f"http://127.0.0.1:{gateway_port}"
        _wait_for(f"{gateway}/health", headers)
        member = _create_member(gateway, headers)
        path = f"/v1/members/{member['id']}"
        _wait_for(f"http://127.0.0.1:{passthrough_port}{path}", {})
        # alternate the two and keep each one's best round, so neither pays for warm-up
        through_gateway = passthrough = 0.0
        for _ in range(ROUNDS):
            through_gateway = max(through_gateway, _throughput(gateway + path, headers))
            passthrough = max(passthrough, _throughput(
                f"http://127.0.0.1:{passthrough_port}{path}", {}))
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)
        shutil.rmtree(folder, ignore_errors=True)
        if vhost:
            subprocess.run(["rabbitmqctl", "-q", "delete_vhost", vhost], capture_output=True)
    ratio = through_gateway / passthrough
    print(f"gateway GET /v1/members/{{id}}: {through_gateway:,.0f} req/s; bare passthrough: "
          f"{passthrough:,.0f} req/s; ratio {ratio:.2f} (target >= {TARGET_RATIO}) "
          f"{'OK' if ratio >= TARGET_RATIO else 'BELOW TARGET'}")
