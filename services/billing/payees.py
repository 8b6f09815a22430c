"""Who gets paid: name and IBAN from the members service, asked before a payout batch.

Billing keeps no copy of members' IBANs: they are private and change. Before the
batch's transaction begins, the service asks `members.get_billing_details` for
every member the batch may pay (ten at a time), so no transaction waits on the
network. A member the members service does not know (`NotFound`) gets no payee, so
their money waits with the reason; if the members service does not answer, no
batch is made at all (`MembersServiceDidNotAnswer`), so nobody is skipped.
"""

import logging
from dataclasses import dataclass

from eventlet.greenpool import GreenPool
from nameko.exceptions import RemoteError, UnknownService

from infra.errors import Conflict, NotFound
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


def fetch_payees(members, member_ids: list[str], concurrency: int = 10
                 ) -> dict[str, MemberPayee]:
    """member id → payee, for the members the members service knows."""
    unanswered = []

    def ask(member_id: str) -> MemberPayee | None:
        if unanswered:  # one timeout is enough to know: ask no more
            unanswered.append(member_id)
            return None
        try:
            details = members.get_billing_details(member_id)
        except NotFound:
            return None
        except (ServiceUnavailable, UnknownService, RemoteError) as error:
            log.warning("members.get_billing_details failed for a member: %s",
                        type(error).__name__)
            unanswered.append(member_id)
            return None
        return MemberPayee(member_id, details["name"], details.get("iban") or "")

    payees = {}
    for payee in GreenPool(concurrency).imap(ask, member_ids):
        if payee is not None:
            payees[payee.member_id] = payee
    if unanswered:
        raise MembersServiceDidNotAnswer(len(unanswered))
    return payees
