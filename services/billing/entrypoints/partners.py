"""Inter-coop billing: partner coops as customers, external contracts (coop A), lent
contracts and the partners' approved hours (coop B), and the operators' lists.

Events are applied once per event id (inbox); data that breaks the contract parks the
event (`infra.handlers`). A partner's hours (see `use_cases.record_partner_hours`) for a
placement not known yet are retried with backoff, then parked
(`LentPlacementNotKnownYet`); refused ones (`Invalid`, e.g.
`PlacementLentToAnotherPartner`) are logged and parked at once; neither is applied nor
marked handled.
"""

import logging

from infra.errors import Invalid
from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from infra.rpc import rpc
from services.billing.domain.partner_parties import PartnerCoop
from services.billing.domain.use_cases import inter_coop
from services.billing.domain.use_cases.partner_payments import pay_partner_coop
from services.billing.entrypoints import _support as support
from services.billing.schemas.inter_coop import (
    ExternalMemberLeftSchema,
    ExternalMemberPlacedSchema,
    InterCoopContractPageSchema,
    InterCoopContractQuerySchema,
    InterCoopInvoicePageSchema,
    InterCoopInvoiceQuerySchema,
    LendingEndedSchema,
    MemberLentSchema,
    PartnerAnnouncedSchema,
    PartnerBalancePageSchema,
    PartnerBalanceQuerySchema,
    PartnerExternalHoursSchema,
    PartnerPaymentPageSchema,
    PartnerPaymentQuerySchema,
    PartnerPaymentRequestSchema,
    PartnerPaymentSchema,
)

log = logging.getLogger(__name__)


class PartnerBillingEntrypoints:
    @event_handler("federation", "partner_registered")
    def on_partner_registered(self, event):
        self._record_partner(event)

    @event_handler("federation", "partner_updated")
    def on_partner_updated(self, event):
        self._record_partner(event)

    @event_handler("matching", "external_member_placed")
    def on_external_member_placed(self, event):
        event = EnvelopeSchema().load(event)
        data = ExternalMemberPlacedSchema().load(event["data"])
        inter_coop.open_external_contract(self.uow, {**event, "data": data})

    @event_handler("matching", "member_lent")
    def on_member_lent(self, event):
        event = EnvelopeSchema().load(event)
        data = MemberLentSchema().load(event["data"])
        # serialised: two partners' placements with one id cannot both pass the check
        inter_coop.open_lent_contract(self.uow.serialised(), {**event, "data": data},
                                      self.settings.rules)

    @event_handler("matching", "external_member_left")
    def on_external_member_left(self, event):
        event = EnvelopeSchema().load(event)
        data = ExternalMemberLeftSchema().load(event["data"])
        inter_coop.end_external_contract(self.uow, event, str(data["placement_id"]),
                                         data["ends_on"])

    @event_handler("matching", "lending_ended")
    def on_lending_ended(self, event):
        event = EnvelopeSchema().load(event)
        data = LendingEndedSchema().load(event["data"])
        inter_coop.end_lent_contract(self.uow, event, str(data["partner_id"]),
                                     str(data["placement_id"]), data["ends_on"])

    @event_handler("federation", "partner_external_hours_approved")
    def on_partner_external_hours_approved(self, event):
        event = EnvelopeSchema().load(event)
        received = PartnerExternalHoursSchema().load(event["data"])
        try:
            inter_coop.record_partner_hours(self.uow.serialised(), event,
                                            received["partner_id"], received["data"])
        except Invalid as refused:  # parked at once by infra.handlers, with the reason
            log.warning("partner %s's hours (event %s) refused: %s: %s",
                        received["partner_id"], event["id"], refused.rule, refused.detail)
            raise

    def _record_partner(self, event):
        event = EnvelopeSchema().load(event)
        partner = PartnerCoop.from_event(PartnerAnnouncedSchema().load(event["data"]))
        inter_coop.record_partner_coop(self.uow, event, partner)

    @rpc
    def list_external_contracts(self, query=None):
        return self._contracts("external", query)

    @rpc
    def list_lent_contracts(self, query=None):
        return self._contracts("lent", query)

    @rpc
    def list_inter_coop_invoices(self, query=None):
        query = InterCoopInvoiceQuerySchema().load(query or {})
        with self.uow as uow:
            page = uow.inter_coop_queries.invoices(**query)
        today = support.today()
        return InterCoopInvoicePageSchema().dump({
            "items": [{"invoice": row, "receivable": owed, "today": today}
                      for row, owed in page.items],
            "next_cursor": page.next_cursor})

    @rpc
    def pay_partner_coop(self, payment):
        data = PartnerPaymentRequestSchema().load(payment)
        paid = pay_partner_coop(self.uow.serialised(), data["partner_id"], data["amount"],
                                data["paid_on"], data["reference"], support.new_command_id(),
                                vat=data["vat"])
        return PartnerPaymentSchema().dump(paid)

    @rpc
    def list_partner_payments(self, query=None):
        query = PartnerPaymentQuerySchema().load(query or {})
        with self.uow as uow:
            page = uow.partner_payment_queries.payments(**query)
        return PartnerPaymentPageSchema().dump(page)

    @rpc
    def list_partner_balances(self, query=None):
        query = PartnerBalanceQuerySchema().load(query or {})
        with self.uow as uow:
            page = uow.partner_payment_queries.balances(**query)
        return PartnerBalancePageSchema().dump(page)

    def _contracts(self, kind, query):
        query = InterCoopContractQuerySchema().load(query or {})
        with self.uow as uow:
            page = uow.inter_coop_queries.contracts(kind, **query)
        return InterCoopContractPageSchema().dump({
            "items": [{**vars(contract), **vars(placement), "rate_mismatch": mismatch}
                      for contract, placement, mismatch in page.items],
            "next_cursor": page.next_cursor})
