"""Free and booked hours of many candidates over a project's weeks, as numpy arrays.

Built for a whole pool at once: the usual hours broadcast, then the listed weeks
written in. An array per candidate would cost several times more at 10k members.
"""

from collections.abc import Sequence

import numpy as np

from services.matching.domain.proposals.candidates import CandidateProfile
from services.matching.domain.proposals.iso_week import IsoWeek


def _listed(profiles: Sequence[CandidateProfile], attribute: str, first: int, count: int):
    """(rows, week columns, hours) of the weeks listed apart, inside the project's weeks."""
    rows, numbers, values = [], [], []
    for row, profile in enumerate(profiles):
        listed = getattr(profile, attribute).weeks
        if listed:
            rows.extend([row] * len(listed))
            numbers.extend(week.number for week in listed)
            values.extend(map(float, listed.values()))
    rows, columns = np.array(rows, dtype=int), np.array(numbers, dtype=int) - first
    inside = (columns >= 0) & (columns < count)
    return rows[inside], columns[inside], np.array(values, dtype=float)[inside]


def _span(weeks: tuple[IsoWeek, ...]) -> tuple[int, int]:
    return (weeks[0].number, len(weeks)) if weeks else (0, 0)


def free_hours(profiles: Sequence[CandidateProfile], weeks: tuple[IsoWeek, ...]) -> np.ndarray:
    """Candidate × week: free hours."""
    first, count = _span(weeks)
    usual = np.fromiter((float(p.free_hours.usual) for p in profiles), float, len(profiles))
    matrix = np.repeat(usual[:, None], count, axis=1)
    rows, columns, values = _listed(profiles, "free_hours", first, count)
    matrix[rows, columns] = values
    return matrix


def booked_totals(profiles: Sequence[CandidateProfile], weeks: tuple[IsoWeek, ...]) -> np.ndarray:
    """Per candidate: booked hours summed over the weeks."""
    first, count = _span(weeks)
    usual = np.fromiter((float(p.booked_hours.usual) for p in profiles), float, len(profiles))
    totals = usual * count
    rows, _, values = _listed(profiles, "booked_hours", first, count)
    np.add.at(totals, rows, values - usual[rows])  # a listed week replaces the usual hours
    return totals
