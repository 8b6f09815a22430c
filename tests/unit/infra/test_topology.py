from infra.rpc import rpc
from infra.topology import handler_queues
from services.matching.service import MatchingService
from services.members.service import MembersService


class QuietService:
    name = "quiet"

    @rpc
    def ping(self):
        return "pong"


def test_queues_are_named_bound_and_durable_as_nameko_declares_them():
    queues = {queue.name: queue for queue in handler_queues(MatchingService, {"AMQP_URI": ""})}
    created = queues["evt-members-member_created--matching.on_member_created"]
    assert created.exchange.name == "members.events"
    assert created.exchange.type == "topic"
    assert created.routing_key == "member_created"
    assert created.durable and not created.auto_delete and not created.exclusive
    assert "evt-members-member_updated--matching.on_member_updated" in queues


def test_a_service_without_event_handlers_declares_nothing():
    assert handler_queues(QuietService, {"AMQP_URI": ""}) == []


def test_members_listens_to_learnings_verifications_and_their_withdrawal():
    queues = {queue.name for queue in handler_queues(MembersService, {"AMQP_URI": ""})}
    assert queues == {
        "evt-learning-skill_verified--members.on_skill_verified",
        "evt-learning-skill_verification_withdrawn--members.on_skill_verification_withdrawn",
    }
