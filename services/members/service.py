"""The members nameko service: translation between RPC/events and the use cases, nothing more.

The RPC contract (arguments, results, errors, who may call what) is described in
services/members/README.md.
"""

from infra.db import Database
from infra.events import EnvelopeSchema
from infra.handlers import event_handler
from infra.logging import WorkerLog
from infra.rpc import rpc
from services.members.domain import use_cases
from services.members.domain.errors import MemberNotFound, UnavailabilityNotFound
from services.members.domain.iso_week import IsoWeek
from services.members.domain.skills import Skill
from services.members.schemas import (
    ApplicationReceiptSchema,
    ApplicationSchema,
    BillingDetailsListSchema,
    BillingDetailsQuerySchema,
    BillingDetailsSchema,
    CoopFiguresSchema,
    DirectoryPageSchema,
    DirectoryQuerySchema,
    MemberDetailsSchema,
    MemberPageSchema,
    MemberQuerySchema,
    MemberSchema,
    PublicProfilePageSchema,
    PublicProfileSchema,
    member_changes_schema,
)
from services.members.schemas.capacity import (
    AvailabilityQuerySchema,
    AvailabilitySchema,
    CapacityChangesSchema,
    CapacitySchema,
    UnavailabilityDetailsSchema,
    UnavailabilitySchema,
    unavailability_changes_schema,
)
from services.members.schemas.fields import resource_id
from services.members.schemas.lifecycle import (
    AdmissionSchema,
    NoticeSchema,
    SponsorshipDetailsSchema,
    SuspensionSchema,
)
from services.members.schemas.privacy import MemberExportSchema
from services.members.schemas.skills import (
    NewSkillSchema,
    SkillChangesSchema,
    SkillSchema,
    SkillsDeclarationSchema,
    SkillVerificationWithdrawnSchema,
    SkillVerifiedSchema,
    TaxonomyQuerySchema,
    taxonomy_view,
)
from services.members.unit_of_work import MembersUnitOfWork


def _member_id(value) -> str:
    return resource_id(value, MemberNotFound)


def _by_week(overrides: dict) -> dict:
    return {IsoWeek.parse(week): hours for week, hours in overrides.items()}


