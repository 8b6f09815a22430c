"""Schemathesis against the running system: no 5xx, every response as documented.

`positive_data_acceptance` is left out: JSON Schema cannot express an IBAN or BTW
checksum, so schema-valid bodies are rightly refused with a documented 422.
"""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from gateway.app import GatewayService
from gateway.openapi import openapi_document
from tests.support.system import OPERATOR_TOKEN

schema = schemathesis.openapi.from_dict(openapi_document(GatewayService))


@schema.auth()
class OperatorToken:
    """The operator's bearer token, given to schemathesis as the API's authentication.
    Headers added to the call instead would also go out on the cases schemathesis made
    without one to see them refused: a 200 for those read as accepting bad input."""

    def get(self, case, context):
        return OPERATOR_TOKEN

    def set(self, case, token, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_behaves_as_documented(case, system):
    case.call_and_validate(base_url=system.url, excluded_checks=[positive_data_acceptance],
                           timeout=15)
