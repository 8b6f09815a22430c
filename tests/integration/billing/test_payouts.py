"""Payout batches with the real members service: its bank details in, a pain.001 out, and
every amount in the file equal to the ledger's."""

import uuid
from decimal import Decimal

import pytest
from lxml import etree
from nameko.containers import ServiceContainer
from nameko.standalone.rpc import ClusterRpcProxy

from infra.errors import Conflict, NotFound
from services.billing.models import postings
from services.billing.service import BillingService
from services.members.service import MembersService
from tests.support.broker import fresh_vhost

SEPA = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


@pytest.fixture
def members(run_services, rpc, billing):
    run_services(MembersService)
    return rpc.members


def a_member(members, name: str, iban: str) -> dict:
    return members.create_member({
        "name": name, "email": f"{uuid.uuid4().hex[:10]}@example.nl", "kvk_number": "70000001",
        "btw_id": "NL100023757B01", "iban": iban, "hourly_rate": "85.00"})


def transfers(xml: str) -> dict[str, Decimal]:
    """IBAN → amount of every transfer in a pain.001 file."""
    root = etree.fromstring(xml.encode())
    return {node.findtext("p:CdtrAcct/p:Id/p:IBAN", namespaces=SEPA):
            Decimal(node.findtext("p:Amt/p:InstdAmt", namespaces=SEPA))
            for node in root.iterfind(".//p:CdtTrfTxInf", SEPA)}


def payout_debits(statement: dict) -> list[str]:
    return [line["debit"] for line in statement["lines"] if line["kind"] == "payout"]


def test_a_payout_batch_pays_what_the_ledger_owes_and_the_file_says_the_same(
        coop, billing, members, tap, count_rows):
    anouk = a_member(members, "Anouk de Vries", "NL91 ABNA 0417 1643 00")
    bram = a_member(members, "Bram Jansen", "NL20INGB0001234567")
    client_id = coop.client()
    paid_by_client = coop.contract(client_id, member_id=anouk["id"], rate="85.00")
    not_yet_invoiced = coop.contract(client_id, member_id=bram["id"], rate="85.33")
    coop.approved_hours(paid_by_client, {2: "8", 3: "2"})  # member share 799.00
    (number,) = [i["number"] for i in billing.run_monthly_invoicing(
        {"month": f"{coop.year}-03", "issue_date": coop.issue_date()})["issued"]]
    billing.register_payment(number, {"payment_id": f"bank-{number}", "amount": "1028.50",
                                      "paid_on": coop.issue_date(day=10)})
    coop.approved_hours(not_yet_invoiced, {4: "7.75"}, month=4)  # member share 621.63
    billing.contribute_to_fund({"fund": "guarantee_fund", "amount": "1000.00"})

    batch_id = str(uuid.uuid4())
    batch = billing.create_payout_batch({"batch_id": batch_id,
                                         "execution_date": coop.issue_date(day=21)})
    lines = {line["member_id"]: line for line in batch["lines"]}
    assert (lines[anouk["id"]]["amount"], lines[anouk["id"]]["advance"]) == ("799.00", "0.00")
    # Bram's client has not paid yet: the guarantee fund advances his share
    assert (lines[bram["id"]]["amount"], lines[bram["id"]]["advance"]) == ("621.63", "621.63")
    assert "iban" not in lines[anouk["id"]]

    file = billing.export_payout_batch(batch_id)
    in_file = transfers(file["content"])
    assert (in_file["NL91ABNA0417164300"], in_file["NL20INGB0001234567"]) == (
        Decimal("799.00"), Decimal("621.63"))
    for member, iban in ((anouk, "NL91ABNA0417164300"), (bram, "NL20INGB0001234567")):
        statement = billing.get_member_statement(member["id"])
        assert payout_debits(statement) == [f"{in_file[iban]:.2f}"]
        assert statement["lines"][-1]["balance"] == "0.00"
    (event,) = tap.wait_for("payout_batch_created", batch_id=batch_id)
    paid = {p["member_id"]: p["amount"] for p in event["data"]["payouts"]}
    assert (paid[anouk["id"]], paid[bram["id"]]) == ("799.00", "621.63")
    assert "NL91ABNA0417164300" not in str(event)

    made = count_rows(postings)
    assert billing.create_payout_batch({"batch_id": batch_id}) == batch
    assert count_rows(postings) == made
    mine = billing.list_member_payouts(anouk["id"])
    assert [(p["batch_id"], p["amount"]) for p in mine["items"]] == [(batch_id, "799.00")]
    assert billing.get_trial_balance()["total"] == "0.00"


def test_a_batch_without_transfers_has_no_bank_file(billing, members):
    """Every member the members service knows has been paid in full by the other tests;
    the others' money waits (no payee), so this batch transfers nothing."""
    batch = billing.create_payout_batch({"execution_date": "2031-01-05"})
    assert batch["transfers"] == 0
    with pytest.raises(Conflict) as raised:
        billing.export_payout_batch(batch["batch_id"])
    assert raised.value.rule == "PayoutBatchHasNoTransfers"
    with pytest.raises(NotFound):
        billing.get_payout_batch(str(uuid.uuid4()))


def test_no_batch_is_made_while_the_members_service_does_not_answer(coop, count_rows,
                                                                   nameko_config):
    contract = coop.contract(coop.client())
    coop.approved_hours(contract, {2: "1"})
    made = count_rows(postings)
    with fresh_vhost() as (_, uri):  # a broker where no members service runs
        config = {**nameko_config, "AMQP_URI": uri}
        container = ServiceContainer(BillingService, config)
        container.start()
        try:
            with ClusterRpcProxy(config, timeout=20) as alone, \
                    pytest.raises(Conflict) as raised:
                alone.billing.create_payout_batch({})
        finally:
            container.kill()
    assert raised.value.rule == "MembersServiceDidNotAnswer"
    assert count_rows(postings) == made
