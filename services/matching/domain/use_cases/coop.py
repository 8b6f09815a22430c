"""The coop's view: how fairly work is spread, and the knobs of team proposals."""

from dataclasses import asdict
from decimal import Decimal

from services.matching.domain.availability import available_hours
from services.matching.domain.errors import FairnessHorizonOutOfRange
from services.matching.domain.ports import UnitOfWork
from services.matching.domain.proposals import (
    FairnessReport,
    IsoWeek,
    ProposalSettings,
    Workload,
    fairness_report,
)
from services.matching.domain.proposals.iso_week import weeks_from
from services.matching.domain.use_cases.bookings import booked_for

MAX_HORIZON_WEEKS = 157  # three years, as everywhere else


def fairness(uow: UnitOfWork, from_week: IsoWeek, to_week: IsoWeek) -> FairnessReport:
    """Utilisation of every active member over the horizon: booked ÷ what they can work."""
    if not 0 <= to_week.number - from_week.number < MAX_HORIZON_WEEKS:
        raise FairnessHorizonOutOfRange(from_week, to_week, MAX_HORIZON_WEEKS)
    weeks = weeks_from(from_week, to_week)
    with uow:
        records = uow.candidates.active()
        member_ids = [record.candidate.member_id for record in records]
        booked = booked_for(uow, member_ids)
    workloads = {}
    for record in records:
        member_id = record.candidate.member_id
        available = available_hours(record.capacity, record.periods, record.candidate.left_on,
                                    weeks)
        mine = booked.get(member_id, {})
        workloads[member_id] = Workload(sum((mine.get(w, Decimal(0)) for w in weeks), Decimal(0)),
                                        sum(available.values(), Decimal(0)))
    return fairness_report(workloads)


def get_settings(uow: UnitOfWork) -> ProposalSettings:
    with uow:
        return uow.settings.get()


def change_settings(uow: UnitOfWork, changes: dict) -> ProposalSettings:
    """Checked as a whole (`SettingOutOfRange` names every setting out of range)."""
    with uow:
        settings = ProposalSettings(**{**asdict(uow.settings.get()), **changes})
        uow.settings.put(settings)
        uow.commit()
        return settings