class MembersService:
    name = "members"

    uow = Database(MembersUnitOfWork)
    worker_log = WorkerLog()

    @rpc
    def ping(self):
        return "pong"

    # --- who a member is -------------------------------------------------------------------

    @rpc
    def create_member(self, details):
        member = use_cases.create_member(self.uow, MemberDetailsSchema().load(details))
        return MemberSchema().dump(member)

    @rpc
    def apply_to_join(self, application):
        use_cases.apply_to_join(self.uow, ApplicationSchema().load(application))
        return ApplicationReceiptSchema().dump({})

    @rpc
    def register_applicant(self, application):
        member = use_cases.register_applicant(self.uow, ApplicationSchema().load(application))
        return MemberSchema().dump(member)

    @rpc
    def get_member(self, member_id):
        return MemberSchema().dump(use_cases.get_member(self.uow, _member_id(member_id)))

    @rpc
    def list_members(self, query=None):
        page = use_cases.list_members(self.uow, **MemberQuerySchema().load(query or {}))
        return MemberPageSchema().dump(page)

    @rpc
    def update_member(self, member_id, changes):
        changes = member_changes_schema.load(changes)
        return MemberSchema().dump(use_cases.update_member(self.uow, _member_id(member_id),
                                                           changes))

    @rpc
    def get_public_profile(self, member_id):
        member = use_cases.get_member(self.uow, _member_id(member_id))
        return PublicProfileSchema().dump(member)

    @rpc
    def list_public_profiles(self, query=None):
        page = use_cases.list_members(self.uow, **MemberQuerySchema().load(query or {}))
        return PublicProfilePageSchema().dump(page)

    @rpc
    def get_billing_details(self, member_id):
        member = use_cases.get_member(self.uow, _member_id(member_id))
        return BillingDetailsSchema().dump(member)

    @rpc
    def get_billing_details_of(self, query):
        """Billing details of many members at once (billing's payout batch): those the
        service knows among `member_ids`; an unknown id is left out."""
        member_ids = [str(m) for m in BillingDetailsQuerySchema().load(query)["member_ids"]]
        return BillingDetailsListSchema().dump(
            {"items": use_cases.members_among(self.uow, member_ids)})

    # --- the public directory (anonymous visitors of the website) ---------------------------

    @rpc
    def list_directory(self, query=None):
        page = use_cases.list_directory(self.uow, **DirectoryQuerySchema().load(query or {}))
        return DirectoryPageSchema().dump(page)

    @rpc
    def get_directory_profile(self, member_id):
        member = use_cases.get_directory_profile(self.uow, _member_id(member_id))
        return PublicProfileSchema().dump(member)

    @rpc
    def coop_figures(self):
        return CoopFiguresSchema().dump(use_cases.coop_figures(self.uow))

    # --- skills ----------------------------------------------------------------------------

    @rpc
    def list_skills(self, query=None):
        category = TaxonomyQuerySchema().load(query or {})["category"]
        return taxonomy_view(use_cases.get_taxonomy(self.uow), category)

    @rpc
    def add_skill(self, skill):
        skill = Skill(**NewSkillSchema().load(skill))
        return SkillSchema().dump(use_cases.add_skill(self.uow, skill))

    @rpc
    def change_skill(self, slug, changes):
        changes = SkillChangesSchema().load(changes)
        return SkillSchema().dump(use_cases.change_skill(self.uow, str(slug), changes))

    @rpc
    def set_skills(self, member_id, skills):
        entries = SkillsDeclarationSchema().load({"skills": skills})["skills"]
        return MemberSchema().dump(use_cases.set_skills(self.uow, _member_id(member_id),
                                                        entries))

    @event_handler("learning", "skill_verified")
    def on_skill_verified(self, event):
        event = EnvelopeSchema().load(event)
        verification = SkillVerifiedSchema().load(event["data"])
        use_cases.record_skill_verification(self.uow, event, verification)

    @event_handler("learning", "skill_verification_withdrawn")
    def on_skill_verification_withdrawn(self, event):
        event = EnvelopeSchema().load(event)
        withdrawal = SkillVerificationWithdrawnSchema().load(event["data"])
        use_cases.record_skill_verification(self.uow, event, withdrawal)

    # --- capacity --------------------------------------------------------------------------

    @rpc
    def get_capacity(self, member_id):
        return CapacitySchema().dump(use_cases.get_capacity(self.uow, _member_id(member_id)))

    @rpc
    def change_capacity(self, member_id, changes):
        changes = CapacityChangesSchema().load(changes)
        member = use_cases.change_capacity(self.uow, _member_id(member_id),
                                           changes.get("default_weekly_hours"),
                                           _by_week(changes.get("overrides", {})))
        return CapacitySchema().dump(member)

    @rpc
    def add_unavailability(self, member_id, period):
        details = UnavailabilityDetailsSchema().load(period)
        period = use_cases.add_unavailability(self.uow, _member_id(member_id), details)
        return UnavailabilitySchema().dump(period)

    @rpc
    def change_unavailability(self, member_id, unavailability_id, changes):
        member_id = _member_id(member_id)
        period_id = resource_id(unavailability_id,
                                lambda given: UnavailabilityNotFound(member_id, given))
        changes = unavailability_changes_schema.load(changes)
        period = use_cases.change_unavailability(self.uow, member_id, period_id, changes)
        return UnavailabilitySchema().dump(period)

    @rpc
    def remove_unavailability(self, member_id, unavailability_id):
        member_id = _member_id(member_id)
        period_id = resource_id(unavailability_id,
                                lambda given: UnavailabilityNotFound(member_id, given))
        period = use_cases.remove_unavailability(self.uow, member_id, period_id)
        return UnavailabilitySchema().dump(period)

    @rpc
    def availability(self, member_ids, from_week, to_week):
        query = AvailabilityQuerySchema().load(
            {"member_ids": member_ids, "from_week": from_week, "to_week": to_week})
        availability = use_cases.availability(self.uow, query["member_ids"],
                                              IsoWeek.parse(query["from_week"]),
                                              IsoWeek.parse(query["to_week"]))
        return AvailabilitySchema().dump(availability)

    # --- admission and lifecycle -----------------------------------------------------------

    @rpc
    def sponsor_applicant(self, applicant_id, sponsor_id, met_on, note):
        details = SponsorshipDetailsSchema().load(
            {"sponsor_id": sponsor_id, "met_on": met_on, "note": note})
        _, admission = use_cases.sponsor_applicant(self.uow, _member_id(applicant_id), **details)
        return AdmissionSchema().dump(admission)

    @rpc
    def get_admission(self, member_id):
        return AdmissionSchema().dump(use_cases.get_admission(self.uow, _member_id(member_id)))

    @rpc
    def activate_member(self, member_id):
        return MemberSchema().dump(use_cases.activate_member(self.uow, _member_id(member_id)))

    @rpc
    def suspend_member(self, member_id, reason):
        reason = SuspensionSchema().load({"reason": reason})["reason"]
        return MemberSchema().dump(use_cases.suspend_member(self.uow, _member_id(member_id),
                                                            reason))

    @rpc
    def reinstate_member(self, member_id):
        return MemberSchema().dump(use_cases.reinstate_member(self.uow, _member_id(member_id)))

    @rpc
    def give_notice(self, member_id, leave_on):
        leave_on = NoticeSchema().load({"leave_on": leave_on})["leave_on"]
        return MemberSchema().dump(use_cases.give_notice(self.uow, _member_id(member_id),
                                                         leave_on))

    # --- privacy ---------------------------------------------------------------------------

    @rpc
    def export_member(self, member_id):
        export = use_cases.export_member(self.uow, _member_id(member_id))
        return MemberExportSchema().dump(export)

    @rpc
    def erase_member(self, member_id):
        return MemberSchema().dump(use_cases.erase_member(self.uow, _member_id(member_id)))
