"""Billing's domain. Plain Python: no nameko, SQLAlchemy or marshmallow.

Where to find what:
    money.py, period.py          euro amounts (Decimal, half-up to the cent), months, quarters
    vat.py, vat_treatment.py     Dutch rates, VAT per rate, domestic / reverse charge / outside EU
    contract.py, timesheet.py    assignments as contracts; hours, approval, locking
    member_share.py, open_work.py  net → coop fee, development fund, member (rounding order)
    invoice.py, credit_note.py, invoice_requirements.py, receivable.py   the documents, status
    numbering.py                 gapless yearly numbers (and the adapter's locking contract)
    accounts.py, posting.py, journal.py, postings.py   the double-entry ledger
    coop_settings.py, guarantee.py, solidarity.py, payout.py   the coop's money rules
    ubl_export.py, sepa_export.py, html_invoice.py, reports.py   pure exports and reports
    purchase_vat.py              VAT on what partner coops invoice us (return boxes 4a, 4b)
    insurance_policies.py, insurance_enrolments.py, insurance_membership.py,
    insurance_premiums.py, insurance_certificate.py, insurance_events.py   collective insurance
    events.py, errors.py, ports.py, use_cases/   what the service adapter wires
"""
