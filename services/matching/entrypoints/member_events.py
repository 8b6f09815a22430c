"""The candidate read model: what matching keeps from members' events, and RPC to read it.

An event that can take hours away (suspension, leaving, erasure, less capacity, a
period of unavailability) then runs the continuity guarantee for the member's seats. A
period of unavailability added, changed or removed is told to the partner coops that
borrow the member on its days (`lending_interrupted`).
"""

from datetime import date

from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from infra.rpc import rpc
from services.matching.domain import use_cases
from services.matching.domain.candidate import (
    Candidate,
    CandidateSkill,
    MemberCapacity,
    UnavailablePeriod,
)
from services.matching.domain.proposals.iso_week import IsoWeek
from services.matching.schemas import (
    CandidateAvailabilitySchema,
    CandidateSchema,
    MemberCapacityChangedSchema,
    MemberPeriodSchema,
    MemberSnapshotSchema,
    WeekRangeSchema,
)


class MemberEventEntrypoints:
    @rpc
    def get_candidate(self, member_id):
        return CandidateSchema().dump(use_cases.get_candidate(self.uow, str(member_id)))

    @rpc
    def candidate_availability(self, member_id, from_week, to_week):
        weeks = WeekRangeSchema().load({"from_week": from_week, "to_week": to_week})
        hours = use_cases.candidate_availability(
            self.uow, str(member_id), IsoWeek.parse(weeks["from_week"]),
            IsoWeek.parse(weeks["to_week"]))
        return CandidateAvailabilitySchema().dump({
            "member_id": str(member_id),
            "weeks": [{"week": str(week), "hours": value} for week, value in hours.items()],
        })

    @event_handler("members", "member_created")
    def on_member_created(self, event):
        self._record_snapshot(event)

    @event_handler("members", "member_updated")
    def on_member_updated(self, event):
        self._record_snapshot(event)

    @event_handler("members", "member_activated")
    def on_member_activated(self, event):
        self._record_snapshot(event)

    @event_handler("members", "member_suspended")
    def on_member_suspended(self, event):
        self._record_snapshot(event)
        self._keep_seats_covered(event)

    @event_handler("members", "member_left")
    def on_member_left(self, event):
        self._record_snapshot(event)
        self._keep_seats_covered(event)

    @event_handler("members", "member_erased")
    def on_member_erased(self, event):
        self._record_snapshot(event)
        self._keep_seats_covered(event)

    @event_handler("members", "member_skills_changed")
    def on_member_skills_changed(self, event):
        self._record_snapshot(event)

    @event_handler("members", "member_capacity_changed")
    def on_member_capacity_changed(self, event):
        event = EnvelopeSchema().load(event)
        data = MemberCapacityChangedSchema().load(event["data"])
        capacity = MemberCapacity(
            str(data["member_id"]), data["version"], data["default_weekly_hours"],
            {IsoWeek.parse(week): hours for week, hours in data["overrides"].items()},
        )
        use_cases.record_capacity(self.uow, event, capacity)
        self._keep_seats_covered(event)

    @event_handler("members", "member_unavailable")
    def on_member_unavailable(self, event):
        event = EnvelopeSchema().load(event)
        period = _period(event)
        use_cases.record_unavailability(self.uow, event, period)
        self._keep_seats_covered(event)
        use_cases.tell_partners_of_unavailability(self.uow, event, period.member_id,
                                                  period.unavailability_id)

    @event_handler("members", "member_available_again")
    def on_member_available_again(self, event):
        event = EnvelopeSchema().load(event)
        period = _period(event)
        use_cases.record_availability_again(self.uow, event, period)
        use_cases.tell_partners_of_unavailability(self.uow, event, period.member_id,
                                                  period.unavailability_id)

    def _record_snapshot(self, event):
        event = EnvelopeSchema().load(event)
        snapshot = MemberSnapshotSchema().load(event["data"])
        candidate = Candidate(**{
            **snapshot,
            "member_id": str(snapshot["member_id"]),
            "skills": tuple(CandidateSkill(**skill) for skill in snapshot["skills"]),
            "languages": tuple(snapshot["languages"]),
        })
        use_cases.record_member_snapshot(self.uow, event, candidate)

    def _keep_seats_covered(self, event):
        event = EnvelopeSchema().load(event)
        member_id = str(event["data"]["member_id"])
        use_cases.keep_seats_covered(self.uow, event, member_id, date.today())


def _period(event: dict) -> UnavailablePeriod:
    data = MemberPeriodSchema().load(event["data"])
    return UnavailablePeriod(str(data["member_id"]), str(data["unavailability_id"]),
                             data["version"], data["starts_on"], data["ends_on"])
