"""Team proposals: heuristic ÷ exact optimum, and proposal latency at 1k, 10k and 100k members.

Synthetic coops, seeded: every member holds 1–6 of 150 skill slugs drawn Zipf-like (a
few skills are common, most are rare), at self-assessed levels 2–5 (about a third
verified), with a capacity of 16–40 hours a week, existing coop work on about half of
them (some ending inside the horizon), holidays, a few inactive members, hourly rates
of EUR 55–130, and some history with the client and with each other. Projects have 6
roles over 26 weeks, skills drawn the same way, and half of them a budget.

1. Quality: projects on the 1k and 10k coops whose roles have at most 300 options
   each (where exact finishes) are solved by both solvers, the heuristic on its usual
   shortlist; both teams are scored by the same objective, and the ratio
   heuristic ÷ exact (HiGHS, proven optimal) is averaged. Target ≥ 0.98.
2. Latency: per proposal in `auto` mode (as production calls it), including the
   skill-index lookup that selects the candidates from the whole coop, building the
   problem, solving for the best team and two alternatives, backups, explanations
   and gaps. The index (skill → holders) stands for the database index the adapter
   queries; building it is reported once. Target p95 < 200 ms at 10k members.
"""

import contextlib
import gc
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal

from services.matching.domain.proposals.candidates import (
    CandidateProfile,
    SkillLevel,
    WeeklyHours,
    WorkHistory,
)
from services.matching.domain.proposals.exact import solve_exact
from services.matching.domain.proposals.heuristic import solve_heuristic
from services.matching.domain.proposals.instance import build_instance
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.domain.proposals.objective import evaluate
from services.matching.domain.proposals.project import Project, Role
from services.matching.domain.proposals.proposal import propose_team
from services.matching.domain.proposals.settings import DEFAULT_SETTINGS

SEED = 20270104
SLUGS = [f"skill-{n:03d}" for n in range(150)]
ZIPF = [1 / (rank + 1) ** 0.9 for rank in range(len(SLUGS))]
START = date(2027, 1, 4)  # a Monday
WEEKS = 26
CLIENTS = [f"client-{n}" for n in range(200)]
QUALITY_PROJECTS = {1_000: 30, 10_000: 60}  # per coop; only those exact can take are used
EXACT_MAX_OPTIONS = 300
LATENCY_PROJECTS = {1_000: 30, 10_000: 40, 100_000: 15}
TARGET_RATIO = 0.98
TARGET_P95_MS = 200


def _weeks() -> list[IsoWeek]:
    first = IsoWeek.of(START - timedelta(weeks=4))
    return [first.plus(offset) for offset in range(WEEKS + 12)]


def _skills(rng: random.Random, count: int) -> list[str]:
    chosen: set[str] = set()
    while len(chosen) < count:
        chosen.add(rng.choices(SLUGS, ZIPF)[0])
    return sorted(chosen)


def _member(rng: random.Random, n: int, size: int, weeks: list[IsoWeek]) -> CandidateProfile:
    skills = {}
    for slug in _skills(rng, rng.choice([1, 2, 3, 3, 4, 4, 5, 6])):
        own = rng.choices([2, 3, 4, 5], [2, 4, 3, 1])[0]
        verified = min(5, max(1, own + rng.choice([-1, 0, 0, 1]))) if rng.random() < 0.35 \
            else None
        skills[slug] = SkillLevel(own, verified, rng.random() < 0.2)
    capacity = rng.choice([16, 24, 32, 32, 36, 40, 40])
    booked = rng.choice([0, 0, 0, 0.25, 0.5, 0.5, 0.75, 1.0]) * capacity
    free_weeks, booked_weeks = {}, {}
    if booked and rng.random() < 0.4:  # existing work ends inside the horizon
        for week in weeks[rng.randrange(len(weeks)):]:
            free_weeks[week], booked_weeks[week] = Decimal(capacity), Decimal(0)
    if rng.random() < 0.5:  # a holiday
        first = rng.randrange(len(weeks) - 3)
        for week in weeks[first:first + rng.randint(1, 3)]:
            free_weeks[week], booked_weeks[week] = Decimal(0), Decimal(0)
    clients = {rng.choice(CLIENTS): rng.choice([None, 3.0, 4.0, 4.5, 5.0])
               for _ in range(rng.choice([0, 0, 1, 2, 3]))}
    coworkers = frozenset(f"m{rng.randrange(size)}" for _ in range(rng.randint(0, 5)))
    return CandidateProfile(
        f"m{n}", "active" if rng.random() < 0.95 else rng.choice(["suspended", "left"]),
        Decimal(rng.randrange(55, 131)), skills,
        WeeklyHours(Decimal(capacity) - Decimal(booked), free_weeks),
        WeeklyHours(Decimal(booked), booked_weeks), WorkHistory(clients, coworkers))


def coop(size: int, seed: int = SEED) -> list[CandidateProfile]:
    rng = random.Random(seed + size)
    weeks = _weeks()
    return [_member(rng, n, size, weeks) for n in range(size)]


def skill_index(members: list[CandidateProfile]) -> dict[str, list[CandidateProfile]]:
    index: dict[str, list[CandidateProfile]] = {}
    for member in members:
        for slug in member.skills:
            index.setdefault(slug, []).append(member)
    return index


