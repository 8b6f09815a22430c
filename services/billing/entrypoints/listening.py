"""Events billing handles, each applied once per event id (inbox).

An event whose data breaks the contract (e.g. an unknown VAT rate) is parked by
`infra.handlers`, not retried; a client snapshot older than the one held is ignored.
"""

from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from services.billing.domain import use_cases
from services.billing.domain.parties import ClientParty
from services.billing.schemas.incoming import AssignmentConfirmedSchema, ClientEventSchema


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

    def _record_client(self, event):
        event = EnvelopeSchema().load(event)
        client = ClientParty.from_event(ClientEventSchema().load(event["data"]))
        use_cases.record_client(self.uow, event, client)
