"""RPC about relationships with client organisations, and billing's invoice events.

`member_scope` is the caller's own member id when a member calls: a member reaches
only the clients whose relationship they keep. Operators pass none.
"""

from datetime import date

from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from infra.rpc import rpc
from infra.schemas import Page
from services.matching.domain import use_cases
from services.matching.domain.relationships import ClientInvoice
from services.matching.schemas.relationships import (
    AttentionPageSchema,
    CreditNoteIssuedDataSchema,
    InvoiceIssuedDataSchema,
    InvoicePaidDataSchema,
    NoteDetailsSchema,
    NoteSchema,
    OwnerDetailsSchema,
    OwnerSchema,
    RelationshipSchema,
    RelationshipSettingsChangesSchema,
    RelationshipSettingsSchema,
)


class RelationshipEntrypoints:
    @rpc
    def get_relationship(self, client_id, member_scope=None):
        found = use_cases.get_relationship(self.uow, str(client_id), date.today(), member_scope)
        return RelationshipSchema().dump(found)

    @rpc
    def set_relationship_owner(self, client_id, owner):
        member_id = str(OwnerDetailsSchema().load(owner)["member_id"])
        found = use_cases.set_relationship_owner(self.uow, str(client_id), member_id)
        return OwnerSchema().dump(found)

    @rpc
    def add_relationship_note(self, client_id, note, member_scope=None):
        given = NoteDetailsSchema().load(note)
        today = date.today()
        member_id = str(given["member_id"]) if given["member_id"] else None
        added = use_cases.add_relationship_note(
            self.uow, str(client_id), given["contacted_on"] or today, given["kind"],
            member_id, given["summary"], today, member_scope)
        return NoteSchema().dump(added)

    @rpc
    def needs_attention(self, query=None):
        """Clients without contact for the setting's weeks, longest silence first."""
        page = Page().load(query or {})
        weeks, found = use_cases.clients_needing_attention(self.uow, date.today(),
                                                           page["limit"], page["cursor"])
        return AttentionPageSchema().dump({"needs_attention_after_weeks": weeks,
                                           "items": found.items,
                                           "next_cursor": found.next_cursor})

    @rpc
    def get_relationship_settings(self):
        return RelationshipSettingsSchema().dump(use_cases.get_relationship_settings(self.uow))

    @rpc
    def change_relationship_settings(self, changes):
        changes = RelationshipSettingsChangesSchema().load(changes)
        settings = use_cases.change_relationship_settings(self.uow, changes)
        return RelationshipSettingsSchema().dump(settings)

    @event_handler("billing", "invoice_issued")
    def on_invoice_issued(self, event):
        event = EnvelopeSchema().load(event)
        data = InvoiceIssuedDataSchema().load(event["data"])
        use_cases.record_invoice_issued(self.uow, event, ClientInvoice(**data))

    @event_handler("billing", "credit_note_issued")
    def on_credit_note_issued(self, event):
        event = EnvelopeSchema().load(event)
        data = CreditNoteIssuedDataSchema().load(event["data"])
        use_cases.record_invoice_issued(self.uow, event, ClientInvoice(**data))

    @event_handler("billing", "invoice_paid")
    def on_invoice_paid(self, event):
        event = EnvelopeSchema().load(event)
        data = InvoicePaidDataSchema().load(event["data"])
        use_cases.record_invoice_paid(self.uow, event, data["invoice_id"], data["client_id"],
                                      data["number"], event["time"].date())
