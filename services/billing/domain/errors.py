"""Rules a billing request can break, named so the name is the message a user reads.

The class name reaches the caller as `rule`; `errors` names the field at fault.
`Invalid` (422) is input that can never be right; `Conflict` (409) input that
clashes with the current state; `Forbidden` (403) a caller acting outside their
role; `NotFound` (404) an object that is not there (or not in the caller's scope).
Nothing is posted when one of these is raised.
"""

from datetime import date
from decimal import Decimal

from infra.errors import Conflict, Forbidden, Invalid, NotFound
from infra.errors import field_error as _field

# --- money and periods -----------------------------------------------------------------

class AmountMustBeCents(Invalid):
    def __init__(self, field: str, value):
        super().__init__(
            f"{field} must be a euro amount with at most 2 decimals, not {value!r}.",
            _field(field, "Give a decimal amount with at most 2 decimals, e.g. \"85.00\"."),
        )


class AmountMustNotBeNegative(Invalid):
    def __init__(self, field: str, value: Decimal):
        super().__init__(f"{field} must not be negative, not {value}.",
                         _field(field, "The amount must be zero or more."))


class AmountMustBePositive(Invalid):
    def __init__(self, field: str, value: Decimal):
        super().__init__(f"{field} must be more than zero, not {value}.",
                         _field(field, "The amount must be more than zero."))


class UnknownMonth(Invalid):
    def __init__(self, text):
        super().__init__(f"{text!r} is not a month.",
                         _field("month", "Give a month as YYYY-MM, e.g. 2026-03."))


class PercentageOutOfRange(Invalid):
    def __init__(self, field: str, value):
        super().__init__(f"{field} must be a percentage from 0 to 100, not {value}.",
                         _field(field, "Give a percentage from 0 to 100."))


# --- VAT --------------------------------------------------------------------------------

class UnknownVatRate(Invalid):
    def __init__(self, rate, known):
        shown = ", ".join(f"{r}%" for r in known)
        super().__init__(f"{rate}% is not a Dutch VAT rate; the rates are {shown}.",
                         _field("vat_rate", f"Use one of {shown}."))


class ReverseChargeNeedsClientVatId(Invalid):
    def __init__(self, client_name: str, country: str, vat_id: str | None):
        what = f"VAT id {vat_id} is not valid for {country}" if vat_id else "has no VAT id"
        super().__init__(
            f"{client_name} is a business in {country} (EU): VAT is reverse-charged, which "
            f"needs the client's valid VAT id, but the client {what}.",
            _field("vat_id", f"A business client in {country} needs a valid {country} VAT id "
                             "for the reverse charge (btw verlegd)."),
        )


# --- contracts and hours ------------------------------------------------------------------

class ContractNotFound(NotFound):
    def __init__(self, contract_id: str):
        super().__init__(f"No contract with id {contract_id}.")


class ClientNotFound(NotFound):
    def __init__(self, client_id: str):
        super().__init__(f"No client with id {client_id} is known to billing.")


class MemberNotFound(NotFound):
    def __init__(self, member_id: str):
        super().__init__(f"No member with id {member_id}.")


class ContractDatesOutOfOrder(Invalid):
    def __init__(self, starts_on: date, ends_on: date):
        super().__init__(f"A contract cannot end ({ends_on}) before it starts ({starts_on}).",
                         _field("ends_on", "The end date must be on or after the start date."))


class HourlyRateMustBePositive(Invalid):
    def __init__(self, rate):
        super().__init__(f"The hourly rate must be more than zero, not {rate}.",
                         _field("hourly_rate", "Give an hourly rate above zero."))


class HoursMustBePositive(Invalid):
    def __init__(self, hours):
        super().__init__(f"Hours must be more than zero (and never negative), not {hours}.",
                         _field("hours", "Give the hours worked, more than 0."))


