"""A team proposal end to end: matching's read model in SQL, the solver, the stored result.

The same synthetic 10k coop as `matching_solver` (skills drawn Zipf-like, levels, rates,
capacity; here without per-week exceptions) is written to matching's read model in a
SQLite database. For 20 projects of 6 roles over 26 weeks, `use_cases.propose` is timed
as production runs it: the pool query (five SQL queries), bookings and history, free
hours per week, the solver (best team and two alternatives), storing the proposal and
its event. The baseline, measured in the same run on the same projects, is the solver
alone on the same candidates already in memory. Reported: p50/p95 of both and the
ratio end-to-end ÷ solver (what the read model and storage add).
"""

import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from benchmarks.matching_solver import SEED, coop, project
from infra.db import make_engine
from services.matching.domain import use_cases
from services.matching.domain.candidate import Candidate, CandidateSkill, MemberCapacity
from services.matching.domain.projects import Project
from services.matching.domain.proposals import propose_team
from services.matching.domain.staffing import team_pool
from services.matching.models import metadata
from services.matching.schemas import ClientDetailsSchema
from services.matching.unit_of_work import MatchingUnitOfWork

SIZE = 10_000
PROJECTS = 20


def _fill(session_factory, members) -> None:
    uow = MatchingUnitOfWork(session_factory)
    with uow:
        for profile in members:
            skills = tuple(CandidateSkill(slug, level.self_assessed, level.verified,
                                          level.wants_to_grow)
                           for slug, level in sorted(profile.skills.items()))
            uow.candidates.put(Candidate(profile.member_id, 1, profile.member_id, None, "",
                                         profile.hourly_rate, profile.status, skills))
            hours = profile.free_hours.usual + profile.booked_hours.usual
            uow.candidates.put_capacity(MemberCapacity(profile.member_id, 1, hours))
        uow.commit()


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'matching.db'}")
        metadata.create_all(engine)
        session_factory = sessionmaker(engine, expire_on_commit=False)

        def uow():
            return MatchingUnitOfWork(session_factory)

        started = time.perf_counter()
        _fill(session_factory, coop(SIZE))
        print(f"matching proposal end to end: {SIZE:,} members written to the read model "
              f"in {time.perf_counter() - started:.1f} s")
        client = use_cases.create_client(uow(), ClientDetailsSchema().load({
            "name": "Bench BV", "country": "NL", "address": {
                "street": "Straat 1", "postal_code": "1000 AA", "city": "Amsterdam"},
            "contact": {"name": "Bench", "email": "bench@example.nl"}}))
        rng = random.Random(SEED + 7)
        end_to_end, solver_only = [], []
        for n in range(PROJECTS):
            shape = project(rng, n)
            details = {"title": f"Project {n}", "starts_on": shape.starts_on,
                       "ends_on": shape.ends_on, "budget": shape.budget,
                       "roles": [{"skill": r.skill, "minimum_level": r.minimum_level,
                                  "hours_per_week": r.hours_per_week, "seats": r.seats,
                                  "nice_to_have": r.nice_to_have} for r in shape.roles]}
            created = use_cases.create_project(uow(), client.id, details)
            started = time.perf_counter()
            use_cases.propose(uow(), created.id)
            end_to_end.append(time.perf_counter() - started)

            solver_input = Project.as_solver_input(created)
            with uow() as reading:
                records = reading.candidates.pool({r.skill for r in solver_input.roles})
            pool = team_pool(records, {}, {}, solver_input.weeks)
            started = time.perf_counter()
            propose_team(solver_input, pool)
            solver_only.append(time.perf_counter() - started)
        engine.dispose()
    e2e_p50, e2e_p95 = _percentiles(end_to_end)
    solve_p50, solve_p95 = _percentiles(solver_only)
    print(f"  end to end: p50 {e2e_p50 * 1000:.0f} ms, p95 {e2e_p95 * 1000:.0f} ms; "
          f"solver alone (baseline): p50 {solve_p50 * 1000:.0f} ms, "
          f"p95 {solve_p95 * 1000:.0f} ms")
    print(f"  ratio end to end ÷ solver alone (p50): {e2e_p50 / solve_p50:.2f} "
          f"[{datetime.now(UTC):%Y-%m-%d}]")


if __name__ == "__main__":
    main()
