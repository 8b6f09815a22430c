"""Contracts and hours: recording assignments, writing, approving and rejecting hours."""

from infra.rpc import rpc
from services.billing.domain import use_cases
from services.billing.domain.errors import ContractNotFound
from services.billing.entrypoints import _support as support
from services.billing.schemas.hours import (
    ContractPageSchema,
    ContractQuerySchema,
    ContractSchema,
    DecisionSchema,
    HoursSubmissionSchema,
    RejectionSchema,
    TimeEntryPageSchema,
    TimeEntryQuerySchema,
    TimeEntrySchema,
)
from services.billing.schemas.incoming import AssignmentSchema


class HoursEntrypoints:
    @rpc
    def record_assignment(self, assignment):
        data = AssignmentSchema().load(assignment)
        command = {"id": support.new_command_id(), "type": "assignment_recorded",
                   "source": "billing", "data": data}
        contract = use_cases.record_assignment(self.uow, command, self.settings.rules)
        return ContractSchema().dump(contract)

    @rpc
    def get_contract(self, contract_id):
        wanted = support.contract(contract_id)
        with self.uow as uow:
            contract = uow.contracts.get(wanted)
        if contract is None:
            raise ContractNotFound(wanted)
        return ContractSchema().dump(contract)

    @rpc
    def list_contracts(self, query=None):
        query = ContractQuerySchema().load(query or {})
        with self.uow as uow:
            page = uow.queries.contracts(**query)
        return ContractPageSchema().dump(page)

    @rpc
    def submit_hours(self, contract_id, submission):
        data = HoursSubmissionSchema().load(submission)
        hours = {entry["day"]: entry["hours"] for entry in data["entries"]}
        entries = use_cases.submit_hours(self.uow, data["member_id"],
                                         support.contract(contract_id), hours)
        return TimeEntrySchema(many=True).dump(entries)

    @rpc
    def approve_hours(self, decision):
        data = DecisionSchema().load(decision)
        entries = use_cases.approve_hours(self.uow.serialised(), data["client_id"],
                                          data["entry_ids"], support.new_command_id())
        return TimeEntrySchema(many=True).dump(entries)

    @rpc
    def reject_hours(self, decision):
        data = RejectionSchema().load(decision)
        entries = use_cases.reject_hours(self.uow, data["client_id"], data["entry_ids"],
                                         data["reason"])
        return TimeEntrySchema(many=True).dump(entries)

    @rpc
    def list_time_entries(self, query=None):
        query = TimeEntryQuerySchema().load(query or {})
        month = query.pop("month")
        if month is not None:
            first, last = support.month_days(month)
            query.update(first_day=first, last_day=last)
        with self.uow as uow:
            page = uow.queries.time_entries(**query)
        return TimeEntryPageSchema().dump(page)
