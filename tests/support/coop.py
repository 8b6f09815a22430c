"""A small coop built through the members and matching services' own RPC: skills of a
test's own, active members with capacity and a rate, client organisations, projects."""

import uuid
from datetime import date
from decimal import Decimal

from tests.support.waiting import eventually

TODAY = date.today()


class Coop:
    """Builds the coop a test needs, through the services' own RPC."""

    def __init__(self, rpc):
        self.rpc = rpc

    def new_skill(self) -> str:
        """A skill of this test's own, so other tests' members never join its pool."""
        slug = f"craft-{uuid.uuid4().hex[:10]}"
        self.rpc.members.add_skill({"slug": slug, "name": slug, "category": "software"})
        return slug

    def member(self, name: str, skills: dict[str, int], hours="40", rate="80.00",
               grow=()) -> str:
        details = {"name": name, "email": f"{name.lower()}-{uuid.uuid4().hex[:8]}@example.nl",
                   "kvk_number": "70000001", "btw_id": "NL100023757B01",
                   "iban": "NL91ABNA0417164300", "hourly_rate": rate}
        member = self.rpc.members.create_member(details)
        active = self.rpc.members.list_members({"status": "active", "limit": 2})["items"]
        if len(active) == 2:
            for sponsor in active:
                self.rpc.members.sponsor_applicant(member["id"], sponsor["id"],
                                                   TODAY.isoformat(), "Coffee.")
        self.rpc.members.activate_member(member["id"])
        self.rpc.members.set_skills(member["id"], [
            {"skill": skill, "level": level, "wants_to_grow": skill in grow}
            for skill, level in skills.items()])
        self.rpc.members.change_capacity(member["id"], {"default_weekly_hours": hours})
        self.wait_until_known(member["id"], skills, hours)
        return member["id"]

    def wait_until_known(self, member_id: str, skills, hours: str) -> None:
        """Until matching's read model has the member's status, skills and hours."""
        def known():
            candidate = self.rpc.matching.get_candidate(member_id)
            week = self.rpc.matching.candidate_availability(member_id, "2027-W02", "2027-W02")
            return (candidate["status"] == "active"
                    and {s["skill"] for s in candidate["skills"]} == set(skills)
                    and Decimal(week["weeks"][0]["hours"]) == Decimal(hours))
        eventually(known, timeout=10)

    def client(self, name="Acme BV") -> str:
        return self.rpc.matching.create_client({
            "name": name, "country": "NL", "vat_id": "NL004495445B01",
            "address": {"street": "Keizersgracht 1", "postal_code": "1015 CJ",
                        "city": "Amsterdam"},
            "contact": {"name": "Ilse de Boer", "email": "ilse@acme.nl"}})["id"]

    def project(self, client_id: str, roles: list[dict], **overrides) -> dict:
        return self.rpc.matching.create_project({
            "client_id": client_id, "title": "Webshop", "starts_on": "2027-01-04",
            "ends_on": "2027-02-26", "roles": roles, **overrides})
