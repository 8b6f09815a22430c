"""Payout batches: making one (payees asked from the members service first), reading it,
its SEPA file, and a member's own payouts."""

from infra.rpc import rpc
from services.billing.domain import use_cases
from services.billing.domain.errors import PayoutBatchNotFound
from services.billing.domain.sepa_export import pain001
from services.billing.entrypoints import _support as support
from services.billing.payees import fetch_payees
from services.billing.schemas.invoices import DocumentFileSchema
from services.billing.schemas.payouts import (
    MemberPayoutPageSchema,
    MemberPayoutQuerySchema,
    PayoutBatchSchema,
    PayoutRequestSchema,
)


class PayoutEntrypoints:
    @rpc
    def create_payout_batch(self, request=None):
        data = PayoutRequestSchema().load(request or {})
        with self.uow as uow:
            candidates = uow.queries.members_to_pay()
        payees = fetch_payees(self.members, candidates)
        batch = use_cases.create_payout_batch(
            self.uow.serialised().with_payees(payees), data["batch_id"] or support.new_command_id(),
            data["execution_date"] or support.today())
        return PayoutBatchSchema().dump(batch)

    @rpc
    def get_payout_batch(self, batch_id):
        return PayoutBatchSchema().dump(self._batch(batch_id))

    @rpc
    def export_payout_batch(self, batch_id):
        """The pain.001.001.03 file for the bank: every transfer's amount is the ledger's."""
        batch = self._batch(batch_id)
        return DocumentFileSchema().dump({
            "filename": f"payout-{batch.id}.xml", "content_type": "application/xml",
            "content": pain001(batch, self.settings.coop).decode()})

    @rpc
    def list_member_payouts(self, member_id, query=None):
        page = MemberPayoutQuerySchema().load(query or {})
        with self.uow as uow:
            found = uow.queries.member_payouts(support.member(member_id), **page)
        return MemberPayoutPageSchema().dump(found)

    def _batch(self, batch_id):
        wanted = support.batch(batch_id)
        with self.uow as uow:
            batch = uow.queries.payout_batch(wanted)
        if batch is None:
            raise PayoutBatchNotFound(wanted)
        return batch
