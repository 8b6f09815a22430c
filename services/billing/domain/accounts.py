"""The ledger's accounts. An account is a string: a code, or `code:<id>` for a sub-account.

    asset accounts (debit-normal: a positive balance is money the coop has or is owed)
      bank                          the coop's bank account
      client_receivables:<client>   what each client owes on issued invoices
      unbilled_work                 approved hours not yet invoiced (net, excl. VAT)
    liability and fund accounts (credit-normal: a positive balance is owed or held)
      member_payables:<member>      what the coop owes each member
      vat_payable                   VAT to pay to the Belastingdienst
      coop_fee_revenue              the coop's fee
      development_fund              the members' development (learning) fund
      solidarity_fund               the members' solidarity (sickness) fund
      guarantee_fund                the guarantee fund's *available* money
      guarantee_advances:<member>   the part of the guarantee fund advanced to a member
                                    ahead of the client's payment (see guarantee.py)
      partner_coop_payables:<partner>  what the coop owes a partner coop for its members'
                                    approved hours (external work, see external_work.py);
                                    never paid out to a member
      insurance_payable             premiums deducted from members' payouts, owed to the
                                    insurers of the collective policies (see insurance_premiums.py)

A balance here is always debit − credit; `normal_balance` turns it the right way
round for people (a fund of €100 shows as 100, not −100).
"""

from decimal import Decimal

BANK = "bank"
CLIENT_RECEIVABLES = "client_receivables"
UNBILLED_WORK = "unbilled_work"
MEMBER_PAYABLES = "member_payables"
VAT_PAYABLE = "vat_payable"
COOP_FEE_REVENUE = "coop_fee_revenue"
DEVELOPMENT_FUND = "development_fund"
SOLIDARITY_FUND = "solidarity_fund"
GUARANTEE_FUND = "guarantee_fund"
GUARANTEE_ADVANCES = "guarantee_advances"
PARTNER_COOP_PAYABLES = "partner_coop_payables"
INSURANCE_PAYABLE = "insurance_payable"

DEBIT_NORMAL = frozenset({BANK, CLIENT_RECEIVABLES, UNBILLED_WORK})
CREDIT_NORMAL = frozenset({MEMBER_PAYABLES, VAT_PAYABLE, COOP_FEE_REVENUE, DEVELOPMENT_FUND,
                           SOLIDARITY_FUND, GUARANTEE_FUND, GUARANTEE_ADVANCES,
                           INSURANCE_PAYABLE, PARTNER_COOP_PAYABLES})
ACCOUNT_CODES = DEBIT_NORMAL | CREDIT_NORMAL
PER_CLIENT = frozenset({CLIENT_RECEIVABLES})
PER_MEMBER = frozenset({MEMBER_PAYABLES, GUARANTEE_ADVANCES})
PER_PARTNER = frozenset({PARTNER_COOP_PAYABLES})


def receivable_of(client_id: str) -> str:
    return f"{CLIENT_RECEIVABLES}:{client_id}"


def payable_to(member_id: str) -> str:
    return f"{MEMBER_PAYABLES}:{member_id}"


def advanced_to(member_id: str) -> str:
    return f"{GUARANTEE_ADVANCES}:{member_id}"


def partner_coop_payable(partner_id: str) -> str:
    return f"{PARTNER_COOP_PAYABLES}:{partner_id}"


def code_of(account: str) -> str:
    """`member_payables:42` → `member_payables`."""
    return account.split(":", 1)[0]


def is_known(account: str) -> bool:
    code, _, sub = account.partition(":")
    if code not in ACCOUNT_CODES:
        return False
    needs_sub = code in PER_CLIENT or code in PER_MEMBER or code in PER_PARTNER
    return bool(sub) == needs_sub


def normal_balance(account: str, balance: Decimal) -> Decimal:
    """`balance` (debit − credit) as people read it for this kind of account."""
    return balance if code_of(account) in DEBIT_NORMAL else -balance
