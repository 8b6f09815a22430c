"""The gateway: one nameko service whose routes come from `gateway/routes/`.

Routes check the caller's scope, call a service over a bounded RPC and answer;
no business rules live here.
"""

from gateway import metrics
from gateway.routes.admission import AdmissionRoutes
from gateway.routes.billing import BillingRoutes
from gateway.routes.billing_partners import PartnerBillingRoutes
from gateway.routes.capacity import CapacityRoutes
from gateway.routes.clients import ClientRoutes
from gateway.routes.development import DevelopmentRoutes
from gateway.routes.endorsements import EndorsementRoutes
from gateway.routes.federation import FederationRoutes
from gateway.routes.federation_flows import FederationFlowRoutes
from gateway.routes.insurance import InsuranceRoutes
from gateway.routes.leads import LeadRoutes
from gateway.routes.members import MemberRoutes
from gateway.routes.mentoring import MentoringRoutes
from gateway.routes.operations import OperationsRoutes
from gateway.routes.projects import ProjectRoutes
from gateway.routes.skills import SkillRoutes
from gateway.routes.tokens import TokenRoutes
from gateway.routes.website import WebsiteRoutes
from infra import config
from infra.rpc import BoundedRpcProxy


def _service(name: str) -> BoundedRpcProxy:
    return BoundedRpcProxy(name, timeout=config.rpc_timeout(), observe=metrics.observe_rpc)


class GatewayService(OperationsRoutes, TokenRoutes, ClientRoutes, MemberRoutes, SkillRoutes,
                     CapacityRoutes, AdmissionRoutes, MentoringRoutes, EndorsementRoutes,
                     DevelopmentRoutes, BillingRoutes, ProjectRoutes, FederationRoutes,
                     LeadRoutes, InsuranceRoutes, FederationFlowRoutes, PartnerBillingRoutes,
                     WebsiteRoutes):
    name = "gateway"

    members = _service("members")
    matching = _service("matching")
    billing = _service("billing")
    learning = _service("learning")
