"""Who a payout batch pays: asked of the members service a hundred members at a time."""

import pytest
from nameko.exceptions import RemoteError

from services.billing.payees import MemberPayee, MembersServiceDidNotAnswer, fetch_payees


class MembersService:
    """The members service's `get_billing_details_of`, over the members it knows."""

    def __init__(self, known: dict[str, str], answers: int = 99):
        self.known, self.answers, self.asked = known, answers, []

    def get_billing_details_of(self, query):
        if len(self.asked) >= self.answers:
            raise RemoteError("ServiceUnavailable", "no answer")
        self.asked.append(query["member_ids"])
        return {"items": [{"member_id": m, "name": f"Member {m}", "iban": self.known[m]}
                          for m in query["member_ids"] if m in self.known]}


IDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(250)]


def test_many_members_are_asked_for_a_hundred_at_a_time():
    members = MembersService({m: "NL91ABNA0417164300" for m in IDS})
    payees = fetch_payees(members, IDS)
    assert [len(asked) for asked in members.asked] == [100, 100, 50]
    assert len(payees) == 250
    assert payees[IDS[7]] == MemberPayee(IDS[7], f"Member {IDS[7]}", "NL91ABNA0417164300")


def test_a_member_the_members_service_does_not_know_gets_no_payee():
    members = MembersService({IDS[0]: "NL91ABNA0417164300", IDS[1]: None})
    payees = fetch_payees(members, IDS[:3] + IDS[:1])
    assert members.asked == [IDS[:3]]  # each member once
    assert set(payees) == {IDS[0], IDS[1]} and payees[IDS[1]].iban == ""


def test_without_an_answer_no_batch_is_made_and_the_error_says_for_how_many():
    members = MembersService({m: "NL91ABNA0417164300" for m in IDS}, answers=1)
    with pytest.raises(MembersServiceDidNotAnswer) as raised:
        fetch_payees(members, IDS)
    assert "150 member(s)" in raised.value.detail