def project(rng: random.Random, n: int) -> Project:
    roles = tuple(
        Role(slug, rng.choices([2, 3, 4], [2, 5, 2])[0], Decimal(rng.choice([8, 16, 16, 24, 32])),
             rng.choice([1, 1, 1, 2]), tuple(_skills(rng, rng.choice([0, 1, 2]))))
        for slug in _skills(rng, 6))
    budget = None
    if rng.random() < 0.5:  # around what typical members would cost, sometimes tight
        typical = sum(role.hours_per_week * role.seats for role in roles) * 85 * WEEKS
        budget = (typical * Decimal(rng.choice(["0.8", "1.0", "1.3"]))).quantize(Decimal(1))
    starts_on = START + timedelta(weeks=rng.randrange(4))
    return Project(f"p{n}", rng.choice(CLIENTS), starts_on,
                   starts_on + timedelta(weeks=WEEKS, days=-3), roles, budget)


def candidates_for(index, project_: Project) -> list[CandidateProfile]:
    """What the adapter's query returns: every holder of any of the roles' skills."""
    found = {}
    for role in project_.roles:
        for member in index.get(role.skill, ()):
            found[member.member_id] = member
    return list(found.values())


def quality() -> None:
    ratios, largest, skipped, exact_s, heuristic_s, used = [], 0, 0, [], [], {}
    for size, projects in QUALITY_PROJECTS.items():
        index = skill_index(coop(size))
        rng = random.Random(SEED + 1 + size)
        for n in range(projects):
            project_ = project(rng, n)
            instance = build_instance(project_, candidates_for(index, project_),
                                      DEFAULT_SETTINGS)
            if instance.largest_role() > EXACT_MAX_OPTIONS:
                continue
            used[size] = used.get(size, 0) + 1
            largest = max(largest, instance.largest_role())
            started = time.perf_counter()
            exact = solve_exact(instance)
            exact_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            heuristic = solve_heuristic(
                instance.shortlist(DEFAULT_SETTINGS.heuristic_candidates_per_role))
            heuristic_s.append(time.perf_counter() - started)
            if not exact.optimal:
                skipped += 1
                continue
            best, fast = evaluate(instance, exact.team), evaluate(instance, heuristic)
            ratios.append(0.0 if fast.filled_seats < best.filled_seats
                          else fast.objective / best.objective)
    mean = statistics.fmean(ratios)
    counted = ", ".join(f"{count} from the {size:,} coop" for size, count in used.items())
    print(f"matching solver quality ({counted}: projects of 6 roles x 26 weeks with at most "
          f"{EXACT_MAX_OPTIONS} options per role, largest {largest}; {skipped} without a proven "
          f"optimum): heuristic / exact objective mean {mean:.4f}, worst {min(ratios):.4f} "
          f"(target mean >= {TARGET_RATIO}) {'OK' if mean >= TARGET_RATIO else 'BELOW TARGET'}; "
          f"exact median {statistics.median(exact_s) * 1000:.0f} ms, p95 "
          f"{statistics.quantiles(exact_s, n=20, method='inclusive')[-1] * 1000:.0f} ms; "
          f"heuristic median {statistics.median(heuristic_s) * 1000:.0f} ms")


def latency(size: int) -> None:
    started = time.perf_counter()
    members = coop(size)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    index = skill_index(members)
    indexed = time.perf_counter() - started
    rng = random.Random(SEED + size)
    projects = [project(rng, n) for n in range(LATENCY_PROJECTS[size])]
    timings, modes = [], {}
    # The whole synthetic coop lives in this process; a production adapter loads the
    # candidates per request instead. Freezing keeps the garbage collector from
    # rescanning this fixture on every full collection; what a proposal allocates is
    # still collected as usual.
    gc.collect()
    gc.freeze()
    for project_ in projects:
        started = time.perf_counter()
        proposal = propose_team(project_, candidates_for(index, project_))
        timings.append(time.perf_counter() - started)
        modes[proposal.mode] = modes.get(proposal.mode, 0) + 1
    gc.unfreeze()
    p50 = statistics.median(timings) * 1000
    p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1] * 1000
    verdict = ("" if size != 10_000 else
               f" (target p95 < {TARGET_P95_MS} ms) "
               f"{'OK' if p95 < TARGET_P95_MS else 'SLOWER THAN TARGET'}")
    print(f"matching proposal latency ({size:,} members, {len(projects)} projects, modes "
          f"{modes}): p50 {p50:.0f} ms, p95 {p95:.0f} ms{verdict}; "
          f"coop generated in {generated:.1f} s, skill index built in {indexed * 1000:.0f} ms")


@contextlib.contextmanager
def _native_stdout_silenced():
    """HiGHS 1.12 (in scipy 1.17) prints a stray debug line from C++ now and then
    ("HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();",
    ERGO-Code/HiGHS#2783); keep it out of the results. Python's own prints are
    redirected to the real stdout."""
    sys.stdout.flush()
    saved = os.dup(1)
    real_stdout = os.fdopen(os.dup(saved), "w", buffering=1)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
            with contextlib.redirect_stdout(real_stdout):
                yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        real_stdout.close()


def main() -> None:
    with _native_stdout_silenced():
        quality()
        for size in LATENCY_PROJECTS:
            latency(size)


if __name__ == "__main__":
    main()
