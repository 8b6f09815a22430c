"""Collective insurance: policies (operators), members' enrolments, coverage for the
gateway's proposals, certificates of coverage, ending the enrolments of leavers and
following members who rejoin.

Enrolments are written under the ledger lock (`serialised()`), as payout batches are,
so an enrolment and a batch's premium charges never interleave. A member billing has
not heard of (members' `member_created`) cannot enrol nor get a certificate:
`MemberNotFound`. Only the gateway knows the caller's role: it passes
`by_operator=True` for an operator (default False: a member's limits).
"""

import base64
from datetime import UTC

from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from infra.rpc import rpc
from services.billing.domain.errors import MemberNotFound
from services.billing.domain.insurance_certificate import certificate_html, certificate_pdf
from services.billing.domain.insurance_enrolments import EnrolmentNotFound
from services.billing.domain.insurance_membership import MembershipSnapshot
from services.billing.domain.insurance_policies import PolicyNotFound
from services.billing.domain.use_cases import insurance as use_cases
from services.billing.entrypoints import _support as support
from services.billing.schemas.fields import resource_id
from services.billing.schemas.insurance import (
    CertificateFileSchema,
    CertificateQuerySchema,
    CoverageRequestSchema,
    EnrolmentEndSchema,
    EnrolmentPageSchema,
    EnrolmentQuerySchema,
    EnrolmentRequestSchema,
    EnrolmentSchema,
    MembershipSnapshotSchema,
    PolicyChangesSchema,
    PolicyDetailsSchema,
    PolicyPageSchema,
    PolicyQuerySchema,
    PolicySchema,
)


class InsuranceEntrypoints:
    # --- policies (operators) ----------------------------------------------------------------
    @rpc
    def create_insurance_policy(self, details):
        data = PolicyDetailsSchema().load(details)
        return PolicySchema().dump(use_cases.define_policy(self.uow, data))

    @rpc
    def list_insurance_policies(self, query=None):
        data = PolicyQuerySchema().load(query or {})
        with self.uow as uow:
            page = uow.insurance.policy_page(**data)
        return PolicyPageSchema().dump(page)

    @rpc
    def get_insurance_policy(self, policy_id):
        wanted = resource_id(policy_id, PolicyNotFound)
        with self.uow as uow:
            policy = uow.insurance.get_policy(wanted)
        if policy is None:
            raise PolicyNotFound(wanted)
        return PolicySchema().dump(policy)

    @rpc
    def change_insurance_policy(self, policy_id, changes):
        wanted = resource_id(policy_id, PolicyNotFound)
        data = PolicyChangesSchema().load(changes)
        return PolicySchema().dump(use_cases.change_policy(self.uow, wanted, data))

    # --- enrolments (a member: own) ----------------------------------------------------------
    @rpc
    def enrol_in_insurance(self, member_id, request, by_operator=False):
        """`by_operator`: the caller is an operator (the gateway says so), who may start
        cover from the first day of the current month; anyone else from today."""
        member = self._known_member(member_id)
        data = EnrolmentRequestSchema().load(request)
        enrolment = use_cases.enrol(self.uow.serialised(), member, data["policy_id"],
                                    data["starts_on"], data["ends_on"], today=support.today(),
                                    by_operator=by_operator is True)
        return EnrolmentSchema().dump(enrolment)

    @rpc
    def list_insurance_enrolments(self, member_id, query=None):
        member = support.member(member_id)
        data = EnrolmentQuerySchema().load(query or {})
        with self.uow as uow:
            page = uow.insurance.enrolment_page(member, **data)
        return EnrolmentPageSchema().dump(page)

    @rpc
    def end_insurance_enrolment(self, member_id, enrolment_id, request, by_operator=False):
        """`by_operator`: as for `enrol_in_insurance` (the earliest end)."""
        member = support.member(member_id)
        wanted = resource_id(enrolment_id, EnrolmentNotFound)
        data = EnrolmentEndSchema().load(request)
        enrolment = use_cases.end_enrolment(self.uow.serialised(), member, wanted,
                                            data["ends_on"], today=support.today(),
                                            by_operator=by_operator is True)
        return EnrolmentSchema().dump(enrolment)

    # --- what others ask ---------------------------------------------------------------------
    @rpc
    def insurance_coverage(self, member_ids, on_date):
        """Per member, the kinds of policy in force on `on_date` (`[]`: none)."""
        data = CoverageRequestSchema().load({"member_ids": member_ids, "on_date": on_date})
        return use_cases.coverage(self.uow, data["member_ids"], data["on_date"])

    @rpc
    def export_insurance_certificate(self, member_id, query=None):
        member = support.member(member_id)
        data = CertificateQuerySchema().load(query or {})
        today = support.today()
        certificate = use_cases.certificate(self.uow, member, data["on"] or today, today)
        name = f"certificate-of-coverage-{member}-{certificate.on.isoformat()}"
        if data["format"] == "html":
            file = {"filename": f"{name}.html", "content_type": "text/html; charset=utf-8",
                    "content": certificate_html(certificate), "encoding": "utf-8"}
        else:
            file = {"filename": f"{name}.pdf", "content_type": "application/pdf",
                    "content": base64.b64encode(certificate_pdf(certificate)).decode(),
                    "encoding": "base64"}
        return CertificateFileSchema().dump(file)

    # --- members who leave and rejoin --------------------------------------------------------
    @event_handler("members", "member_left")
    def on_member_left_end_insurance(self, event):
        self._end_insurance_of_leaver(event)

    @event_handler("members", "member_erased")
    def on_member_erased_end_insurance(self, event):
        self._end_insurance_of_leaver(event)

    @event_handler("members", "member_updated")
    def on_member_updated_follow_membership(self, event):
        """A member active again after leaving has rejoined (may enrol from then on)."""
        use_cases.follow_membership(self.uow.serialised(), *self._snapshot(event))

    def _end_insurance_of_leaver(self, event):
        """Covered through the leave date (`left_on` in the snapshot; else the one known,
        else the event's day)."""
        use_cases.end_enrolments_of_leaver(self.uow.serialised(), *self._snapshot(event))

    @staticmethod
    def _snapshot(event) -> tuple[dict, MembershipSnapshot]:
        event = EnvelopeSchema().load(event)
        data = MembershipSnapshotSchema().load(event["data"])
        return event, MembershipSnapshot(
            data["member_id"], data["version"], data["status"], data["joined_on"],
            data["left_on"], told_on=event["time"].astimezone(UTC).date())

    def _known_member(self, member_id) -> str:
        member = support.member(member_id)
        with self.uow as uow:
            known = uow.members.get(member) is not None
        if not known:
            raise MemberNotFound(member)
        return member
