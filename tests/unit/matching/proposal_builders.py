"""Small builders for the team-proposal tests: projects, roles and candidates in a line each."""

import random
from datetime import date, timedelta
from decimal import Decimal

from services.matching.domain.proposals.candidates import (
    CandidateProfile,
    SkillLevel,
    WeeklyHours,
    WorkHistory,
)
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.domain.proposals.project import Project, Role

START = date(2027, 1, 4)  # Monday of 2027-W01
CLIENT = "client-1"


def week(text: str) -> IsoWeek:
    return IsoWeek.parse(text)


def role(skill="python", level=3, hours=20, seats=1, nice=(), id=None) -> Role:
    return Role(skill, level, Decimal(str(hours)), seats, tuple(nice), id)


def project(*roles: Role, weeks=4, budget=None, growth_seat=False, starts_on=START) -> Project:
    """A project from `starts_on` (a Monday) lasting `weeks` whole weeks."""
    return Project("project-1", CLIENT, starts_on, starts_on + timedelta(weeks=weeks, days=-3),
                   tuple(roles) or (role(),),
                   None if budget is None else Decimal(str(budget)), growth_seat)


def level(self_assessed=None, verified=None, grow=False) -> SkillLevel:
    return SkillLevel(self_assessed, verified, grow)


def candidate(member_id, skills=None, free=40, booked=0, rate="80", status="active",
              free_weeks=None, clients=None, coworkers=()) -> CandidateProfile:
    """`skills`: slug → level (int, verified) or a `SkillLevel`; `free_weeks`: exceptions."""
    skills = {"python": 4} if skills is None else skills
    return CandidateProfile(
        member_id, status, None if rate is None else Decimal(rate),
        {slug: value if isinstance(value, SkillLevel) else SkillLevel(None, value)
         for slug, value in skills.items()},
        WeeklyHours.of(free_weeks or {}, Decimal(str(free))),
        WeeklyHours(Decimal(str(booked))),
        WorkHistory(dict(clients or {}), frozenset(coworkers)),
    )


def random_coop(seed: int, size: int, skills=("python", "sql", "ux", "devops")):
    """Small random coops for comparing the solvers; seeded, so failures reproduce."""
    rng = random.Random(seed)
    people = []
    for n in range(size):
        held = rng.sample(skills, rng.randint(1, 2))
        levels = {s: (level(rng.randint(2, 5)) if rng.random() < 0.5
                      else level(verified=rng.randint(2, 5))) for s in held}
        capacity = rng.choice([16, 24, 32, 40])
        booked = rng.choice([0, 0, 8, 16, 24]) if capacity > 24 else 0
        busy = {week("2027-W02"): Decimal(0)} if rng.random() < 0.15 else {}
        people.append(candidate(
            f"m{n:02d}", levels, free=capacity - booked, booked=booked,
            rate=str(rng.choice([60, 75, 90, 110])), free_weeks=busy,
            clients={CLIENT: rng.choice([None, 2.0, 4.5])} if rng.random() < 0.3 else {},
            coworkers={f"m{rng.randrange(size):02d}" for _ in range(rng.randint(0, 2))}))
    return people
