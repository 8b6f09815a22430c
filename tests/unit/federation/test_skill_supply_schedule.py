"""Our skill supply goes to partners once a day: the hourly check says whether it is due."""

from datetime import timedelta

import pytest

from services.federation.domain.keys import KeyPair
from services.federation.domain.ports import OutboundEvent
from services.federation.domain.use_cases.flows import skill_supply_due
from tests.unit.federation.builders import NOW, SEAT_OFFERED, SKILL_SUPPLY, partner
from tests.unit.federation.fakes import FakeUnitOfWork

KEY = KeyPair.generate()


def coop_with(shared: tuple, sent: dict) -> FakeUnitOfWork:
    """A partner we share `shared` with, and events queued for it: type → when."""
    uow = FakeUnitOfWork()
    with uow:
        uow.partners.add(partner(KEY, shared=shared))
        for index, (event_type, queued_at) in enumerate(sent.items()):
            uow.outbound.add(OutboundEvent(f"e-{index}", "p-1", event_type, "s", b"{}",
                                           queued_at))
        uow.commit()
    return uow


def test_nobody_hears_our_supply_when_no_partner_shares_it():
    assert skill_supply_due(coop_with((SEAT_OFFERED,), {}), NOW) is False


def test_a_partner_sharing_it_hears_it_the_first_time_at_once():
    assert skill_supply_due(coop_with((SKILL_SUPPLY,), {SEAT_OFFERED: NOW}), NOW) is True


@pytest.mark.parametrize(("sent", "due"), [
    (NOW.replace(hour=0, minute=0), False),  # earlier today (UTC)
    (NOW - timedelta(hours=NOW.hour, seconds=1), True),  # a second before midnight
    (NOW - timedelta(days=3), True),
])
def test_it_is_due_again_on_the_next_day(sent, due):
    assert skill_supply_due(coop_with((SKILL_SUPPLY,), {SKILL_SUPPLY: sent}), NOW) is due
