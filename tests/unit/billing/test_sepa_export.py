from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from services.billing.domain.errors import PayoutBatchHasNoTransfers
from services.billing.domain.payout import MemberPosition, plan_payout_batch
from services.billing.domain.sepa_export import NAMESPACE, pain001
from tests.unit.billing.builders import COOP, MEMBER_IBANS

D = Decimal
NS = {"p": NAMESPACE}


def batch():
    positions = [MemberPosition("anouk", "Anouk de Vriës", MEMBER_IBANS["anouk"], D("749.00"),
                                D("0"), D("0")),
                 MemberPosition("bram", "Bram Jansen", "nl20 ingb 0001 2345 67", D("621.63"),
                                D("0"), D("0")),
                 MemberPosition("chris", "Chris Müller", MEMBER_IBANS["chris"], D("0.01"),
                                D("0"), D("0"))]
    return plan_payout_batch("4f1c0d7e-2026-0421-aaaa-bbbbccccdddd", date(2026, 4, 21),
                             positions, D("0"))


def test_every_transfer_in_the_file_is_the_batch_line_to_the_cent():
    b = batch()
    root = etree.fromstring(pain001(b, COOP))
    transfers = [(node.findtext("p:CdtrAcct/p:Id/p:IBAN", namespaces=NS),
                  D(node.findtext("p:Amt/p:InstdAmt", namespaces=NS)),
                  node.find("p:Amt/p:InstdAmt", NS).get("Ccy"))
                 for node in root.iterfind(".//p:CdtTrfTxInf", NS)]
    assert transfers == [("NL91ABNA0417164300", D("749.00"), "EUR"),
                         ("NL20INGB0001234567", D("621.63"), "EUR"),
                         ("DE89370400440532013000", D("0.01"), "EUR")]
    # 749.00 + 621.63 + 0.01 = 1,370.64 in the header and the payment block
    assert root.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS) == "1370.64"
    assert root.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=NS) == "3"
    assert D(root.findtext(".//p:PmtInf/p:CtrlSum", namespaces=NS)) == b.total


def test_the_coop_pays_from_its_own_account_on_the_execution_date():
    root = etree.fromstring(pain001(batch(), COOP))
    assert root.findtext(".//p:DbtrAcct/p:Id/p:IBAN", namespaces=NS) == COOP.iban
    assert root.findtext(".//p:ReqdExctnDt", namespaces=NS) == "2026-04-21"


def test_names_are_transliterated_for_the_bank():
    root = etree.fromstring(pain001(batch(), COOP))
    names = [n.text for n in root.iterfind(".//p:Cdtr/p:Nm", NS)]
    assert names == ["Anouk de Vries", "Bram Jansen", "Chris Muller"]


def test_the_same_batch_gives_the_same_file():
    assert pain001(batch(), COOP) == pain001(batch(), COOP)


def test_a_batch_without_transfers_makes_no_file():
    empty = plan_payout_batch("b0", date(2026, 4, 21), [], D("0"))
    with pytest.raises(PayoutBatchHasNoTransfers):
        pain001(empty, COOP)
