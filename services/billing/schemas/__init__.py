"""The billing service's contract: RPC payloads in and out, and event data in and out.

One module per concern. The gateway imports these for its OpenAPI document, so they
import only marshmallow, `infra` and the standard library: nothing of the domain.
"""

from services.billing.schemas.events import EVENT_SCHEMAS
from services.billing.schemas.hours import (
    ContractPageSchema,
    ContractQuerySchema,
    ContractSchema,
    DecisionSchema,
    HoursSubmissionSchema,
    RejectionSchema,
    TimeEntryPageSchema,
    TimeEntryQuerySchema,
    TimeEntrySchema,
)
from services.billing.schemas.incoming import (
    AssignmentConfirmedSchema,
    AssignmentSchema,
    ClientEventSchema,
)
from services.billing.schemas.invoices import (
    CreditNoteRequestSchema,
    DocumentFileSchema,
    InvoicePageSchema,
    InvoiceQuerySchema,
    InvoiceSchema,
    MonthlyRunSchema,
    PaymentRequestSchema,
    PaymentSchema,
    RunResultSchema,
)
from services.billing.schemas.ledger import (
    AnnualStatementSchema,
    FundContributionRequestSchema,
    PeriodQuerySchema,
    PostingSchema,
    QuarterQuerySchema,
    StatementSchema,
    TrialBalanceSchema,
    VatReturnSchema,
    YearQuerySchema,
)
from services.billing.schemas.payouts import (
    MemberPayoutPageSchema,
    MemberPayoutQuerySchema,
    PayoutBatchSchema,
    PayoutRequestSchema,
)
from services.billing.schemas.solidarity import (
    BenefitRunRequestSchema,
    BenefitRunSchema,
    ClaimRequestSchema,
    ClaimSchema,
    JoinFundRequestSchema,
    MembershipSchema,
    RecoveryRequestSchema,
)

__all__ = [
    "EVENT_SCHEMAS", "AnnualStatementSchema", "AssignmentConfirmedSchema", "AssignmentSchema",
    "BenefitRunRequestSchema", "BenefitRunSchema", "ClaimRequestSchema", "ClaimSchema",
    "ClientEventSchema", "ContractPageSchema", "ContractQuerySchema", "ContractSchema",
    "CreditNoteRequestSchema", "DecisionSchema", "DocumentFileSchema",
    "FundContributionRequestSchema", "HoursSubmissionSchema", "InvoicePageSchema",
    "InvoiceQuerySchema", "InvoiceSchema", "JoinFundRequestSchema", "MemberPayoutPageSchema",
    "MemberPayoutQuerySchema", "MembershipSchema", "MonthlyRunSchema", "PaymentRequestSchema",
    "PaymentSchema", "PayoutBatchSchema", "PayoutRequestSchema", "PeriodQuerySchema",
    "PostingSchema", "QuarterQuerySchema", "RecoveryRequestSchema", "RejectionSchema",
    "RunResultSchema", "StatementSchema", "TimeEntryPageSchema", "TimeEntryQuerySchema",
    "TimeEntrySchema", "TrialBalanceSchema", "VatReturnSchema", "YearQuerySchema",
]
