"""Rules an operator's or a service's request can break, named so the name is the message.

(What an incoming partner *message* can break is in `rules.py`: those are dead-lettered,
not answered.)
"""

from infra.errors import Conflict, Forbidden, Invalid, NotFound
from infra.errors import field_error as _field


class PartnerNotFound(NotFound):
    def __init__(self, partner_id: str):
        super().__init__(f"No partner coop with id {partner_id}.")


class PartnerAlreadyRegistered(Conflict):
    def __init__(self, coop_uri: str):
        super().__init__(f"The coop {coop_uri} is already a partner.",
                         _field("coop_uri", "Already registered as a partner."))


class CannotPartnerWithOurselves(Invalid):
    def __init__(self, coop_uri: str):
        super().__init__(f"{coop_uri} is this coop's own URI.",
                         _field("coop_uri", "This is our own coop URI."))


class UnknownEventType(Invalid):
    def __init__(self, event_type: str, field: str):
        super().__init__(f"{event_type} is not a federated event type.",
                         _field(field, f"Unknown federated event type {event_type}."))


class KeyAlreadyRegistered(Conflict):
    def __init__(self, key_id: str, field: str = "public_key"):
        super().__init__(f"The key {key_id} is already registered for this partner.",
                         _field(field, "This key is already registered."))


class PartnerKeyNotFound(NotFound):
    def __init__(self, key_id: str):
        super().__init__(f"The partner has no key with id {key_id}.")


class KeyAlreadyRetired(Conflict):
    def __init__(self, key_id: str):
        super().__init__(f"The key {key_id} is already retired.")


class EventTypeNotShared(Forbidden):
    def __init__(self, event_type: str):
        super().__init__(f"We do not share {event_type} with this partner; add it to the "
                         "partner's shared types first.", _field("type", "Not shared."))


class EventDataInvalid(Invalid):
    """`data` does not match the schema of its federated type."""

    def __init__(self, errors: list[dict]):
        names = ", ".join(sorted({e["field"] for e in errors}))
        super().__init__(f"Invalid event data: {names}", errors)
