from marshmallow import ValidationError

from infra.errors import Invalid
from infra.handlers import next_step, retry_queue

DELAYS = (1_000, 5_000, 30_000)


def test_failures_are_retried_after_growing_delays_then_parked():
    error = ConnectionError("database went away")
    assert [next_step(attempt, error, DELAYS) for attempt in (1, 2, 3, 4)] == [
        1_000, 5_000, 30_000, None]


def test_malformed_events_are_parked_at_once():
    assert next_step(1, Invalid("bad event"), DELAYS) is None
    assert next_step(1, ValidationError("bad event"), DELAYS) is None


def test_a_retry_queue_dead_letters_back_into_the_handlers_queue():
    queue = retry_queue("evt-members-member_created--matching.on_member_created", 5_000)
    assert queue.name.endswith(".retry.5000ms")
    assert queue.queue_arguments == {
        "x-message-ttl": 5_000,
        "x-dead-letter-exchange": "",
        "x-dead-letter-routing-key": "evt-members-member_created--matching.on_member_created",
    }
