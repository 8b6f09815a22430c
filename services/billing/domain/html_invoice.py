"""An issued invoice or credit note as a readable HTML page, with every mandatory field.

A pure function (invoice in, text out) with `string.Template`; every value from
the document is HTML-escaped. The page prints well, so it doubles as the PDF
source for whoever needs one (a browser's "print to PDF").
"""

from decimal import Decimal
from html import escape
from string import Template

from services.billing.domain.invoice import Invoice
from services.billing.domain.vat import CATEGORY_NAMES

_PAGE = Template("""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>$title $number</title>
<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}
table{border-collapse:collapse;width:100%}td,th{padding:.3em;border-bottom:1px solid #ccc}
.amount{text-align:right}.parties{display:flex;justify-content:space-between}</style>
</head><body>
<h1>$title $number</h1>
<div class="parties">
<div><h2>Van / From</h2><p>$supplier_name<br>$supplier_address<br>
Btw-id / VAT id: $supplier_vat_id<br>KvK: $supplier_kvk</p></div>
<div><h2>Aan / To</h2><p>$customer_name<br>$customer_address$customer_ids</p></div>
</div>
<p>Factuurdatum / Invoice date: $issue_date<br>$due_line
Periode / Supply period: $period_start – $period_end<br>Project: $project$reference</p>
<table><thead><tr><th>Omschrijving / Description</th><th class="amount">Uren / Hours</th>
<th class="amount">Tarief / Unit price</th><th class="amount">Btw / VAT</th>
<th class="amount">Netto / Net</th></tr></thead><tbody>
$lines
</tbody></table>
<table><tbody>
$subtotals
<tr><th>Totaal excl. btw / Total excl. VAT</th><td class="amount">€ $net_total</td></tr>
<tr><th>Btw / VAT</th><td class="amount">€ $vat_total</td></tr>
<tr><th>Totaal / Total</th><td class="amount">€ $gross_total</td></tr>
</tbody></table>
$note
<p>Betaal naar / Pay to $supplier_iban t.n.v. $supplier_name o.v.v. $number.</p>
</body></html>
""")


def invoice_html(invoice: Invoice) -> str:
    e = _escaped
    coop, client = invoice.supplier, invoice.customer
    customer_ids = ""
    if client.vat_id:
        customer_ids += f"<br>Btw-id / VAT id: {e(client.vat_id)}"
    if client.kvk_number:
        customer_ids += f"<br>KvK: {e(client.kvk_number)}"
    reference = ""
    if invoice.is_credit_note:
        reference = (f"<br>Crediteert factuur / Credits invoice {e(invoice.credited_invoice)} "
                     f"({e(invoice.credited_invoice_date)}): {e(invoice.reason)}")
    due_line = "" if invoice.is_credit_note else (
        f"Vervaldatum / Due date: {e(invoice.due_date)}<br>")
    lines = "\n".join(
        f"<tr><td>{e(line.description)}</td><td class=\"amount\">{e(line.quantity)}</td>"
        f"<td class=\"amount\">€ {e(line.unit_price)}</td>"
        f"<td class=\"amount\">{_rate(line.vat_category, line.vat_rate)}</td>"
        f"<td class=\"amount\">€ {e(line.net)}</td></tr>" for line in invoice.lines)
    subtotals = "\n".join(
        f"<tr><th>{_rate(s.category, s.rate)}: grondslag / taxable € {e(s.taxable_amount)}"
        f"</th><td class=\"amount\">btw / VAT € {e(s.vat_amount)}</td></tr>"
        for s in invoice.vat_subtotals)
    return _PAGE.substitute(
        title="Creditnota / Credit note" if invoice.is_credit_note else "Factuur / Invoice",
        number=e(invoice.number), supplier_name=e(coop.name),
        supplier_address=_address(coop.address), supplier_vat_id=e(coop.vat_id),
        supplier_kvk=e(coop.kvk_number), supplier_iban=e(coop.iban),
        customer_name=e(client.name), customer_address=_address(client.address),
        customer_ids=customer_ids, issue_date=e(invoice.issue_date), due_line=due_line,
        period_start=e(invoice.period_start), period_end=e(invoice.period_end),
        project=e(invoice.project_id), reference=reference, lines=lines, subtotals=subtotals,
        net_total=e(invoice.net_total), vat_total=e(invoice.vat_total),
        gross_total=e(invoice.gross_total),
        note=f"<p><strong>{e(invoice.note)}</strong></p>" if invoice.note else "",
    )


def _escaped(value) -> str:
    return escape(str(value))


def _address(address) -> str:
    return "<br>".join(escape(part) for part in (*address.lines(), address.country))


def _rate(category: str, rate: Decimal) -> str:
    if category in ("S", "Z"):
        return f"{rate.normalize():f}%"
    return escape(CATEGORY_NAMES[category])
