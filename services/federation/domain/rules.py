"""The rules an incoming partner message can break. A broken rule rejects the message:
it is dead-lettered with the rule's name in a header, logged, and nothing is applied.

The class name is the reason an operator reads (header `x-federation-rejection`).
`RULES` lists them in the order they are checked: the first one broken is reported.
"""


class Rejection(Exception):
    """A message that will not be applied, named by the rule it breaks."""

    def __init__(self, detail: str):
        super().__init__(detail)

    @property
    def rule(self) -> str:
        return type(self).__name__

    @property
    def detail(self) -> str:
        return self.args[0]


class MalformedMessage(Rejection):
    """Signature headers missing or unreadable, or the body is not a CloudEvents 1.0 JSON
    event with `id`, `source`, `type`, `time`, `subject` and a JSON object as `data`."""


class UnknownPartner(Rejection):
    """The event's `source` is no coop in our partner registry."""


class UnknownSigningKey(Rejection):
    """The key id in `webhook-key-id` is not one of the partner's registered keys."""


class SigningKeyRetired(Rejection):
    """The message was signed with a key the partner (or we) retired."""


class SignatureMismatch(Rejection):
    """No `v1a` signature verifies with the named key: forged, or changed on the way."""


class IdMismatch(Rejection):
    """`webhook-id` differs from the event's `id`."""


class TimestampTooOld(Rejection):
    """`webhook-timestamp` is older than the replay window (5 minutes)."""


class TimestampInFuture(Rejection):
    """`webhook-timestamp` is ahead of our clock by more than the allowed skew."""


class EventTypeNotAllowed(Rejection):
    """The partner may not send us this type of event (not in its accepted types)."""


class DataDoesNotMatchSchema(Rejection):
    """The event's `data` does not match the schema of its type."""


class EventReplayed(Rejection):
    """An event with this `source` and `id` was accepted before."""


RULES = (MalformedMessage, UnknownPartner, UnknownSigningKey, SigningKeyRetired,
         SignatureMismatch, IdMismatch, TimestampTooOld, TimestampInFuture,
         EventTypeNotAllowed, DataDoesNotMatchSchema, EventReplayed)