class HoursMustBeQuarterHours(Invalid):
    def __init__(self, hours):
        super().__init__(f"Hours are written in quarter hours (0.25, 0.5, 0.75, …), not {hours}.",
                         _field("hours", "Round to a quarter hour: 0.25, 0.5, 0.75 or a whole."))


class DayHasAtMost24Hours(Invalid):
    def __init__(self, day: date, hours: Decimal, other_hours: Decimal):
        super().__init__(
            f"{day} would have {hours + other_hours} hours: {hours} here and {other_hours} on "
            "other assignments; a day has at most 24.",
            _field("hours", f"At most {Decimal(24) - other_hours} hours are left on {day}."),
        )


class DayOutsideAssignment(Invalid):
    def __init__(self, day: date, starts_on: date, ends_on: date):
        if ends_on < starts_on:
            super().__init__(f"{day} is outside the assignment, which ended before it began "
                             f"({starts_on}).",
                             _field("day", "This assignment has no working days."))
            return
        super().__init__(
            f"{day} is outside the assignment, which runs from {starts_on} to {ends_on}.",
            _field("day", f"Give a day from {starts_on} to {ends_on}."),
        )


class UnknownAssignment(Invalid):
    """An event about an assignment billing never recorded: parked for an operator (replay
    it once `assignment_confirmed` is in)."""

    def __init__(self, assignment_id: str):
        super().__init__(f"Assignment {assignment_id} was never confirmed to billing, so it has "
                         "no contract to end.",
                         _field("assignment_id", "No contract has this id."))


class OnlyTheContractedMemberWritesHours(Forbidden):
    def __init__(self):
        super().__init__("Only the member on this assignment can write hours for it.")


class OnlyTheContractedClientApproves(Forbidden):
    def __init__(self):
        super().__init__("Only the client of this assignment can approve or reject its hours.")


class ApprovedHoursAreLocked(Conflict):
    def __init__(self, day: date):
        super().__init__(f"The hours of {day} are approved and can no longer change.",
                         _field("day", "These hours are approved; ask for a credit note."))


class OnlySubmittedHoursCanBeDecided(Conflict):
    def __init__(self, entry_id: str, status: str):
        super().__init__(f"Time entry {entry_id} is {status}; only submitted hours can be "
                         "approved or rejected.")


class RejectionNeedsReason(Invalid):
    def __init__(self):
        super().__init__("A rejection needs a reason so the member can correct the hours.",
                         _field("reason", "Say why the hours are rejected."))


class TimeEntryNotFound(NotFound):
    def __init__(self, entry_id: str):
        super().__init__(f"No time entry with id {entry_id}.")


# --- invoices -----------------------------------------------------------------------------

class InvoiceNotFound(NotFound):
    def __init__(self, invoice: str):
        super().__init__(f"No invoice {invoice}.")


class InvoiceLacksMandatoryFields(Invalid):
    def __init__(self, missing: list[str]):
        super().__init__(
            "An invoice cannot be issued without the fields Dutch law requires: "
            + ", ".join(missing) + ".",
            [{"field": name, "message": "Required on a Dutch invoice."} for name in missing],
        )


class InvoiceNeedsLines(Invalid):
    def __init__(self):
        super().__init__("An invoice needs at least one line.")


class InvoiceNumberOutOfSequence(Conflict):
    def __init__(self, expected: str, given: str):
        super().__init__(f"The next invoice number is {expected}, not {given}: numbers are "
                         "gapless and never reused.")


class CreditExceedsInvoicedHours(Conflict):
    def __init__(self, line: int, credited: Decimal, invoiced: Decimal):
        super().__init__(
            f"Line {line} invoiced {invoiced} hours; crediting {credited} in total is more.",
            _field("lines", f"At most {invoiced} hours of line {line} can be credited."),
        )


class UnknownInvoiceLine(Invalid):
    def __init__(self, line: int):
        super().__init__(f"The invoice has no line {line}.",
                         _field("lines", f"Line {line} is not on the invoice."))


