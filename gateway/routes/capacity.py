"""When members can work: weekly hours, overrides, unavailability, availability."""

from gateway.auth import require_member_scope
from gateway.http import RouteDoc, api
from gateway.requests import checked, json_body, query_args
from gateway.schemas import AvailabilityRequestSchema
from services.members.schemas.capacity import (
    AvailabilitySchema,
    CapacityChangesSchema,
    CapacitySchema,
    UnavailabilityDetailsSchema,
    UnavailabilitySchema,
    unavailability_changes_schema,
)

SELF = ("operator", "member")


class CapacityRoutes:
    @api("GET", "/v1/members/<member_id>/capacity",
         RouteDoc("Weekly hours, overrides and unavailability (with private reasons)",
                  "capacity", response=CapacitySchema), roles=SELF)
    def get_capacity(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.members.get_capacity(member_id)

    @api("PATCH", "/v1/members/<member_id>/capacity",
         RouteDoc("Change default weekly hours and per-week overrides (null removes one)",
                  "capacity", body=CapacityChangesSchema, response=CapacitySchema), roles=SELF)
    def change_capacity(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return self.members.change_capacity(member_id, json_body(request))

    @api("POST", "/v1/members/<member_id>/unavailability",
         RouteDoc("Add an unavailability period (overlapping periods are rejected, not "
                  "merged)", "capacity", body=UnavailabilityDetailsSchema,
                  response=UnavailabilitySchema, status=201, problems=(409,)), roles=SELF)
    def add_unavailability(self, request, member_id):
        require_member_scope(request.caller, member_id)
        return 201, self.members.add_unavailability(member_id, json_body(request))

    @api("PATCH", "/v1/members/<member_id>/unavailability/<unavailability_id>",
         RouteDoc("Change an unavailability period", "capacity",
                  body=unavailability_changes_schema, response=UnavailabilitySchema,
                  problems=(409,)), roles=SELF)
    def change_unavailability(self, request, member_id, unavailability_id):
        require_member_scope(request.caller, member_id)
        return self.members.change_unavailability(member_id, unavailability_id,
                                                  json_body(request))

    @api("DELETE", "/v1/members/<member_id>/unavailability/<unavailability_id>",
         RouteDoc("Remove an unavailability period", "capacity",
                  response=UnavailabilitySchema), roles=SELF)
    def remove_unavailability(self, request, member_id, unavailability_id):
        require_member_scope(request.caller, member_id)
        return self.members.remove_unavailability(member_id, unavailability_id)

    @api("GET", "/v1/availability",
         RouteDoc("Available hours per ISO week for up to 100 members", "capacity",
                  query=AvailabilityRequestSchema, response=AvailabilitySchema), roles=SELF)
    def availability(self, request):
        query = checked(AvailabilityRequestSchema(), query_args(request))
        return self.members.availability(query["member_ids"], query["from_week"],
                                         query["to_week"])
