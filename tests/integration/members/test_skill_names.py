"""Dutch skill names over RPC, against the real database (migration 0004 applied): the
taxonomy answers both names, operators add skills with or without a Dutch name, and the
directory finds members by the Dutch name of a skill."""

import uuid

import pytest
from sqlalchemy import select

from infra.errors import Invalid
from services.members.models import skills


def stored_dutch_name(engine, slug: str):
    with engine.connect() as connection:
        return connection.execute(select(skills.c.name_nl).where(skills.c.slug == slug)).scalar()


def test_the_taxonomy_names_every_category_and_skill_in_english_and_dutch(members):
    taxonomy = members.list_skills()
    categories = {c["slug"]: c for c in taxonomy["categories"]}
    assert categories["project-management"]["name"] == "Project and programme management"
    assert categories["project-management"]["name_nl"] == "Project- en programmamanagement"
    assert all(c["name_nl"] for c in taxonomy["categories"])
    by_slug = {s["slug"]: s for s in taxonomy["skills"]}
    assert (by_slug["data-analysis"]["name"], by_slug["data-analysis"]["name_nl"]) == (
        "Data analysis", "Data-analyse")
    assert by_slug["kubernetes"]["name_nl"] == "Kubernetes"
    assert all(s["name_nl"] for s in taxonomy["skills"])
    finance = members.list_skills({"category": "finance"})["skills"]
    assert {s["slug"]: s["name_nl"] for s in finance}["bookkeeping"] == "Boekhouden"


def test_an_operator_adds_a_skill_with_a_dutch_name(members, members_db):
    slug = f"knitting-{uuid.uuid4().hex[:6]}"
    added = members.add_skill({"slug": slug, "name": "Knitting", "name_nl": " Breien ",
                               "category": "design"})
    assert added == {"slug": slug, "name": "Knitting", "name_nl": "Breien",
                     "category": "design", "esco_uri": None}
    assert stored_dutch_name(members_db, slug) == "Breien"
    listed = {s["slug"]: s for s in members.list_skills({"category": "design"})["skills"]}
    assert (listed[slug]["name"], listed[slug]["name_nl"]) == ("Knitting", "Breien")


def test_without_a_dutch_name_the_english_one_serves(members, members_db):
    slug = f"crochet-{uuid.uuid4().hex[:6]}"
    added = members.add_skill({"slug": slug, "name": "Crochet", "category": "design"})
    assert added["name_nl"] == "Crochet"
    assert stored_dutch_name(members_db, slug) is None  # nothing invented in storage
    listed = {s["slug"]: s for s in members.list_skills()["skills"]}
    assert listed[slug]["name_nl"] == "Crochet"


@pytest.mark.parametrize("name_nl", ["", "   ", "x" * 101, 7])
def test_a_bad_dutch_name_is_refused_naming_the_field_and_adds_nothing(members, name_nl):
    slug = f"weaving-{uuid.uuid4().hex[:6]}"
    with pytest.raises(Invalid) as raised:
        members.add_skill({"slug": slug, "name": "Weaving", "name_nl": name_nl,
                           "category": "design"})
    assert [e["field"] for e in raised.value.errors] == ["name_nl"]
    assert slug not in {s["slug"] for s in members.list_skills()["skills"]}


def test_the_directory_finds_members_by_the_dutch_name_of_a_skill(members, make_active):
    tag = uuid.uuid4().hex[:8]
    slug = f"breien-{tag}"
    members.add_skill({"slug": slug, "name": f"Knitting {tag}", "name_nl": f"Breiwerk{tag}",
                       "category": "design"})
    shown = make_active(name=f"Ada {tag}", city="Zeist")
    members.set_skills(shown["id"], [{"skill": slug, "level": 4},
                                     {"skill": "data-analysis", "level": 3}])
    members.update_member(shown["id"], {"listed_in_directory": True})

    for query in (f"breiwerk{tag}", f"BREIWERK{tag}", f"knitting {tag}"):
        page = members.list_directory({"q": query})
        assert [item["id"] for item in page["items"]] == [shown["id"]], query
    assert members.list_directory({"q": f"{tag} data-analyse"})["total"] == 1
    assert members.list_directory({"q": f"{tag} boekhouden"})["total"] == 0


def test_an_operator_renames_a_shipped_skill_over_rpc(members, members_db):
    shipped = {s["slug"]: s for s in members.list_skills()["skills"]}["api-design"]
    try:
        changed = members.change_skill("api-design", {"name_nl": "Ontwerp van API's"})
        assert changed == {**shipped, "name_nl": "Ontwerp van API's"}
        assert stored_dutch_name(members_db, "api-design") == "Ontwerp van API's"
        listed = {s["slug"]: s for s in members.list_skills()["skills"]}
        assert listed["api-design"] == changed
        assert len(listed) == len(members.list_skills()["skills"])
    finally:  # the session's other tests see the shipped names
        members.change_skill("api-design", {"name_nl": shipped["name_nl"]})


@pytest.mark.parametrize(("slug", "changes", "field"), [
    ("api-design", {}, "body"),
    ("api-design", {"category": "crafts"}, "category"),
    ("api-design", {"name": ""}, "name"),
    ("api-design", {"slug": "api"}, "slug"),
])
def test_a_bad_skill_change_names_the_field_and_changes_nothing(members, slug, changes,
                                                                field):
    before = members.list_skills()
    with pytest.raises(Invalid) as raised:
        members.change_skill(slug, changes)
    assert raised.value.errors[0]["field"] == field
    assert members.list_skills() == before
