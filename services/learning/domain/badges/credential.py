"""A verified skill as an Open Badges 3.0 credential (a W3C Verifiable Credential 2.0).

The achievement is the skill at a level (`urn:multitalent:skill:<slug>:level:<n>`),
with the five levels as a rubric and the member's level as the result; the issuer
is the coop (its did:key); the subject is the member (`urn:uuid:<member id>`,
named by their public name); the evidence is the endorsements that verified it,
without who gave them (a member's word to the coop is not published with it).
"""

from dataclasses import dataclass
from datetime import datetime

from services.learning.domain.endorsements import CLIENT, Endorsement

CONTEXT = ["https://www.w3.org/ns/credentials/v2",
           "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
TYPES = ["VerifiableCredential", "OpenBadgeCredential"]
LEVEL_NAMES = {1: "Beginner", 2: "Advanced beginner", 3: "Competent", 4: "Proficient",
               5: "Expert"}
CRITERIA = ("Verified by the coop's rule: at least two endorsements at this level or higher "
            "from distinct members who worked with the member on an assignment or mentored "
            "them (each endorsing at most their own level), or one such member and one "
            "client through a project check-in.")


@dataclass(frozen=True)
class Issuer:
    id: str  # the coop's did:key
    name: str
    url: str | None = None


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def achievement_id(skill: str, level: int) -> str:
    return f"urn:multitalent:skill:{skill}:level:{level}"


def _achievement(skill: str, level: int) -> dict:
    rubric = f"urn:multitalent:skill:{skill}:levels"
    return {
        "id": achievement_id(skill, level),
        "type": ["Achievement"],
        "achievementType": "Competency",
        "name": f"{skill} — level {level} ({LEVEL_NAMES[level]})",
        "description": f"Verified level {level} of 5 in {skill}, as judged by peers and "
                       "clients of the cooperative.",
        "criteria": {"narrative": CRITERIA},
        "tag": [skill],
        "resultDescription": [{
            "id": rubric,
            "type": ["ResultDescription"],
            "name": "Level",
            "resultType": "RubricCriterionLevel",
            "rubricCriterionLevel": [
                {"id": f"{rubric}:{n}", "type": ["RubricCriterionLevel"], "name": name,
                 "level": str(n)}
                for n, name in LEVEL_NAMES.items()
            ],
        }],
    }


def _evidence(endorsement: Endorsement) -> dict:
    by = "a client, in a project check-in" if endorsement.endorser_kind == CLIENT else (
        "a fellow member of the cooperative")
    return {
        "id": f"urn:uuid:{endorsement.id}",
        "type": ["Evidence"],
        "name": f"Endorsement at level {endorsement.level}",
        "description": f"Endorsed at level {endorsement.level} by {by} on "
                       f"{endorsement.given_at.date().isoformat()}.",
    }


def unsigned_credential(badge_id: str, issuer: Issuer, member_id: str, member_name: str,
                        skill: str, level: int, evidence: list[Endorsement],
                        issued_at: datetime) -> dict:
    issuer_profile = {"id": issuer.id, "type": ["Profile"], "name": issuer.name}
    if issuer.url:
        issuer_profile["url"] = issuer.url
    rubric = f"urn:multitalent:skill:{skill}:levels"
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{badge_id}",
        "type": TYPES,
        "name": f"{skill}, level {level}",
        "issuer": issuer_profile,
        "validFrom": _utc(issued_at),
        "credentialSubject": {
            "id": f"urn:uuid:{member_id}",
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                            "identityHash": member_name}],
            "achievement": _achievement(skill, level),
            "result": [{"type": ["Result"], "resultDescription": rubric,
                        "achievedLevel": f"{rubric}:{level}"}],
        },
        "evidence": [_evidence(e) for e in evidence],
    }


def badge_id_of(credential: dict) -> str | None:
    """The badge id in a presented credential's `id` (`urn:uuid:<id>`), if it has one."""
    identifier = credential.get("id")
    if isinstance(identifier, str) and identifier.startswith("urn:uuid:"):
        return identifier.removeprefix("urn:uuid:")
    return None
