"""Matching's contract: RPC payloads, the events it publishes, and the events it reads.

The gateway imports this package to document the API, so it imports only marshmallow,
python-stdnum, `infra` and the standard library: nothing else from this service.
"""

from services.matching.schemas.clients import (
    COUNTRY_CODES,
    EU_VAT_PREFIXES,
    AddressDetailsSchema,
    AddressSchema,
    ClientChangesSchema,
    ClientDetailsSchema,
    ClientEventSchema,
    ClientPageSchema,
    ClientSchema,
    ContactDetailsSchema,
    ContactSchema,
    CountryCode,
    EuVatNumber,
    StrictBoolean,
    client_changes_schema,
)
from services.matching.schemas.members import (
    CandidateAvailabilitySchema,
    CandidateSchema,
    MemberCapacityChangedSchema,
    MemberPeriodSchema,
    MemberSnapshotSchema,
    WeekRangeSchema,
)

__all__ = [
    "COUNTRY_CODES", "EU_VAT_PREFIXES", "AddressDetailsSchema", "AddressSchema",
    "CandidateSchema", "ClientChangesSchema", "ClientDetailsSchema", "ClientEventSchema",
    "ClientPageSchema", "ClientSchema", "ContactDetailsSchema", "ContactSchema", "CountryCode",
    "EuVatNumber", "MemberSnapshotSchema", "StrictBoolean", "client_changes_schema",
    "CandidateAvailabilitySchema", "MemberCapacityChangedSchema", "MemberPeriodSchema",
    "WeekRangeSchema",
]
