"""Checking a presented credential: the coop's signature, then whether it was revoked.

Never raises for what someone presents: any malformed input is an answer
`verified: false` with the reason.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from services.learning.domain.badges import proof
from services.learning.domain.badges.credential import badge_id_of


@dataclass(frozen=True)
class CheckResult:
    verified: bool
    reason: str | None = None
    badge_id: str | None = None


def check_signature(credential, keys: Iterable[proof.VerifyingKey]) -> CheckResult:
    if not isinstance(credential, dict):
        return CheckResult(False, "The credential is not a JSON object.")
    try:
        proof.verify(credential, keys)
    except proof.ProofError as error:
        return CheckResult(False, str(error))
    except RecursionError:
        return CheckResult(False, "The credential is nested too deeply to be one of ours.")
    badge_id = badge_id_of(credential)
    if badge_id is None:
        return CheckResult(False, "The credential has no urn:uuid id.")
    return CheckResult(True, None, badge_id)


def check_revocation(signed: CheckResult, revoked_at: datetime | None,
                     reason: str | None, known: bool) -> CheckResult:
    if not known:
        return CheckResult(False, "This coop has no record of the badge.", signed.badge_id)
    if revoked_at is not None:
        return CheckResult(False, f"The badge was revoked on {revoked_at.date().isoformat()}: "
                                  f"{reason or 'no reason given'}", signed.badge_id)
    return signed