class CreditNoteNeedsReason(Invalid):
    def __init__(self):
        super().__init__("A credit note says why it corrects the invoice.",
                         _field("reason", "Say why the invoice is corrected."))


class OnlyInvoicesCanBeCredited(Conflict):
    def __init__(self, number: str):
        super().__init__(f"{number} is a credit note; credit notes are not credited again.")


class CannotPayCreditedInvoice(Conflict):
    def __init__(self, number: str):
        super().__init__(f"Invoice {number} is credited in full; a payment cannot be "
                         "registered on it.", _field("invoice", "This invoice is credited."))


class PaymentExceedsOpenAmount(Conflict):
    def __init__(self, number: str, amount: Decimal, open_amount: Decimal):
        super().__init__(
            f"A payment of €{amount} is more than the €{open_amount} still open on invoice "
            f"{number}. Register €{open_amount} and refund the rest.",
            _field("amount", f"At most €{open_amount} is open."),
        )


# --- ledger -------------------------------------------------------------------------------

class PostingMustBalance(Invalid):
    def __init__(self, debits: Decimal, credits: Decimal):
        super().__init__(f"A posting must balance: debits {debits} ≠ credits {credits}.")


class PostingIsMalformed(Invalid):
    def __init__(self, why: str):
        super().__init__(f"Not a valid posting: {why}.")


class PostingNotFound(NotFound):
    def __init__(self, posting_id: str):
        super().__init__(f"No posting with id {posting_id}.")


class UnknownAccount(Invalid):
    def __init__(self, account: str):
        super().__init__(f"{account!r} is not an account of the ledger.",
                         _field("account", "Give an account such as bank, vat_payable or "
                                           "member_payables:<member id>."))


class NotAFund(Invalid):
    def __init__(self, fund: str, funds):
        shown = ", ".join(funds)
        super().__init__(f"{fund!r} is not a fund; the funds are {shown}.",
                         _field("fund", f"Choose one of {shown}."))


class NotAFundSource(Invalid):
    def __init__(self, source: str, sources):
        shown = ", ".join(sources)
        super().__init__(f"A fund is paid from {shown}, not from {source!r}.",
                         _field("source", f"Choose one of {shown}."))


class PostingAlreadyReversed(Conflict):
    def __init__(self, posting_id: str):
        super().__init__(f"Posting {posting_id} has already been reversed.")


# --- funds, payouts -----------------------------------------------------------------------

class UnknownSolidarityTier(Invalid):
    def __init__(self, benefit, benefits):
        shown = ", ".join(f"€{b}" for b in benefits)
        super().__init__(f"€{benefit} is not a solidarity tier; the monthly benefits are {shown}.",
                         _field("monthly_benefit", f"Choose one of {shown}."))


class ClaimNeedsATier(Conflict):
    def __init__(self, member_id: str):
        super().__init__(f"Member {member_id} deposits into no solidarity tier, so has no claim.")


class ClaimAlreadyOpen(Conflict):
    def __init__(self, member_id: str):
        super().__init__(f"Member {member_id} already has an open solidarity claim.")


class RecoveryBeforeSickness(Invalid):
    def __init__(self, sick_since: date, recovered_on: date):
        super().__init__(f"Recovery ({recovered_on}) cannot be before the sickness "
                         f"began ({sick_since}).",
                         _field("recovered_on", f"Give a date on or after {sick_since}."))


class ClaimNotFound(NotFound):
    def __init__(self, claim_id: str):
        super().__init__(f"No solidarity claim with id {claim_id}.")


class IbanIsInvalid(Invalid):
    def __init__(self, member_id: str, why: str):
        super().__init__(f"The IBAN of member {member_id} is not valid: {why}.",
                         _field("iban", "Give a valid IBAN."))


class PayoutBatchNotFound(NotFound):
    def __init__(self, batch_id: str):
        super().__init__(f"No payout batch with id {batch_id}.")


class PayoutBatchHasNoTransfers(Conflict):
    def __init__(self, batch_id: str):
        super().__init__(f"Payout batch {batch_id} transfers no money, so it has no bank file.")


