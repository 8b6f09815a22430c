"""The members service's contract: RPC payloads in and out, and event data.

One module per concern; the names other packages use are importable from here.
"""

from services.members.schemas.events import EVENT_SCHEMAS, MemberEventSchema
from services.members.schemas.profile import (
    ApplicationReceiptSchema,
    ApplicationSchema,
    BillingDetailsListSchema,
    BillingDetailsQuerySchema,
    BillingDetailsSchema,
    CoopFiguresSchema,
    DirectoryPageSchema,
    DirectoryQuerySchema,
    MemberChangesSchema,
    MemberDetailsSchema,
    MemberPageSchema,
    MemberQuerySchema,
    MemberSchema,
    PublicProfilePageSchema,
    PublicProfileSchema,
    member_changes_schema,
)

__all__ = [
    "EVENT_SCHEMAS", "ApplicationReceiptSchema",
    "ApplicationSchema", "BillingDetailsListSchema", "BillingDetailsQuerySchema",
    "BillingDetailsSchema", "CoopFiguresSchema",
    "DirectoryPageSchema", "DirectoryQuerySchema", "MemberChangesSchema",
    "MemberDetailsSchema",
    "MemberEventSchema", "MemberPageSchema", "MemberQuerySchema", "MemberSchema",
    "PublicProfilePageSchema", "PublicProfileSchema", "member_changes_schema",
]
