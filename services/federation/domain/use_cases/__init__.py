"""What can be done in federation. Each use case is one transaction."""

from services.federation.domain.use_cases.partners import (
    add_partner,
    add_partner_key,
    get_partner,
    list_partners,
    retire_partner_key,
    update_partner,
)
from services.federation.domain.use_cases.receiving import forget_old_received_events, receive
from services.federation.domain.use_cases.sending import send

__all__ = ["add_partner", "add_partner_key", "forget_old_received_events", "get_partner",
           "list_partners", "receive",
           "retire_partner_key", "send", "update_partner"]
