import pytest

from services.matching.domain.proposals import scoring
from services.matching.domain.proposals.candidates import SkillLevel, WorkHistory
from services.matching.domain.proposals.errors import SettingOutOfRange
from services.matching.domain.proposals.settings import DEFAULT_SETTINGS, ProposalSettings

S = DEFAULT_SETTINGS


@pytest.mark.parametrize(("level", "minimum", "fit"), [
    (SkillLevel(None, 5), 3, 1.0),
    (SkillLevel(None, 4), 3, 2 / 3),
    (SkillLevel(None, 3), 3, 1 / 3),
    (SkillLevel(5), 3, 0.8),  # self-assessed: counted at 80 %
    (SkillLevel(4), 3, 0.8 * 2 / 3),
    (SkillLevel(None, 5), 5, 1.0),
    (SkillLevel(None, 2), 3, 0.0),
])
def test_skill_fit_rises_with_the_level_above_the_minimum(level, minimum, fit):
    assert scoring.skill_fit(level, minimum, S) == pytest.approx(fit)


def test_a_verified_level_replaces_the_members_own_estimate():
    assert SkillLevel(5, 3).level == 3
    assert SkillLevel(2, 4).level == 4
    assert SkillLevel(None, 4).is_verified and not SkillLevel(4).is_verified


def test_nice_to_have_is_the_share_held_self_assessed_discounted():
    skills = {"docker": SkillLevel(None, 3), "k8s": SkillLevel(2)}
    assert scoring.nice_to_have(skills, ("docker", "k8s", "aws", "gcp"), S) == pytest.approx(
        (1 + 0.8) / 4)
    assert scoring.nice_to_have(skills, (), S) == 0


@pytest.mark.parametrize(("clients", "value"), [
    ({}, 0.0), ({"c": None}, 0.5), ({"c": 5.0}, 1.0), ({"c": 3.0}, 0.5), ({"c": 1.0}, 0.0),
    ({"other": 5.0}, 0.0),
])
def test_client_continuity_is_weighted_by_the_clients_ratings(clients, value):
    assert scoring.client_continuity(WorkHistory(clients), "c", S) == pytest.approx(value)


def test_utilisation_is_booked_plus_new_hours_over_capacity():
    assert scoring.utilisation(booked_hours=40, free_hours=120, added_hours=80) == 0.75
    assert scoring.utilisation(0, 0, 0) == 1.0  # no capacity at all: never idle


def test_settings_out_of_range_are_named():
    with pytest.raises(SettingOutOfRange) as raised:
        ProposalSettings(fairness_weight=-1, self_assessed_factor=1.5, mentor_min_level=6)
    assert [e["field"] for e in raised.value.errors] == [
        "fairness_weight", "self_assessed_factor", "mentor_min_level"]
