import json
import uuid
from datetime import datetime

from infra.events import EnvelopeSchema, envelope
from infra.outbox import inbox_row, outbox_row


def test_an_envelope_is_cloudevents_shaped_plain_json():
    event = envelope("members", "member_created", "m-1", {"name": "Anouk", "rate": "85.00"})
    assert set(event) == {"id", "type", "source", "time", "subject", "data", "dataschema_version"}
    uuid.UUID(event["id"])
    assert datetime.fromisoformat(event["time"]).utcoffset().total_seconds() == 0
    assert json.loads(json.dumps(event)) == event
    assert EnvelopeSchema().load(event)["type"] == "member_created"


def test_every_envelope_has_its_own_id():
    assert envelope("a", "b", "c", {})["id"] != envelope("a", "b", "c", {})["id"]


def test_outbox_rows_hold_the_envelope_as_json_and_start_unsent():
    event = envelope("members", "member_created", "m-1", {"x": 1})
    row = outbox_row(event)
    assert json.loads(row["envelope"]) == event
    assert row["event_id"] == event["id"] and row["published_at"] is None


def test_inbox_rows_key_on_the_event_id():
    event = EnvelopeSchema().load(envelope("members", "member_created", "m-1", {}))
    assert inbox_row(event)["event_id"] == str(event["id"])
