"""Events billing handles, each applied once per event id (inbox).

An event whose data breaks the contract (e.g. an unknown VAT rate, an assignment
billing never recorded, an expense the development fund cannot pay) is parked by
`infra.handlers`, not retried; a snapshot older than the one held is ignored.
"""

from datetime import UTC

from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from services.billing.domain import use_cases
from services.billing.domain.parties import ClientParty, MemberName
from services.billing.schemas.incoming import (
    AssignmentConfirmedSchema,
    AssignmentEndedSchema,
    ClientEventSchema,
    DevelopmentExpenseApprovedSchema,
    MemberSnapshotSchema,
)


class ListeningEntrypoints:
    @event_handler("matching", "client_registered")
    def on_client_registered(self, event):
        self._record_client(event)

    @event_handler("matching", "client_updated")
    def on_client_updated(self, event):
        self._record_client(event)

    @event_handler("matching", "assignment_confirmed")
    def on_assignment_confirmed(self, event):
        event = EnvelopeSchema().load(event)
        data = AssignmentConfirmedSchema().load(event["data"])
        use_cases.record_assignment(self.uow, {**event, "data": data}, self.settings.rules)

    @event_handler("matching", "assignment_ended")
    def on_assignment_ended(self, event):
        event = EnvelopeSchema().load(event)
        data = AssignmentEndedSchema().load(event["data"])
        use_cases.end_assignment(self.uow, event, data["assignment_id"], data["ended_on"],
                                 data["reason"])

    @event_handler("members", "member_created")
    def on_member_created(self, event):
        self._record_member(event)

    @event_handler("members", "member_updated")
    def on_member_updated(self, event):
        self._record_member(event)

    @event_handler("members", "member_erased")
    def on_member_erased(self, event):
        self._record_member(event)

    @event_handler("learning", "development_expense_approved")
    def on_development_expense_approved(self, event):
        event = EnvelopeSchema().load(event)
        data = DevelopmentExpenseApprovedSchema().load(event["data"])
        use_cases.pay_development_expense(
            self.uow.serialised(), event, data["request_id"], data["member_id"],
            data["amount"], data["title"], data["approved_at"].astimezone(UTC).date())

    def _record_client(self, event):
        event = EnvelopeSchema().load(event)
        client = ClientParty.from_event(ClientEventSchema().load(event["data"]))
        use_cases.record_client(self.uow, event, client)

    def _record_member(self, event):
        """An erased member's snapshot (`status` erased) leaves no name behind."""
        event = EnvelopeSchema().load(event)
        data = MemberSnapshotSchema().load(event["data"])
        name = None if data["status"] == "erased" else (data["name"] or "").strip() or None
        use_cases.record_member(self.uow, event,
                                MemberName(data["member_id"], name, data["version"]))
