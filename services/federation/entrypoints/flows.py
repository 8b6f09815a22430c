"""From our services' flow events to partners, and partners' skill supply back.

Each local event a flow needs becomes one federated event (the mapping is
`schemas/flows.py`, exactly the federated schema's fields): matching's
`seat_offer_opened` goes to every partner we share `seat_offered.v1` with,
`seat_offer_closed` to the partners it names, `candidate_offer_made`,
`candidate_offer_withdrawn`, `external_member_placed`, `lending_ended` and
`lending_interrupted` to the partner they name, and billing's `external_hours_approved`
to its partner. Handled once per event (inbox).
"""

import logging
from datetime import UTC, datetime

from nameko.timer import timer

from infra import config
from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from infra.rpc import BoundedRpcProxy, rpc
from services.federation.domain.flows import PartnerSkillSupply, SkillCount
from services.federation.domain.use_cases import flows
from services.federation.entrypoints.partners import checked_partner_id
from services.federation.schemas.federated import check_data
from services.federation.schemas.flows import (
    SharedSkillSupplySchema,
    SkillSupplyListSchema,
    SkillSupplyQuerySchema,
    SkillSupplySharingSchema,
    translate,
)

log = logging.getLogger(__name__)
HOUR = 3600


class FlowEntrypoints:
    matching = BoundedRpcProxy("matching", timeout=config.rpc_timeout())

    def _forward(self, source: str, event: dict) -> None:
        event = EnvelopeSchema().load(event)
        federated_type, subject, data = translate(source, event["type"], event["data"])
        flows.forward(self.uow, event, checked_partner_id(event["data"].get("partner_id")),
                      federated_type, subject, data, self.settings.coop_uri, check_data)
        self.partner_outbox.wake()

    @event_handler("matching", "seat_offer_opened")
    def on_seat_offer_opened(self, event):
        event = EnvelopeSchema().load(event)
        federated_type, subject, data = translate("matching", event["type"], event["data"])
        queued = flows.broadcast(self.uow, event, federated_type, subject, data,
                                 self.settings.coop_uri, check_data)
        log.info("seat offer %s queued for %d partner(s)", subject, len(queued))
        self.partner_outbox.wake()

    @event_handler("matching", "seat_offer_closed")
    def on_seat_offer_closed(self, event):
        """To the partners still waiting on the offer (`partner_ids`: matching knows whom
        it went to, and leaves out the one whose candidate was accepted)."""
        event = EnvelopeSchema().load(event)
        federated_type, subject, data = translate("matching", event["type"], event["data"])
        partner_ids = [checked_partner_id(p) for p in event["data"].get("partner_ids", [])]
        flows.forward_to_each(self.uow, event, partner_ids, federated_type, subject, data,
                              self.settings.coop_uri, check_data)
        self.partner_outbox.wake()

    @event_handler("matching", "candidate_offer_withdrawn")
    def on_candidate_offer_withdrawn(self, event):
        self._forward("matching", event)

    @event_handler("matching", "candidate_offer_made")
    def on_candidate_offer_made(self, event):
        self._forward("matching", event)

    @event_handler("matching", "external_member_placed")
    def on_external_member_placed(self, event):
        self._forward("matching", event)

    @event_handler("matching", "lending_ended")
    def on_lending_ended(self, event):
        self._forward("matching", event)

    @event_handler("matching", "lending_interrupted")
    def on_lending_interrupted(self, event):
        self._forward("matching", event)

    @event_handler("billing", "external_hours_approved")
    def on_external_hours_approved(self, event):
        self._forward("billing", event)

    # --- membership news: skill supply ------------------------------------------------------

    @rpc
    def share_skill_supply(self):
        """Send our counts per skill to every partner we share `skill_supply_shared.v1` with."""
        supply = self.matching.skill_supply()
        queued = flows.broadcast(self.uow, None, flows.SKILL_SUPPLY, str(supply["as_of"]),
                                 supply, self.settings.coop_uri, check_data)
        self.partner_outbox.wake()
        return SkillSupplySharingSchema().dump({**supply, "partners": len(queued)})

    @timer(interval=HOUR)
    def share_skill_supply_daily(self):
        """Once a day, checked hourly: a timer starts counting again at every restart, so
        a daily one would never fire in a coop that restarts more often."""
        try:
            if flows.skill_supply_due(self.uow, datetime.now(UTC)):
                self.share_skill_supply()
        except Exception:  # matching away: within the hour again; an operator can share by hand
            log.exception("could not share the skill supply")

    @event_handler("federation", "partner_skill_supply_shared")
    def on_partner_skill_supply_shared(self, event):
        event = EnvelopeSchema().load(event)
        data = SharedSkillSupplySchema().load(event["data"]["data"])
        supply = PartnerSkillSupply(
            str(event["data"]["partner_id"]), str(event["data"]["partner_name"])[:200],
            data["as_of"], datetime.now(UTC),
            tuple(SkillCount(**count) for count in data["skills"]))
        flows.record_skill_supply(self.uow, event, supply)

    @rpc
    def skill_supply(self, query=None):
        skill = SkillSupplyQuerySchema().load(query or {})["skill"]
        return SkillSupplyListSchema().dump({"items": flows.skill_supply(self.uow, skill)})
