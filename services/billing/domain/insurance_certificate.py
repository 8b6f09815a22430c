"""A certificate of coverage: what it states (`Certificate`: the policies in force for a
member on a day) and that as an HTML page and as a PDF.

The documents are pure functions (certificate in, document out), like `html_invoice.py`:
`string.Template` with every value HTML-escaped. The PDF (fpdf2, built-in Helvetica) says the same:
the member's name, each policy in force on the day with its insurer, coverage and
period, the date of issue and the coop's name. A member with no policy in force on
the day gets a certificate that says so (a client asking for one learns the truth
either way).
"""

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from html import escape
from string import Template

from fpdf import FPDF

from services.billing.domain.insurance_enrolments import Enrolment
from services.billing.domain.insurance_policies import KIND_NAMES, Policy
from services.billing.domain.money import total


@dataclass(frozen=True)
class CoveredPolicy:
    policy: Policy
    enrolment: Enrolment


@dataclass(frozen=True)
class Certificate:
    """What a certificate of coverage states: on `on`, the member is covered by `covered`."""

    member_id: str
    member_name: str | None
    on: date
    issued_on: date
    coop_name: str
    covered: tuple[CoveredPolicy, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, member_id: str, member_name: str | None, on: date, issued_on: date,
           coop_name: str, enrolments: Iterable[Enrolment],
           policies: Mapping[str, Policy]) -> "Certificate":
        covered = tuple(CoveredPolicy(policies[e.policy_id], e)
                        for e in sorted(enrolments, key=lambda e: (e.kind, e.starts_on))
                        if e.in_force_on(on))
        return cls(member_id, member_name, on, issued_on, coop_name, covered)

    @property
    def monthly_premiums(self) -> Decimal:
        return total(c.policy.monthly_premium for c in self.covered)


_PAGE = Template("""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<title>Verzekeringsbewijs / Certificate of coverage</title>
<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}
table{border-collapse:collapse;width:100%}td,th{padding:.3em;border-bottom:1px solid #ccc;
text-align:left;vertical-align:top}</style>
</head><body>
<h1>Verzekeringsbewijs / Certificate of coverage</h1>
<p>$coop_name verklaart dat / declares that <strong>$member_name</strong>
(lid / member $member_id) op / on $on $statement</p>
$policies
<p>Afgegeven op / Issued on $issued_on door / by $coop_name.</p>
</body></html>
""")

_COVERED = "verzekerd is via de collectieve verzekeringen van de coöperatie / is insured " \
           "through the coop's collective policies:"
_NOT_COVERED = "niet verzekerd is via de collectieve verzekeringen van de coöperatie / is " \
               "not insured through any of the coop's collective policies."


def _period(covered: CoveredPolicy) -> str:
    enrolment = covered.enrolment
    end = enrolment.ends_on.isoformat() if enrolment.ends_on else "tot nader order / until " \
                                                                  "further notice"
    return f"{enrolment.starts_on.isoformat()} – {end}"


def _coverage(covered: CoveredPolicy) -> str:
    amount = covered.policy.insured_amount
    text = covered.policy.coverage
    return f"{text} (verzekerd bedrag / insured amount € {amount})" if amount else text


def _name(certificate: Certificate) -> str:
    return certificate.member_name or "(naam onbekend / name unknown)"


def certificate_html(certificate: Certificate) -> str:
    e = _escaped
    rows = "\n".join(
        f"<tr><td>{e(c.policy.name)}<br><small>{e(KIND_NAMES[c.policy.kind])}</small></td>"
        f"<td>{e(c.policy.insurer)}</td><td>{e(_coverage(c))}</td><td>{e(_period(c))}</td>"
        f"<td>{e(c.policy.conditions)}</td></tr>" for c in certificate.covered)
    policies = "" if not certificate.covered else (
        "<table><thead><tr><th>Polis / Policy</th><th>Verzekeraar / Insurer</th>"
        "<th>Dekking / Coverage</th><th>Periode / Period</th><th>Voorwaarden / Conditions"
        f"</th></tr></thead><tbody>\n{rows}\n</tbody></table>")
    return _PAGE.substitute(
        coop_name=e(certificate.coop_name), member_name=e(_name(certificate)),
        member_id=e(certificate.member_id), on=e(certificate.on.isoformat()),
        statement=_COVERED if certificate.covered else _NOT_COVERED, policies=policies,
        issued_on=e(certificate.issued_on.isoformat()))


def certificate_pdf(certificate: Certificate) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title("Certificate of coverage")
    pdf.set_author(_latin1(certificate.coop_name))
    pdf.add_page()
    width = pdf.epw

    def write(text: str, size: int = 11, style: str = "") -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(width, 6, _latin1(text), new_x="LMARGIN", new_y="NEXT")

    write("Verzekeringsbewijs / Certificate of coverage", 16, "B")
    pdf.ln(4)
    write(f"{certificate.coop_name} verklaart dat / declares that {_name(certificate)} "
          f"(lid / member {certificate.member_id}) op / on {certificate.on.isoformat()} "
          + (_COVERED if certificate.covered else _NOT_COVERED).replace("€", "EUR"))
    for covered in certificate.covered:
        pdf.ln(3)
        write(f"{covered.policy.name} ({KIND_NAMES[covered.policy.kind]})", 12, "B")
        write(f"Verzekeraar / Insurer: {covered.policy.insurer}")
        write(f"Dekking / Coverage: {_coverage(covered)}".replace("€", "EUR"))
        write(f"Periode / Period: {_period(covered)}")
        if covered.policy.conditions:
            write(f"Voorwaarden / Conditions: {covered.policy.conditions}", 9)
    pdf.ln(6)
    write(f"Afgegeven op / Issued on {certificate.issued_on.isoformat()} door / by "
          f"{certificate.coop_name}.")
    return bytes(pdf.output())


def _escaped(value) -> str:
    return escape(str(value))


def _latin1(text: str) -> str:
    """The PDF's built-in font holds Latin-1: other characters are approximated or '?'."""
    text = text.replace("–", "-").replace("€", "EUR")
    normalised = unicodedata.normalize("NFKC", text)
    return normalised.encode("latin-1", "replace").decode("latin-1")
