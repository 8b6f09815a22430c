"""Events between coops: `send` to a partner (other services), and receiving from them."""

from datetime import UTC, datetime

from infra.rpc import rpc
from services.federation.domain import use_cases
from services.federation.entrypoints.partners import checked_partner_id
from services.federation.inbound import partner_messages
from services.federation.schemas.federated import check_data
from services.federation.schemas.sending import OutboundEventSchema, SendSchema


class ExchangeEntrypoints:
    @rpc
    def send(self, partner_id, event_type, subject, data):
        message = SendSchema().load({"partner_id": str(checked_partner_id(partner_id)),
                                     "type": event_type, "subject": subject, "data": data})
        queued = use_cases.send(self.uow, str(message["partner_id"]), message["type"],
                                message["subject"], message["data"], self.settings.coop_uri,
                                check_data)
        self.partner_outbox.wake()
        return OutboundEventSchema().dump(queued)

    @partner_messages
    def receive(self, delivery):
        received = use_cases.receive(self.uow, delivery, check_data, datetime.now(UTC))
        return {"id": received.event.id, "type": received.type}
