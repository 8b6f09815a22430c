"""The payout batch as a SEPA credit transfer file (pain.001.001.03), made with sepaxml.

A pure function: a batch and the coop in, bytes out. Every transfer's amount is
the batch line's amount (converted to integer cents, never through float), so the
file equals the ledger's payout postings to the cent; sepaxml validates the file
against the pain.001 XSD before it is returned. The message id, creation time and
payment-information id are the batch's own (sepaxml would use random ones and the
clock), so exporting a batch twice gives the same file.
"""

from datetime import datetime, time

from lxml import etree
from sepaxml import SepaTransfer

from services.billing.domain.errors import PayoutBatchHasNoTransfers
from services.billing.domain.money import CENT
from services.billing.domain.parties import CoopParty
from services.billing.domain.payout import PayoutBatch

SCHEMA = "pain.001.001.03"
NAMESPACE = f"urn:iso:std:iso:20022:tech:xsd:{SCHEMA}"


def pain001(batch: PayoutBatch, coop: CoopParty) -> bytes:
    if not batch.transfers:
        raise PayoutBatchHasNoTransfers(batch.id)
    config = {"name": coop.name, "IBAN": coop.iban, "batch": True, "currency": "EUR"}
    if coop.bic:
        config["BIC"] = coop.bic
    sepa = SepaTransfer(config, schema=SCHEMA, clean=True)
    for line in batch.transfers:
        sepa.add_payment({
            "name": line.name,
            "IBAN": line.iban,
            "amount": int(line.amount / CENT),  # exact: amounts are whole cents
            "execution_date": batch.execution_date,
            "description": f"Multitalent payout {batch.execution_date.isoformat()}",
            "endtoend_id": line.end_to_end_id,
        })
    return _with_batch_ids(sepa.export(validate=True), batch)


def _with_batch_ids(xml: bytes, batch: PayoutBatch) -> bytes:
    root = etree.fromstring(xml)
    ns = {"p": NAMESPACE}
    message_id = batch.id.replace("-", "")[:35]
    root.find("p:CstmrCdtTrfInitn/p:GrpHdr/p:MsgId", ns).text = message_id
    created = datetime.combine(batch.execution_date, time(0, 0))
    root.find("p:CstmrCdtTrfInitn/p:GrpHdr/p:CreDtTm", ns).text = created.isoformat()
    for index, node in enumerate(root.iterfind("p:CstmrCdtTrfInitn/p:PmtInf/p:PmtInfId", ns)):
        node.text = f"{message_id[:30]}-{index + 1}"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
