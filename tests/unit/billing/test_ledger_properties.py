"""Property tests: whatever happens, every posting balances and the books sum to zero."""

import contextlib
import uuid
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from infra.errors import ServiceError
from services.billing.domain import use_cases
from services.billing.domain.accounts import GUARANTEE_FUND, SOLIDARITY_FUND
from services.billing.domain.errors import PostingMustBalance
from services.billing.domain.journal import Journal, trial_balance
from services.billing.domain.member_share import MemberShare
from services.billing.domain.numbering import InvoiceNumber, is_gapless
from services.billing.domain.period import Month
from services.billing.domain.posting import Posting, credit, debit
from services.billing.domain.postings import hours_approved, payout
from tests.unit.billing.builders import DUTCH_CLIENT, GERMAN_CLIENT, SETTINGS
from tests.unit.billing.story import a_coop, contract_id

cents = st.integers(min_value=0, max_value=10_000_000).map(lambda c: Decimal(c) / 100)
quarter_hours = st.integers(min_value=1, max_value=40).map(lambda q: Decimal(q) / 4)
MEMBERS = {"anouk": DUTCH_CLIENT, "bram": DUTCH_CLIENT, "chris": GERMAN_CLIENT}


@given(st.lists(cents, min_size=1, max_size=6), st.lists(cents, min_size=1, max_size=6))
def test_a_posting_exists_only_when_it_balances(debits, credits):
    entries = tuple([debit("bank", d) for d in debits if d] +
                    [credit("coop_fee_revenue", c) for c in credits if c])
    try:
        posting = Posting("cause", "test", date(2026, 1, 1), "", entries)
    except PostingMustBalance:
        assert sum(debits) != sum(credits)
    except ServiceError:
        assert len(entries) < 2
    else:
        assert posting.debits == posting.credits == sum(debits)


@given(st.dictionaries(st.sampled_from(["a", "b", "c"]), cents, min_size=1),
       st.sampled_from([Decimal("0"), Decimal("5"), Decimal("7.5")]),
       st.sampled_from([Decimal("0"), Decimal("1"), Decimal("2.25")]))
def test_approval_and_payout_postings_always_balance(nets, fee, development):
    journal = Journal()
    shares = {m: MemberShare.of(net, fee, development) for m, net in nets.items()}
    journal.post(hours_approved("approve", date(2026, 3, 31), shares))
    for member, share in shares.items():
        if share.member > 0:
            journal.post(payout("batch", date(2026, 4, 1), member, share.member))
    for posting in journal:
        assert posting.debits == posting.credits
    assert sum(trial_balance(journal).values()) == 0


work = st.tuples(st.just("work"), st.sampled_from(sorted(MEMBERS)),
                 st.integers(min_value=1, max_value=31), quarter_hours)
operations = st.lists(st.one_of(
    work, work,
    st.tuples(st.just("run")),
    st.tuples(st.just("pay"), st.sampled_from(["all", "half", "cent"])),
    st.tuples(st.just("credit"), st.booleans()),
    st.tuples(st.just("payout")),
    st.tuples(st.just("claim"), st.sampled_from(sorted(MEMBERS))),
    st.tuples(st.just("benefits")),
), min_size=8, max_size=30)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations, st.sampled_from(["0.00", "300.00", "100000.00"]),
       st.sampled_from(["0.00", "800.00", "100000.00"]))
def test_after_any_sequence_of_operations_the_books_balance(ops, guarantee, solidarity):
    uow = a_coop(guarantee_fund=guarantee, solidarity_fund=solidarity)
    today = date(2026, 4, 1)
    for member in MEMBERS:
        use_cases.join_solidarity_fund(uow, member, "750.00", date(2026, 1, 1), SETTINGS)
    for op in ops:
        today += timedelta(days=3)
        with contextlib.suppress(ServiceError):  # a refused request must change nothing
            _apply(uow, op, today)
        postings = uow.ledger.postings()
        assert all(p.debits == p.credits for p in postings)
        balances = trial_balance(postings)
        assert sum(balances.values()) == 0
        assert -balances.get(GUARANTEE_FUND, 0) >= 0
        assert -balances.get(SOLIDARITY_FUND, 0) >= 0
    numbers = [InvoiceNumber.parse(n) for n in uow.committed.invoices]
    assert is_gapless(numbers)
    kinds = {p.kind for p in uow.ledger.postings()}
    for kind in ("invoice_issued", "payment_received", "credit_note_issued", "payout",
                 "benefit_granted", "guarantee_repaid"):
        event(f"{kind}: {'yes' if kind in kinds else 'no'}")


def _apply(uow, op, today):
    kind = op[0]
    if kind == "work":
        _, member, day, hours = op
        client = MEMBERS[member]
        entries = use_cases.submit_hours(uow, member, contract_id(member, client),
                                         {date(2026, 3, day): hours})
        use_cases.approve_hours(uow, client.id, [e.id for e in entries], str(uuid.uuid4()))
    elif kind == "run":
        use_cases.run_monthly_invoicing(uow, Month(2026, 3), today, str(uuid.uuid4()),
                                        SETTINGS)
    elif kind == "pay":
        open_ = [r for r in uow.committed.receivables.values() if r.open_amount > 0]
        if open_:
            r = open_[0]
            amount = {"all": r.open_amount, "cent": Decimal("0.01"),
                      "half": max(Decimal("0.01"), (r.open_amount / 2).quantize(
                          Decimal("0.01")))}[op[1]]
            use_cases.register_payment(uow, r.invoice_number, str(uuid.uuid4()), amount, today)
    elif kind == "credit":
        invoices = [i for i in uow.committed.invoices.values() if not i.is_credit_note]
        if invoices:
            hours = None if op[1] else {1: "0.25"}
            use_cases.issue_credit_note(uow, invoices[0].number, "Correction", today,
                                        str(uuid.uuid4()), SETTINGS, hours)
    elif kind == "payout":
        use_cases.create_payout_batch(uow, str(uuid.uuid4()), today)
    elif kind == "claim":
        use_cases.file_claim(uow, op[1], today - timedelta(days=70), today, SETTINGS)
    elif kind == "benefits":
        use_cases.pay_benefits(uow, today, str(uuid.uuid4()), SETTINGS)
