"""What the billing routes share: the long-call proxy, scope from the token, file answers,
and the few HTTP-only schemas (where the token, not the body, names who acts).

Scope: a client or member token reaches only its own contracts, hours, invoices,
statements and payouts. Another one's object answers exactly as billing answers for
an object that does not exist (same detail, same `rule`), so a 404 never tells
whether it exists.
"""

import re

from marshmallow import fields
from werkzeug.wrappers import Response

from gateway import metrics
from gateway.auth import out_of_scope
from gateway.problems import Problem
from infra import config
from infra.rpc import BoundedRpcProxy
from infra.schemas import Schema
from services.billing.schemas import (
    DecisionSchema,
    HoursSubmissionSchema,
    RejectionSchema,
    TimeEntrySchema,
)
from services.billing.schemas.fields import Uuid

ANYONE = ("operator", "client", "member")
CLIENTS = ("operator", "client")
MEMBERS = ("operator", "member")
OPERATOR = ("operator",)
XML_FILE = {"type": "string", "description": "The document itself."}
HTML_FILE = {"type": "string", "description": "A printable HTML page."}


class LongBillingProxy(BoundedRpcProxy):
    """billing, for the calls that may take long (a monthly run of a thousand invoices, a
    payout batch that first asks members for every payee's bank details).

    Waits `BILLING_RPC_TIMEOUT` seconds (nameko config, else the environment; default
    60) instead of `RPC_TIMEOUT`; the broker drops the request after as long. Every call
    it makes is safe to retry: runs invoice nothing twice, a batch id is made once.
    """

    def __init__(self):
        super().__init__("billing", timeout=config.billing_rpc_timeout(),
                         observe=metrics.observe_rpc)

    def setup(self):
        configured = self.container.config.get("BILLING_RPC_TIMEOUT")
        if configured:
            self.options["timeout"] = float(configured)
        super().setup()


def not_found(rule: str, detail: str) -> Problem:
    """A 404 exactly as billing words it for an object that does not exist."""
    return Problem(404, "not-found", "Not found", detail, rule=rule)


def contract_in_scope(caller, contract: dict) -> dict:
    """`contract` if the caller may see it; else the 404 billing gives for no contract."""
    if ((caller.role == "member" and contract["member_id"] != caller.member_id)
            or (caller.role == "client" and contract["client_id"] != caller.client_id)):
        raise not_found("ContractNotFound", f"No contract with id {contract['id']}.")
    return contract


def scoped_query(caller, query: dict) -> dict:
    """List arguments with the token's own member or client filled in; asking for another
    one's is a 404. Operators filter as they like."""
    scope = {"member": ("member_id", caller.member_id),
             "client": ("client_id", caller.client_id)}.get(caller.role)
    if scope is not None:
        name, own = scope
        if query.get(name) not in (None, own):
            raise out_of_scope(name.removesuffix("_id"), str(query[name]))
        query[name] = own
    return query


def acting_as(caller, body: dict, name: str, own: str | None) -> dict:
    """`body` with `name` (who acts) set to the token's own id; another id is a 404."""
    given = body.get(name)
    if given is not None and given != own:
        raise out_of_scope(name.removesuffix("_id"), str(given))
    body[name] = own
    return body


def file_response(file: dict, disposition: str = "attachment") -> Response:
    """An export from billing (`filename`, `content_type`, `content`) as the file itself."""
    filename = re.sub(r"[^A-Za-z0-9._-]", "_", file["filename"]) or "document"
    return Response(file["content"], content_type=file["content_type"],
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


class HoursRequestSchema(HoursSubmissionSchema):
    """A member's hours on one contract, a day each (a day written again is replaced)."""

    member_id = Uuid(load_default=None, metadata={
        "description": "Leave out: a member token writes as its member, an operator as the "
                       "contract's member."})


def _decider() -> Uuid:
    return Uuid(load_default=None, metadata={
        "description": "Leave out with a client token (its organisation decides); operators "
                       "name the contract's client."})


class DecisionRequestSchema(DecisionSchema):
    """Submitted hours to approve."""

    client_id = _decider()


class RejectionRequestSchema(RejectionSchema):
    """Submitted hours to reject, with the reason the member reads."""

    client_id = _decider()


class TimeEntryListSchema(Schema):
    items = fields.List(fields.Nested(TimeEntrySchema), required=True)
