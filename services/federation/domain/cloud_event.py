"""The wire format: CloudEvents 1.0 in structured JSON mode (`application/cloudevents+json`).

Built and read with the CloudEvents SDK (`cloudevents.core`), which checks the required
attributes and their types. On top of the spec we require `time`, `subject` and a JSON
object as `data`, and bound the sizes, so that what passes `read` can be stored as is.
"""

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from cloudevents.core.exceptions import BaseCloudEventException
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent

from services.federation.domain.rules import MalformedMessage

CONTENT_TYPE = JSONFormat.CONTENT_TYPE  # application/cloudevents+json
DATA_CONTENT_TYPE = "application/json"
MAX_BODY_BYTES = 256 * 1024
MAX_ID = 100
MAX_SOURCE = 200
MAX_TYPE = 100
MAX_SUBJECT = 200
REQUIRED = {"specversion", "id", "source", "type", "time", "subject", "data"}


@dataclass(frozen=True)
class FederatedEvent:
    id: str
    source: str      # the sending coop's URI
    type: str        # e.g. coop.multitalent.seat_offered.v1
    time: datetime
    subject: str
    data: dict


def write(event: FederatedEvent) -> bytes:
    """The event as the bytes that are signed and sent."""
    attributes = {"id": event.id, "source": event.source, "type": event.type,
                  "time": event.time.astimezone(UTC), "subject": event.subject,
                  "datacontenttype": DATA_CONTENT_TYPE}
    return JSONFormat().write(CloudEvent(attributes, event.data))


def read(body: bytes) -> FederatedEvent:
    """The event in `body`; `MalformedMessage` saying why it is not one we can read."""
    if len(body) > MAX_BODY_BYTES:
        raise MalformedMessage(f"The body has {len(body)} bytes; at most {MAX_BODY_BYTES}.")
    try:
        document = json.loads(body)
        if not isinstance(document, dict):
            raise MalformedMessage("The body is not a JSON object.")
        missing = sorted(REQUIRED - set(document))
        if missing:  # the SDK would make up an `id` and a `time`
            raise MalformedMessage(f"A federated event has {', '.join(missing)}.")
        event = JSONFormat().read(CloudEvent, body)
    except MalformedMessage:
        raise
    except (ValueError, TypeError, AttributeError, KeyError, OverflowError,
            BaseCloudEventException) as error:
        raise MalformedMessage(f"Not a CloudEvents 1.0 JSON event: {error}"[:300]) from None
    return _checked(event)


def _checked(event: CloudEvent) -> FederatedEvent:
    time, subject, data = event.get_time(), event.get_subject(), event.get_data()
    if time is None or subject is None:
        raise MalformedMessage("A federated event has a `time` and a `subject`.")
    if event.get_datacontenttype() not in (None, DATA_CONTENT_TYPE):
        raise MalformedMessage(f"`datacontenttype` must be {DATA_CONTENT_TYPE}.")
    if not isinstance(data, dict):
        raise MalformedMessage("`data` must be a JSON object.")
    for name, value, limit in (("id", event.get_id(), MAX_ID),
                               ("source", event.get_source(), MAX_SOURCE),
                               ("type", event.get_type(), MAX_TYPE),
                               ("subject", subject, MAX_SUBJECT)):
        if len(value) > limit:
            raise MalformedMessage(f"`{name}` has more than {limit} characters.")
    if time.tzinfo is None:
        raise MalformedMessage("`time` must carry its UTC offset.")
    return FederatedEvent(event.get_id(), event.get_source(), event.get_type(),
                          time.astimezone(UTC), subject, data)
