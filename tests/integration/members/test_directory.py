"""The public directory over RPC, against the real database (migration 0003 applied)."""

import uuid

import pytest

from infra.errors import Invalid, NotFound
from tests.integration.members.conftest import new_details

PRIVATE_KEYS = {"email", "phone", "kvk_number", "btw_id", "iban", "hourly_rate", "motivation",
                "status", "suspension_reason", "listed_in_directory"}


def test_listed_active_members_are_found_by_words_without_private_fields(members, make_active):
    tag = uuid.uuid4().hex[:8]
    shown = make_active(name=f"Ada {tag}", city="Zeist", introduction="100% data_science")
    members.set_skills(shown["id"], [{"skill": "python", "level": 4}])
    assert members.update_member(shown["id"], {"listed_in_directory": True})[
        "listed_in_directory"] is True
    quiet = make_active(name=f"Bo {tag}", city="Zeist")
    assert quiet["listed_in_directory"] is False

    page = members.list_directory({"q": f"ada {tag.upper()} python"})
    assert [item["id"] for item in page["items"]] == [shown["id"]]
    assert page["total"] == 1
    assert not PRIVATE_KEYS & set(page["items"][0])
    # LIKE wildcards in a search are plain characters
    assert members.list_directory({"q": f"{tag} 100%"})["total"] == 1
    assert members.list_directory({"q": f"{tag} data_science"})["total"] == 1
    assert members.list_directory({"q": f"{tag} d_ta"})["total"] == 0
    assert members.list_directory({"q": f"{tag} 5%"})["total"] == 0
    assert members.list_directory({"q": tag, "skill": "sql"})["total"] == 0
    # letters beyond ASCII match in any case, on SQLite as on PostgreSQL
    other_tag = uuid.uuid4().hex[:8]
    accented = make_active(name=f"Émile Großmann {other_tag}", city="Zeist")
    members.update_member(accented["id"], {"listed_in_directory": True})
    for query in ("émile", "ÉMILE", "großmann", "GROßMANN"):
        assert members.list_directory({"q": f"{other_tag} {query}"})["total"] == 1, query

    profile = members.get_directory_profile(shown["id"])
    assert profile["name"] == f"Ada {tag}" and not PRIVATE_KEYS & set(profile)
    with pytest.raises(NotFound):
        members.get_directory_profile(quiet["id"])
    members.suspend_member(shown["id"], "a private reason")
    with pytest.raises(NotFound):
        members.get_directory_profile(shown["id"])
    assert members.list_directory({"q": tag})["total"] == 0
    with pytest.raises(NotFound):
        members.get_directory_profile("not-an-id")
    with pytest.raises(Invalid):
        members.list_directory({"q": "x" * 201})


def test_figures_count_active_members_and_distinct_skills(members, make_active):
    before = members.coop_figures()
    skill = f"figure-{uuid.uuid4().hex[:8]}"
    members.add_skill({"slug": skill, "name": skill, "category": "software"})
    member = make_active()
    members.set_skills(member["id"], [{"skill": skill, "level": 2}])
    applicant = members.create_member(new_details())
    members.set_skills(applicant["id"], [{"skill": skill, "level": 2}])
    after = members.coop_figures()
    assert after["active_members"] == before["active_members"] + 1
    assert after["skills_covered"] == before["skills_covered"] + 1
