"""Billing's use cases, each one transaction over a `ports.UnitOfWork`.

Importing this package gives every use case by name, e.g.
`use_cases.run_monthly_invoicing(uow, month, issue_date, command_id, settings)`.
"""

from services.billing.domain.use_cases.contracts import (
    end_assignment,
    record_assignment,
    record_client,
    record_member,
)
from services.billing.domain.use_cases.development import pay_development_expense
from services.billing.domain.use_cases.invoicing import (
    Blocked,
    RunResult,
    issue_credit_note,
    register_payment,
    run_monthly_invoicing,
)
from services.billing.domain.use_cases.ledger import (
    contribute_to_fund,
    get_account_statement,
    get_member_statement,
    get_trial_balance,
)
from services.billing.domain.use_cases.payouts import create_payout_batch
from services.billing.domain.use_cases.reports import get_member_annual_statement, get_vat_return
from services.billing.domain.use_cases.solidarity import (
    BenefitRun,
    file_claim,
    join_solidarity_fund,
    pay_benefits,
    record_recovery,
)
from services.billing.domain.use_cases.timesheets import approve_hours, reject_hours, submit_hours

__all__ = [
    "BenefitRun", "Blocked", "RunResult", "approve_hours", "contribute_to_fund",
    "create_payout_batch", "end_assignment", "file_claim", "get_account_statement",
    "get_member_annual_statement", "get_member_statement", "get_trial_balance", "get_vat_return",
    "issue_credit_note", "join_solidarity_fund", "pay_benefits", "pay_development_expense",
    "record_assignment", "record_client", "record_member", "record_recovery",
    "register_payment", "reject_hours", "run_monthly_invoicing", "submit_hours",
]
