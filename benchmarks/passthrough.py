"""The baseline for the gateway benchmark: a bare nameko HTTP → RPC passthrough."""

import json

from nameko.rpc import RpcProxy
from nameko.web.handlers import http


class Passthrough:
    name = "passthrough"

    members = RpcProxy("members")

    @http("GET", "/v1/members/<member_id>")
    def get_member(self, request, member_id):
        member = self.members.get_member(member_id)
        return 200, {"Content-Type": "application/json"}, json.dumps(member)
