"""A small coop on real members and matching services, and a tap on what matching
publishes."""

import pytest

from services.matching.service import MatchingService
from services.members.service import MembersService
from tests.support.broker import EventTap
from tests.support.coop import Coop
from tests.support.waiting import eventually


class MatchingTap(EventTap):
    """Matching's events a test caused, waited for by type."""

    def __init__(self, amqp_uri: str):
        super().__init__(amqp_uri, "matching")
        self.seen: list[dict] = []

    def wait_for(self, event_type: str, count: int = 1, timeout: float = 5,
                 **data) -> list[dict]:
        """At least `count` events of `event_type` whose data holds `data`."""
        def matching():
            return [e for e in self.seen if e["type"] == event_type
                    and all(e["data"].get(k) == v for k, v in data.items())]

        def enough():
            self.seen.extend(self.drain())
            return len(matching()) >= count

        eventually(enough, timeout=timeout)
        return matching()


@pytest.fixture
def tap(amqp_uri):
    event_tap = MatchingTap(amqp_uri)
    yield event_tap
    event_tap.close()


@pytest.fixture
def coop(run_services, rpc) -> Coop:
    run_services(MembersService, MatchingService)
    return Coop(rpc)