class DevelopmentFundWouldGoNegative(Invalid):
    """Learning approved more than billing's development fund holds: the event is parked
    (nothing is posted) until an operator has looked into it."""

    def __init__(self, request_id: str, amount: Decimal, balance: Decimal):
        super().__init__(
            f"Development expense {request_id} of €{amount} is more than the €{balance} the "
            "development fund holds; the fund never goes negative, so nothing was posted.",
            _field("amount", f"At most €{balance} is in the development fund."),
        )


class PayoutMustBeCents(Invalid):
    def __init__(self, member_id: str, amount: Decimal):
        super().__init__(f"A payout of {amount} to {member_id} is not a positive cent amount.")


# --- inter-coop billing (external work at coop A, lent members at coop B) ----------------


class PartnerRateAboveClientRate(Invalid):
    """An external member placed at a client rate below what the partner coop charges: the
    coop would pay to work. The `external_member_placed` event is parked."""

    def __init__(self, client_rate: Decimal, partner_rate: Decimal):
        super().__init__(
            f"The client pays €{client_rate} an hour, less than the €{partner_rate} the "
            "partner coop charges: the coop's margin can never be negative.",
            _field("partner_hourly_rate", f"At most the client rate €{client_rate}."))


class PartnerHasNoBillingDetails(Invalid):
    """A partner coop billing knows no legal name, country and address of cannot be
    invoiced: the operator gives them in the partner registry (federation)."""

    def __init__(self, partner_id: str, name: str | None = None):
        who = f"{name} ({partner_id})" if name else partner_id
        super().__init__(
            f"Partner coop {who} has no billing details (legal name, country, VAT id, "
            "address) yet: give them in the partner registry, then run the month again.",
            _field("billing", "The partner coop's billing details are missing."))


class OnlyCurrencyEur(Invalid):
    def __init__(self, currency: str):
        super().__init__(f"Billing keeps its books in EUR, not {currency}.",
                         _field("currency", "Only EUR."))


class LentHoursComeFromThePartner(Conflict):
    """Hours on a lent contract (coop B) are the partner's approved hours, nothing else: a
    day written here would make the partner's hours of that day unrecordable."""

    def __init__(self, contract_id: str, partner_id: str):
        super().__init__(
            f"Contract {contract_id} lends our member to partner coop {partner_id}: its hours "
            "come from the partner (its client approves them there), not written here.",
            _field("contract_id", "A lent contract takes no hours written here."))


class LentPlacementNotKnownYet(Exception):  # noqa: N818 (not a refusal: retried)
    """Not a refusal: a partner's hours for a placement we have not heard of yet (matching's
    `member_lent` may come after the partner's hours, on another queue). Raised so that
    the event is retried with backoff (`infra.handlers`) and parked after the last try."""

    def __init__(self, placement_id: str, partner_id: str):
        super().__init__(f"No placement {placement_id} lent to partner {partner_id} (yet).")


class PlacementLentToAnotherPartner(Invalid):
    def __init__(self, placement_id: str, lent_to: str, sender_id: str):
        super().__init__(f"Placement {placement_id} is lent to partner {lent_to}, not to "
                         f"{sender_id}.", _field("placement_id", "Not lent to the sender."))


class PlacementIdUsedByAnotherPartner(Invalid):
    """Two partners (or a buggy one) used one placement id: hours would be ambiguous."""

    def __init__(self, placement_id: str, used_by: str, partner_id: str):
        super().__init__(f"Placement id {placement_id} is used for partner {used_by} "
                         f"already, so it cannot be lent to {partner_id}.",
                         _field("placement_id", "Used by another partner."))


class HoursForDayAlreadyRecorded(Invalid):
    def __init__(self, placement_id: str, day: date):
        super().__init__(f"Hours of {day} on placement {placement_id} are recorded already "
                         "(by another timesheet).", _field("period_end", "Recorded already."))
