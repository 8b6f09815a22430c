"""The public directory: only members who opted in and are active; the coop's figures."""

import pytest
from marshmallow import ValidationError

from services.members.domain import use_cases
from services.members.domain.directory import search_terms
from services.members.domain.errors import MemberNotFound
from services.members.domain.skills import Taxonomy
from services.members.schemas import DirectoryQuerySchema, MemberSchema, member_changes_schema
from tests.unit.members.builders import active_member, applicant, founded_coop
from tests.unit.members.fakes import SKILLS, FakeUnitOfWork


def listed(uow, n, **overrides):
    member = active_member(uow, n, **overrides)
    return use_cases.update_member(uow, member.id, {"listed_in_directory": True})


def with_skills(uow, member, *slugs):
    return use_cases.set_skills(uow, member.id, [{"skill": slug, "level": 3} for slug in slugs])


def directory_ids(uow, **query) -> list[str]:
    page = use_cases.list_directory(uow, 50, None, **query)
    return [member.id for member in page.items]


def test_members_are_not_listed_until_they_opt_in():
    uow = FakeUnitOfWork()
    quiet = founded_coop(uow, 2)
    assert quiet[0].listed_in_directory is False
    shown = listed(uow, 3)
    assert directory_ids(uow) == [shown.id]
    assert uow.published[-1].type == "member_updated"
    assert "listed_in_directory" in uow.published[-1].changed_fields
    assert MemberSchema().dump(shown)["listed_in_directory"] is True


def test_only_active_members_are_shown_even_when_they_opted_in():
    uow = FakeUnitOfWork()
    founded_coop(uow, 2)
    shown = listed(uow, 3)
    suspended = listed(uow, 4)
    use_cases.suspend_member(uow, suspended.id, "unpaid fees")
    hopeful = applicant(uow, 5)
    use_cases.update_member(uow, hopeful.id, {"listed_in_directory": True})
    assert directory_ids(uow) == [shown.id]
    with pytest.raises(MemberNotFound):
        use_cases.get_directory_profile(uow, suspended.id)
    with pytest.raises(MemberNotFound):
        use_cases.get_directory_profile(uow, hopeful.id)
    assert use_cases.get_directory_profile(uow, shown.id).id == shown.id
    use_cases.reinstate_member(uow, suspended.id)
    assert directory_ids(uow) == [shown.id, suspended.id]


def test_every_word_of_a_search_must_match_name_introduction_city_or_a_skill_name():
    uow = FakeUnitOfWork()
    founded_coop(uow, 2)
    ada = with_skills(uow, listed(uow, 3, name="Ada Jansen", city="Utrecht"), "python")
    bo = with_skills(uow, listed(uow, 4, name="Bo Smit", city="Amsterdam",
                                 introduction="I love data pipelines."), "sql")
    assert directory_ids(uow, q="utrecht") == [ada.id]
    assert directory_ids(uow, q="PYTHON utrecht") == [ada.id]
    assert directory_ids(uow, q="pipelines") == [bo.id]
    assert directory_ids(uow, q="python amsterdam") == []
    assert directory_ids(uow, skill="sql") == [bo.id]
    assert use_cases.list_directory(uow, 50, None, q="a").total == 2


def test_search_words_name_the_skills_whose_name_holds_them():
    taxonomy = Taxonomy([], SKILLS)
    terms = search_terms("Design  design learning", taxonomy)
    assert [term.word for term in terms] == ["design", "learning"]
    assert terms[0].skills == ("service-design",)
    assert terms[1].skills == ("machine-learning",)
    assert search_terms(None, taxonomy) == []
    assert len(search_terms(" ".join(f"w{n}" for n in range(20)), taxonomy)) == 8


def test_the_directory_pages_with_a_cursor_and_keeps_the_total():
    uow = FakeUnitOfWork()
    founded_coop(uow, 2)
    ids = [listed(uow, n).id for n in range(3, 8)]
    first = use_cases.list_directory(uow, 2, None)
    second = use_cases.list_directory(uow, 2, first.next_cursor)
    assert [m.id for m in first.items + second.items] == ids[:4]
    assert first.total == second.total == 5


def test_figures_count_active_members_and_their_distinct_skills():
    uow = FakeUnitOfWork()
    first, second = founded_coop(uow, 2)
    with_skills(uow, first, "python", "sql")
    with_skills(uow, second, "sql")
    gone = with_skills(uow, listed(uow, 3), "service-design")
    use_cases.suspend_member(uow, gone.id, "unpaid fees")
    figures = use_cases.coop_figures(uow)
    assert (figures.active_members, figures.skills_covered) == (2, 2)


def test_an_erased_member_is_no_longer_listed():
    uow = FakeUnitOfWork()
    founded_coop(uow, 2)
    member = listed(uow, 3)
    use_cases.give_notice(uow, member.id, member.joined_on)
    erased = use_cases.erase_member(uow, member.id)
    assert erased.listed_in_directory is False


def test_the_opt_in_is_a_real_boolean_and_the_search_is_bounded():
    assert member_changes_schema.load({"listed_in_directory": True}) == {
        "listed_in_directory": True}
    for bad in ("yes", 1, None):
        with pytest.raises(ValidationError):
            member_changes_schema.load({"listed_in_directory": bad})
    query = DirectoryQuerySchema().load({"q": "python", "skill": "sql"})
    assert (query["q"], query["skill"], query["limit"]) == ("python", "sql", query["limit"])
    for bad in ({"q": "x" * 201}, {"skill": "Not A Slug"}, {"shoe_size": 44}):
        with pytest.raises(ValidationError):
            DirectoryQuerySchema().load(bad)
