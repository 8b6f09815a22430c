"""The whole system as real processes (`python -m deploy.start <name>`), for e2e tests."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

# The operator token of a test session: random per session, known when tests are collected
# (schemathesis asks for it then).
OPERATOR_TOKEN = "mt_op_test_" + secrets.token_urlsafe(32)

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("members", "matching", "billing", "learning", "federation", "gateway")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class System:
    """Starts, kills and restarts service processes; knows the gateway's URL."""

    def __init__(self, env: dict, log_dir: Path):
        self.env = env
        self.log_dir = log_dir
        self.port = int(env["GATEWAY_PORT"])
        self.url = f"http://127.0.0.1:{self.port}"
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, *names: str) -> None:
        for name in names or NAMES:
            log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
            self.processes[name] = subprocess.Popen(
                [sys.executable, "-m", "deploy.start", name],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )

    def kill(self, name: str) -> None:
        """SIGKILL: the process gets no chance to finish anything."""
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self) -> None:
        for process in self.processes.values():
            process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()

    def wait_until_ready(self, timeout: float = 40) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/ready", timeout=8).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        logs = {path.name: path.read_text()[-2000:] for path in self.log_dir.glob("*.log")}
        raise RuntimeError(f"system not ready within {timeout} s; logs: {logs}")


def system_env(amqp_uri: str, database_urls: dict, token: str, var_dir: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.endswith("_DATABASE_URL")}
    env.update({
        "AMQP_URI": amqp_uri,
        "GATEWAY_PORT": str(free_port()),
        "GATEWAY_BIND": "127.0.0.1",
        "OPERATOR_TOKEN": token,
        "MULTITALENT_VAR_DIR": str(var_dir),
        "RPC_TIMEOUT": "5",
        # the suite is one busy caller from one IP; rate limits have tests of their own
        "RATE_LIMIT": "100000/minute",
        "ANONYMOUS_RATE_LIMIT": "100000/minute",
        "LOG_LEVEL": "INFO",
    })
    for service, url in database_urls.items():
        env[f"{service.upper()}_DATABASE_URL"] = url
    return env
