"""Skills: the taxonomy, what members declare, what learning verifies."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from infra.errors import Invalid
from services.members.domain import use_cases
from services.members.domain.errors import (
    DuplicateSkill,
    LevelOutOfRange,
    MemberWasErased,
    SkillAlreadyExists,
    SkillNotFound,
    UnknownMember,
    UnknownSkill,
    UnknownSkillCategory,
)
from services.members.domain.skills import Skill
from tests.unit.members.builders import applicant, founded_coop
from tests.unit.members.fakes import FakeUnitOfWork

NOON = datetime(2026, 3, 2, 12, tzinfo=UTC)


@pytest.fixture
def uow():
    return FakeUnitOfWork()


def skill_verified(member_id, skill="python", level=4, evidence=("e1",), at=NOON,
                   event_id=None) -> tuple[dict, dict]:
    event = {"id": event_id or str(uuid.uuid4()), "type": "skill_verified",
             "source": "learning", "time": at, "subject": member_id}
    data = {"member_id": member_id, "skill": skill, "level": level,
            "evidence": list(evidence), "verified_at": None}
    return event, data


def test_a_member_declares_levels_experience_and_what_they_want_to_grow_in(uow):
    member = applicant(uow, 1)
    changed = use_cases.set_skills(uow, member.id, [
        {"skill": "python", "level": 4, "years_experience": 6, "wants_to_grow": False},
        {"skill": "machine-learning", "level": 1, "wants_to_grow": True},
    ])
    assert [(s.skill, s.level, s.years_experience, s.wants_to_grow)
            for s in changed.skill_list] == [("machine-learning", 1, None, True),
                                            ("python", 4, 6, False)]
    assert uow.event_types()[-2:] == ["member_skills_changed", "member_updated"]


def test_the_same_declaration_twice_changes_nothing(uow):
    member = applicant(uow, 1)
    use_cases.set_skills(uow, member.id, [{"skill": "sql", "level": 2}])
    published = len(uow.published)
    assert use_cases.set_skills(uow, member.id, [{"skill": "sql", "level": 2}]).version == 2
    assert len(uow.published) == published


@pytest.mark.parametrize("entries, error, field", [
    ([{"skill": "cobol-on-mars", "level": 3}], UnknownSkill, "skills[0].skill"),
    ([{"skill": "sql", "level": 3}, {"skill": "sql", "level": 4}], DuplicateSkill,
     "skills[1].skill"),
    ([{"skill": "sql", "level": 6}], LevelOutOfRange, "skills[0].level"),
    ([{"skill": "sql", "level": 0}], LevelOutOfRange, "skills[0].level"),
    ([{"skill": "sql", "level": True}], LevelOutOfRange, "skills[0].level"),
])
def test_a_bad_declaration_names_the_entry_and_stores_nothing(uow, entries, error, field):
    member = applicant(uow, 1)
    use_cases.set_skills(uow, member.id, [{"skill": "python", "level": 3}])
    with pytest.raises(error) as raised:
        use_cases.set_skills(uow, member.id, entries)
    assert raised.value.errors[0]["field"] == field
    assert list(uow.stored(member.id).skills) == ["python"]


def test_learning_verifies_a_level_once_per_event(uow):
    member = applicant(uow, 1)
    use_cases.set_skills(uow, member.id, [{"skill": "python", "level": 3}])
    event, data = skill_verified(member.id, level=4, evidence=("endorsement-1",))
    assert use_cases.record_skill_verification(uow, event, data) is True
    assert use_cases.record_skill_verification(uow, event, data) is False
    python = uow.stored(member.id).skills["python"]
    assert (python.level, python.verified_level, python.evidence, python.verified_at) == (
        3, 4, ("endorsement-1",), NOON)
    assert uow.event_types().count("member_skills_changed") == 2
    assert uow.published[-2].verified_skill == "python"


def test_a_verified_skill_appears_even_if_not_declared_and_survives_redeclaring(uow):
    member = applicant(uow, 1)
    use_cases.record_skill_verification(uow, *skill_verified(member.id, "sql", 2))
    sql = uow.stored(member.id).skills["sql"]
    assert (sql.level, sql.verified_level) == (None, 2)
    use_cases.set_skills(uow, member.id, [{"skill": "sql", "level": 4}])
    assert uow.stored(member.id).skills["sql"].verified_level == 2
    use_cases.set_skills(uow, member.id, [{"skill": "python", "level": 1}])
    kept = uow.stored(member.id).skills
    assert (kept["sql"].level, kept["sql"].verified_level) == (None, 2)


def test_an_older_verification_arriving_late_is_ignored(uow):
    member = applicant(uow, 1)
    use_cases.record_skill_verification(uow, *skill_verified(member.id, level=4, at=NOON))
    late = skill_verified(member.id, level=2, at=NOON - timedelta(days=1))
    assert use_cases.record_skill_verification(uow, *late) is False
    assert uow.stored(member.id).skills["python"].verified_level == 4
    newer_but_lower = skill_verified(member.id, level=3, at=NOON + timedelta(days=1))
    assert use_cases.record_skill_verification(uow, *newer_but_lower) is True
    assert uow.stored(member.id).skills["python"].verified_level == 3


def test_a_verification_for_an_unknown_member_or_skill_is_invalid_and_not_marked(uow):
    member = applicant(uow, 1)
    event, data = skill_verified(str(uuid.uuid4()))
    with pytest.raises(UnknownMember):
        use_cases.record_skill_verification(uow, event, data)
    event, data = skill_verified(member.id, skill="underwater-welding")
    with pytest.raises(UnknownSkill) as raised:
        use_cases.record_skill_verification(uow, event, data)
    assert isinstance(raised.value, Invalid)
    assert uow.handled == set()


def test_an_erased_member_is_not_verified_but_the_event_is_handled(uow):
    member = applicant(uow, 1)
    use_cases.erase_member(uow, member.id)
    event, data = skill_verified(member.id)
    assert use_cases.record_skill_verification(uow, event, data) is False
    assert uow.stored(member.id).skills == {}
    assert str(event["id"]) in uow.handled
    with pytest.raises(MemberWasErased):
        use_cases.set_skills(uow, member.id, [{"skill": "python", "level": 3}])


def test_operators_extend_the_taxonomy(uow):
    added = use_cases.add_skill(uow, Skill("kotlin", "Kotlin", "software"))
    assert use_cases.get_taxonomy(uow).knows("kotlin")
    member = founded_coop(uow, 1)[0]
    use_cases.set_skills(uow, member.id, [{"skill": added.slug, "level": 2}])
    with pytest.raises(SkillAlreadyExists) as raised:
        use_cases.add_skill(uow, Skill("python", "Python again", "software"))
    assert raised.value.errors[0]["field"] == "slug"
    with pytest.raises(UnknownSkillCategory) as raised:
        use_cases.add_skill(uow, Skill("knitting", "Knitting", "crafts"))
    assert "software" in raised.value.errors[0]["message"]


def test_the_taxonomy_lists_skills_by_category(uow):
    taxonomy = use_cases.get_taxonomy(uow)
    assert [s.slug for s in taxonomy.skills("data")] == ["machine-learning", "sql"]
    assert len(taxonomy.skills()) == 5


def test_a_withdrawal_clears_the_verification_unless_an_older_one_arrives_late():
    from datetime import UTC, datetime

    from services.members.domain.skills import MemberSkill, verify

    march = datetime(2026, 3, 1, tzinfo=UTC)
    april = datetime(2026, 4, 1, tzinfo=UTC)
    declared = {"python": MemberSkill("python", level=3, verified_level=4, evidence=("e",),
                                      verified_at=march)}
    withdrawn = verify(declared, "python", None, (), april)
    assert withdrawn["python"].verified_level is None and withdrawn["python"].level == 3
    assert verify(withdrawn, "python", 4, ("e",), march) is None  # older: ignored
    only_verified = {"sql": MemberSkill("sql", verified_level=2, verified_at=march)}
    assert verify(only_verified, "sql", None, (), april) == {}


def test_an_operator_renames_a_shipped_skill_and_its_slug_stays(uow):
    changed = use_cases.change_skill(uow, "machine-learning",
                                     {"name_nl": "Machine learning", "category": "software"})
    assert (changed.slug, changed.name, changed.dutch_name, changed.category) == (
        "machine-learning", "Machine learning", "Machine learning", "software")
    taxonomy = use_cases.get_taxonomy(uow)
    assert [s.slug for s in taxonomy.skills("data")] == ["sql"]
    assert len(taxonomy.skills()) == 5
    member = founded_coop(uow, 1)[0]
    use_cases.set_skills(uow, member.id, [{"skill": "machine-learning", "level": 3}])


def test_without_its_dutch_name_a_skill_is_called_by_its_english_one(uow):
    use_cases.add_skill(uow, Skill("kotlin", "Kotlin", "software", name_nl="Kotlijn"))
    changed = use_cases.change_skill(uow, "kotlin", {"name_nl": None, "name": "Kotlin/JVM"})
    assert changed.dutch_name == "Kotlin/JVM"
    [stored] = [s for s in use_cases.get_taxonomy(uow).skills() if s.slug == "kotlin"]
    assert stored == changed


def test_an_unknown_skill_or_category_cannot_be_changed_and_nothing_is_stored(uow):
    with pytest.raises(SkillNotFound):
        use_cases.change_skill(uow, "cobol", {"name": "COBOL"})
    with pytest.raises(UnknownSkillCategory) as raised:
        use_cases.change_skill(uow, "sql", {"category": "crafts", "name": "Structured"})
    assert raised.value.errors[0]["field"] == "category"
    [sql] = [s for s in use_cases.get_taxonomy(uow).skills() if s.slug == "sql"]
    assert (sql.name, sql.category) == ("SQL", "data")
