"""Who gets paid: name and IBAN from the members service, asked before a payout batch.

Billing keeps no copy of members' IBANs: they are private and change. Before the
batch's transaction begins, the service asks `members.get_billing_details_of` for
every member the batch may pay, a hundred at a time (one call for a coop of a hundred,
not a call per member), so no transaction waits on the network. A member the members
service does not know gets no payee, so their money waits with the reason; if the
members service does not answer, no batch is made at all
(`MembersServiceDidNotAnswer`), so nobody is skipped.
"""

import logging
from dataclasses import dataclass

from nameko.exceptions import RemoteError, UnknownService

from infra.errors import Conflict
from infra.rpc import ServiceUnavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MemberPayee:
    member_id: str
    name: str
    iban: str


class MembersServiceDidNotAnswer(Conflict):
    def __init__(self, how_many: int):
        super().__init__(f"The members service did not give the bank details of {how_many} "
                         "member(s); no payout batch was made. Try again when it answers.")


def fetch_payees(members, member_ids: list[str], per_call: int = 100
                 ) -> dict[str, MemberPayee]:
    """member id → payee, for the members the members service knows."""
    wanted = list(dict.fromkeys(member_ids))
    payees = {}
    for start in range(0, len(wanted), per_call):
        chunk = wanted[start:start + per_call]
        try:
            found = members.get_billing_details_of({"member_ids": chunk})["items"]
        except (ServiceUnavailable, UnknownService, RemoteError) as error:
            log.warning("members.get_billing_details_of failed: %s", type(error).__name__)
            raise MembersServiceDidNotAnswer(len(wanted) - start) from None
        payees.update({d["member_id"]: MemberPayee(d["member_id"], d["name"], d.get("iban") or "")
                       for d in found if d["member_id"] in chunk})
    return payees
