from datetime import UTC, datetime

import pytest

from services.members.domain.member import Member

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 1, 6, 9, 0, tzinfo=UTC)


def a_member() -> Member:
    return Member.register(
        {"name": "Sanne", "email": "sanne@example.nl", "kvk_number": "70000003",
         "btw_id": "NL100126704B01", "iban": "NL51ABNA0987654321"},
        now=NOW,
    )


def test_registration_gives_an_id_and_timestamps():
    member = a_member()
    assert len(member.id) == 36
    assert member.created_at == member.updated_at == NOW


def test_only_member_details_can_be_given_or_changed():
    with pytest.raises(ValueError, match="status"):
        Member.register({"status": "active"}, now=NOW)
    with pytest.raises(ValueError, match="version"):
        a_member().change({"version": 7}, now=LATER)


def test_change_reports_whether_anything_changed():
    member = a_member()
    assert member.change({"name": "Sanne"}, now=LATER) is False
    assert member.updated_at == NOW
    assert member.change({"name": "Sanne Bakker"}, now=LATER) is True
    assert (member.name, member.version, member.updated_at) == ("Sanne Bakker", 2, LATER)
