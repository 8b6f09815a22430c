"""Asking the members service how many hours members can give (for mentor ranking)."""

import logging
from decimal import Decimal

from nameko.exceptions import RemoteError

from infra.errors import ServiceError
from infra.rpc import ServiceUnavailable
from services.learning.domain.ports import AvailabilityLookup

log = logging.getLogger(__name__)


def availability_lookup(members_proxy) -> AvailabilityLookup:
    """Total available hours per member over the weeks; None when members cannot answer.

    Ranking without availability is still useful, so a slow or failing members
    service lowers the answer's quality instead of failing it.
    """

    def lookup(member_ids: list[str], from_week: str, to_week: str) -> dict | None:
        try:
            answer = members_proxy.availability(member_ids, from_week, to_week)
        except (ServiceUnavailable, ServiceError, RemoteError) as error:
            log.warning("members.availability failed; ranking without it: %s", error)
            return None
        return {member_id: sum((Decimal(str(h)) for h in hours), Decimal("0"))
                for member_id, hours in answer["hours"].items()}

    return lookup
