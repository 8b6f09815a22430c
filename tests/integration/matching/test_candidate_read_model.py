"""Matching keeps candidates from members' events: two real services, one real broker."""

import uuid

from kombu import Connection

from infra.topology import declare, handler_queues
from services.matching.service import MatchingService
from services.members.service import MembersService
from tests.support.waiting import eventually


def new_details() -> dict:
    return {
        "name": "Mehmet Yilmaz",
        "email": f"mehmet-{uuid.uuid4().hex[:8]}@example.nl",
        "kvk_number": "70000002",
        "btw_id": "NL100039595B01",
        "iban": "NL02ABNA0123456789",
        "city": "Rotterdam",
    }


def test_a_created_member_appears_in_matchings_read_model_within_2_seconds(run_services, rpc):
    run_services(MembersService, MatchingService)
    member = rpc.members.create_member(new_details())
    candidate = eventually(lambda: rpc.matching.get_candidate(member["id"]), timeout=2)
    assert candidate["name"] == "Mehmet Yilmaz"
    assert candidate["city"] == "Rotterdam"
    assert candidate["version"] == 1


def test_an_updated_member_is_updated_in_the_read_model(run_services, rpc):
    run_services(MembersService, MatchingService)
    member = rpc.members.create_member(new_details())
    rpc.members.update_member(member["id"], {"city": "Delft", "hourly_rate": "99.50"})
    candidate = eventually(
        lambda: (found := rpc.matching.get_candidate(member["id"]))["version"] == 2 and found
    )
    assert (candidate["city"], candidate["hourly_rate"]) == ("Delft", "99.50")


def test_events_published_before_matching_ever_ran_are_not_lost(run_services, rpc, amqp_uri):
    # run_services declares matching's queues first, as `deploy.declare_queues` does at deploy
    declare(handler_queues(MatchingService, {"AMQP_URI": amqp_uri}), amqp_uri)
    run_services(MembersService)
    member = rpc.members.create_member(new_details())
    waiting = eventually(lambda: queued_messages(amqp_uri, CREATED_QUEUE), timeout=5)
    assert waiting >= 1

    run_services(MatchingService)
    assert eventually(lambda: rpc.matching.get_candidate(member["id"]), timeout=5)


CREATED_QUEUE = "evt-members-member_created--matching.on_member_created"


def queued_messages(amqp_uri: str, queue: str) -> int:
    with Connection(amqp_uri) as connection:
        return connection.default_channel.queue_declare(queue, passive=True).message_count
