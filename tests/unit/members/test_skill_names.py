"""Skills and categories have an English and a Dutch name: the shipped catalogue names every
one in Dutch, operators may give a Dutch name to what they add, and a search finds a skill by
either name."""

import json
from importlib import resources

import pytest
from marshmallow import ValidationError

from infra.schemas import invalid
from services.members.domain import use_cases
from services.members.domain.directory import search_terms
from services.members.domain.skills import Skill, Taxonomy
from services.members.repository.skills import shipped_taxonomy
from services.members.schemas.skills import NewSkillSchema, SkillSchema, taxonomy_view
from tests.unit.members.builders import active_member, founded_coop
from tests.unit.members.fakes import CATEGORIES, SKILLS, FakeUnitOfWork

# Names of products, languages and methods: the same in Dutch as in English.
PROPER_NAMES = {
    "python", "java", "javascript", "typescript", "php", "csharp", "cpp", "ruby", "go", "rust",
    "kotlin", "swift", "scala", "haskell", "erlang", "elixir", "perl", "cobol", "asp-net",
    "django", "spring", "ruby-on-rails", "nodejs", "react", "vue", "angular", "sql",
    "postgresql", "mysql", "r", "sas", "matlab", "apache-spark", "kubernetes", "terraform",
    "ansible", "puppet", "jenkins", "aws", "azure", "google-cloud", "figma", "prince2",
    "lean-six-sigma",
}


def catalogue() -> dict:
    text = resources.files("services.members.data").joinpath("skills.json").read_text("utf-8")
    return json.loads(text)


def test_every_category_and_skill_of_the_catalogue_has_a_dutch_name():
    data = catalogue()
    entries = data["categories"] + data["skills"]
    assert len(data["categories"]) == 11 and len(data["skills"]) > 170
    missing = [entry["slug"] for entry in entries
               if not isinstance(entry.get("name_nl"), str) or not entry["name_nl"].strip()]
    assert missing == []
    assert all(entry["name_nl"] == entry["name_nl"].strip() for entry in entries)
    assert all(len(entry["name_nl"]) <= 100 for entry in entries)  # as operators' skills


def test_the_dutch_names_are_translations_not_copies():
    data = catalogue()
    assert [c["slug"] for c in data["categories"] if c["name_nl"] == c["name"]] == []
    copied = {s["slug"] for s in data["skills"] if s["name_nl"] == s["name"]}
    assert copied <= PROPER_NAMES, sorted(copied - PROPER_NAMES)
    dutch = {entry["name_nl"].casefold() for entry in data["skills"]}
    assert len(dutch) == len(data["skills"])  # no two skills share a Dutch name
    named = {s["slug"]: s["name_nl"] for s in data["skills"]}
    assert named["project-management"] == "Projectmanagement"
    assert named["kubernetes"] == "Kubernetes"
    category = {c["slug"]: c["name_nl"] for c in data["categories"]}
    assert category["project-management"] == "Project- en programmamanagement"


def test_the_shipped_taxonomy_reads_the_dutch_names():
    categories, skills = shipped_taxonomy()
    by_slug = {skill.slug: skill for skill in skills}
    assert by_slug["data-analysis"].name_nl == "Data-analyse"
    assert by_slug["data-analysis"].dutch_name == "Data-analyse"
    assert {category.slug: category.dutch_name for category in categories}["other"] == "Overig"


def test_an_operator_adds_a_skill_with_or_without_a_dutch_name():
    uow = FakeUnitOfWork()
    use_cases.add_skill(uow, Skill("knitting", "Knitting", "design", name_nl="Breien"))
    use_cases.add_skill(uow, Skill("crochet", "Crochet", "design"))
    taxonomy = {skill.slug: skill for skill in use_cases.get_taxonomy(uow).skills()}
    assert (taxonomy["knitting"].name, taxonomy["knitting"].dutch_name) == ("Knitting", "Breien")
    assert taxonomy["crochet"].name_nl is None
    assert taxonomy["crochet"].dutch_name == "Crochet"  # the English name serves


def test_a_new_skill_may_carry_a_dutch_name_of_1_to_100_characters():
    schema = NewSkillSchema()
    base = {"slug": "knitting", "name": "Knitting", "category": "design"}
    assert schema.load(base)["name_nl"] is None
    assert schema.load({**base, "name_nl": None})["name_nl"] is None
    assert schema.load({**base, "name_nl": "  Breien "})["name_nl"] == "Breien"
    assert Skill(**schema.load({**base, "name_nl": "Breien"})).dutch_name == "Breien"
    assert schema.load({**base, "name_nl": "x" * 100})["name_nl"] == "x" * 100


@pytest.mark.parametrize("name_nl", ["", "   ", "x" * 101, 42, ["Breien"]])
def test_a_bad_dutch_name_is_refused_naming_the_field(name_nl):
    with pytest.raises(ValidationError) as raised:
        NewSkillSchema().load({"slug": "knitting", "name": "Knitting", "category": "design",
                               "name_nl": name_nl})
    error = invalid(raised.value)
    assert [e["field"] for e in error.errors] == ["name_nl"]


def test_skills_and_categories_are_answered_with_both_names():
    added = Skill("crochet", "Crochet", "design")
    assert SkillSchema().dump(added)["name_nl"] == "Crochet"
    dumped = SkillSchema().dump(Skill("knitting", "Knitting", "design", name_nl="Breien"))
    assert (dumped["name"], dumped["name_nl"]) == ("Knitting", "Breien")
    view = taxonomy_view(Taxonomy(CATEGORIES, [*SKILLS, added]), "data")
    assert view["categories"][1] == {"slug": "data", "name": "Data and analytics",
                                     "name_nl": "Data en analyse"}
    assert {s["slug"]: s["name_nl"] for s in view["skills"]} == {
        "machine-learning": "Machinaal leren", "sql": "SQL"}


def test_a_search_word_finds_a_skill_by_its_dutch_name_too():
    taxonomy = Taxonomy(CATEGORIES, SKILLS)
    assert [term.skills for term in search_terms("machinaal LEREN", taxonomy)] == [
        ("machine-learning",), ("machine-learning",)]
    assert search_terms("serviceontwerp", taxonomy)[0].skills == ("service-design",)
    assert search_terms("onbekend", taxonomy)[0].skills == ()


def test_the_directory_finds_a_member_by_the_dutch_name_of_their_skill():
    uow = FakeUnitOfWork()
    founded_coop(uow, 2)
    member = active_member(uow, 3, name="Ada Jansen")
    use_cases.update_member(uow, member.id, {"listed_in_directory": True})
    use_cases.set_skills(uow, member.id, [{"skill": "service-design", "level": 4}])
    found = use_cases.list_directory(uow, 20, None, q="serviceontwerp")
    assert [m.id for m in found.items] == [member.id]
    assert use_cases.list_directory(uow, 20, None, q="machinaal").items == []
