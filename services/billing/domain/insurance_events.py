"""What billing announces about insurance enrolments (`insurance_enrolled`,
`insurance_ended`): ids and dates only, nothing personal about the member."""

from dataclasses import dataclass

from services.billing.domain.insurance_enrolments import Enrolment


@dataclass(frozen=True)
class _EnrolmentEvent:
    enrolment: Enrolment

    @property
    def subject(self) -> str:
        return self.enrolment.member_id

    def _which(self) -> dict:
        e = self.enrolment
        return {"enrolment_id": e.id, "member_id": e.member_id, "policy_id": e.policy_id,
                "kind": e.kind}


class InsuranceEnrolled(_EnrolmentEvent):
    type = "insurance_enrolled"

    @property
    def data(self) -> dict:
        return {**self._which(), "starts_on": self.enrolment.starts_on.isoformat()}


class InsuranceEnded(_EnrolmentEvent):
    type = "insurance_ended"

    @property
    def data(self) -> dict:
        ends_on = self.enrolment.ends_on
        return {**self._which(), "ends_on": ends_on.isoformat() if ends_on else None}
