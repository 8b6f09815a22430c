"""A gateway in a real nameko container, with members, matching and learning behind it."""

import base64
import os
import uuid

import pytest
import requests

from gateway.app import GatewayService
from services.billing.service import BillingService
from services.learning.service import LearningService
from services.matching.service import MatchingService
from services.members.service import MembersService
from tests.support.system import free_port

LEARNING_SIGNING_KEY = base64.b64encode(os.urandom(32)).decode()


class Gateway:
    """Talks HTTP to one gateway; knows the operator token and the services behind it
    (`backends`: service name → its running container, e.g. to stop one mid-test)."""

    def __init__(self, url: str, operator_token: str, backends: dict | None = None):
        self.url = url
        self.operator_token = operator_token
        self.backends = backends if backends is not None else {}
        self.session = requests.Session()

    def call(self, method: str, path: str, token: str | None = None, **kwargs):
        headers = kwargs.pop("headers", {})
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.session.request(method, self.url + path, headers=headers, timeout=15,
                                    **kwargs)

    def as_operator(self, method: str, path: str, **kwargs):
        return self.call(method, path, token=self.operator_token, **kwargs)

    def new_client(self, name: str = "Acme BV") -> dict:
        response = self.as_operator("POST", "/v1/clients", json=client_details(name))
        assert response.status_code == 201, response.text
        return response.json()

    def new_member(self, **overrides) -> dict:
        response = self.as_operator("POST", "/v1/members", json=member_details(**overrides))
        assert response.status_code == 201, response.text
        return response.json()

    def token_for(self, role: str, **scope) -> dict:
        response = self.as_operator("POST", "/v1/tokens",
                                    json={"name": f"{role} token", "role": role, **scope})
        assert response.status_code == 201, response.text
        return response.json()


def client_details(name: str) -> dict:
    return {
        "name": name,
        "country": "NL",
        "vat_id": "NL004495445B01",
        "address": {"street": "Keizersgracht 1", "postal_code": "1015 CJ", "city": "Amsterdam"},
        "contact": {"name": "Ilse de Boer", "email": f"ilse-{uuid.uuid4().hex[:6]}@acme.nl"},
    }


def member_details(**overrides) -> dict:
    return {
        "name": "Fatima El Amrani",
        "email": f"fatima-{uuid.uuid4().hex[:8]}@example.nl",
        "kvk_number": "70000005",
        "btw_id": "NL100372193B01",
        "iban": "NL93RABO0987654321",
        **overrides,
    }


@pytest.fixture
def start_gateway(run_services, operator_token):
    """Start members, matching, billing, learning and a gateway (with config overrides);
    returns a `Gateway`, whose HTTP connections are closed after the test."""
    backends, gateways = {}, []

    def start(**config) -> Gateway:
        if not backends:
            started = [*run_services(MembersService, MatchingService),
                       *run_services(BillingService),
                       *run_services(LearningService, LEARNING_SIGNING_KEY=LEARNING_SIGNING_KEY)]
            backends.update({container.service_name: container for container in started})
        port = free_port()
        run_services(GatewayService, WEB_SERVER_ADDRESS=f"127.0.0.1:{port}",
                     OPERATOR_TOKEN=operator_token, **config)
        gateways.append(Gateway(f"http://127.0.0.1:{port}", operator_token, backends))
        return gateways[-1]

    yield start
    for gateway in gateways:
        gateway.session.close()


@pytest.fixture
def gateway(start_gateway) -> Gateway:
    return start_gateway()
