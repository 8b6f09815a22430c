"""Schemathesis against the running system: no 5xx, every response as documented.

`positive_data_acceptance` is left out: JSON Schema cannot express an IBAN or BTW
checksum, so schema-valid bodies are rightly refused with a documented 422.
"""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from gateway.app import GatewayService
from gateway.openapi import openapi_document

schema = schemathesis.openapi.from_dict(openapi_document(GatewayService))


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_behaves_as_documented(case, system, operator_token):
    case.call_and_validate(
        base_url=system.url,
        headers={"Authorization": f"Bearer {operator_token}"},
        excluded_checks=[positive_data_acceptance],
        timeout=15,
    )
