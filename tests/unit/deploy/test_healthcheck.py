"""deploy.healthcheck against a stub gateway on loopback and an unreachable broker."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from deploy import healthcheck


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def stub_gateway(monkeypatch):
    """A /health endpoint answering with the status the test sets."""
    answer = {"status": 200}

    class Health(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(answer["status"] if self.path == "/health" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Health)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    monkeypatch.setenv("GATEWAY_PORT", str(server.server_address[1]))
    yield answer
    server.shutdown()
    server.server_close()


def test_gateway_answering_200_is_healthy(stub_gateway, capsys):
    assert healthcheck.main("gateway") == 0
    assert capsys.readouterr().out == "gateway: healthy\n"


def test_gateway_answering_503_is_unhealthy(stub_gateway, capsys):
    stub_gateway["status"] = 503
    assert healthcheck.main("gateway") == 1
    assert capsys.readouterr().out.startswith("gateway: unhealthy (HTTPError")


def test_gateway_not_listening_is_unhealthy(monkeypatch, capsys):
    monkeypatch.setenv("GATEWAY_PORT", str(free_port()))
    assert healthcheck.main("gateway") == 1
    assert capsys.readouterr().out.startswith("gateway: unhealthy (URLError")


def test_service_behind_an_unreachable_broker_is_unhealthy(monkeypatch, capsys):
    monkeypatch.setenv("AMQP_URI", f"amqp://guest:guest@127.0.0.1:{free_port()}/")
    assert healthcheck.main("members") == 1
    output = capsys.readouterr().out
    assert output.startswith("members: unhealthy (") and output.count("\n") == 1


def test_every_process_with_a_healthcheck_is_a_known_name():
    assert set(healthcheck.NAMES) == {"members", "matching", "billing", "learning", "federation",
                                      "gateway"}
