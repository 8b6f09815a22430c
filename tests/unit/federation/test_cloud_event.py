"""The wire format: CloudEvents 1.0, structured JSON mode."""

import json

import pytest

from services.federation.domain import cloud_event
from services.federation.domain.rules import MalformedMessage
from tests.unit.federation.builders import event


def test_an_event_is_written_as_a_structured_cloudevent_and_read_back():
    sent = event()
    body = cloud_event.write(sent)
    document = json.loads(body)
    assert document["specversion"] == "1.0"
    assert document["datacontenttype"] == "application/json"
    assert {"id", "source", "type", "time", "subject", "data"} <= set(document)
    assert document["time"].endswith("Z")
    assert cloud_event.read(body) == sent


@pytest.mark.parametrize("body", [
    b"not json", b"[1, 2]", b"{}", b'"text"',
    b'{"specversion": "0.3", "id": "1", "source": "s", "type": "t", "time": '
    b'"2026-11-24T12:00:00Z", "subject": "x", "data": {}}',
    b'{"specversion": "1.0", "id": "1", "source": "s", "type": "t", "subject": "x", '
    b'"data": {}}',
    b'{"specversion": "1.0", "id": "1", "source": "s", "type": "t", '
    b'"time": "2026-11-24T12:00:00Z", "data": {}}',
    b'{"specversion": "1.0", "id": "1", "source": "s", "type": "t", '
    b'"time": "2026-11-24T12:00:00Z", "subject": "x", "data": [1]}',
    b'{"specversion": "1.0", "id": "1", "source": "s", "type": "t", '
    b'"time": "yesterday", "subject": "x", "data": {}}',
    b'{"specversion": "1.0", "id": 1, "source": "s", "type": "t", '
    b'"time": "2026-11-24T12:00:00Z", "subject": "x", "data": {}}',
    b'{"specversion": "1.0", "id": "1", "source": "s", "type": "t", '
    b'"time": "2026-11-24T12:00:00", "subject": "x", "data": {}}',
])
def test_what_is_not_a_federated_cloudevent_is_malformed(body):
    with pytest.raises(MalformedMessage):
        cloud_event.read(body)


def test_an_oversized_body_is_malformed():
    with pytest.raises(MalformedMessage):
        cloud_event.read(b" " * (cloud_event.MAX_BODY_BYTES + 1))
