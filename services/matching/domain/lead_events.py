"""Facts about leads that matching tells the others about (`lead_received`,
`lead_qualified`, `lead_converted`, `lead_closed`). Their data never holds the contact
person: ids, the organisation's name, status, dates and skills only."""

from dataclasses import dataclass


@dataclass(frozen=True)
class LeadEvent:
    lead: object  # domain.leads.Lead
    type: str

    @property
    def subject(self) -> str:
        return self.lead.id


def lead_received(lead) -> LeadEvent:
    return LeadEvent(lead, "lead_received")


def lead_qualified(lead) -> LeadEvent:
    return LeadEvent(lead, "lead_qualified")


def lead_converted(lead) -> LeadEvent:
    return LeadEvent(lead, "lead_converted")


def lead_closed(lead) -> LeadEvent:
    return LeadEvent(lead, "lead_closed")
