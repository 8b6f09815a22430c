"""What billing announces about insurance enrolments (`insurance_enrolled`,
`insurance_ended`): ids and dates only, nothing personal about the member."""

from dataclasses import dataclass

from services.billing.domain.insurance_enrolments import Enrolment


@dataclass(frozen=True)
class InsuranceEnrolled:
    enrolment: Enrolment
    type = "insurance_enrolled"

    @property
    def subject(self) -> str:
        return self.enrolment.member_id

    @property
    def data(self) -> dict:
        e = self.enrolment
        return {"enrolment_id": e.id, "member_id": e.member_id, "policy_id": e.policy_id,
                "kind": e.kind, "starts_on": e.starts_on.isoformat()}


@dataclass(frozen=True)
class InsuranceEnded:
    enrolment: Enrolment
    type = "insurance_ended"

    @property
    def subject(self) -> str:
        return self.enrolment.member_id

    @property
    def data(self) -> dict:
        e = self.enrolment
        return {"enrolment_id": e.id, "member_id": e.member_id, "policy_id": e.policy_id,
                "kind": e.kind, "ends_on": e.ends_on.isoformat() if e.ends_on else None}
