"""The skill taxonomy: the shipped data file plus the skills operators added or changed
(a row with a shipped skill's slug is the coop's version of it, and wins)."""

import json
from datetime import UTC, datetime
from functools import cache
from importlib import resources

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.members.domain.skills import Skill, SkillCategory, Taxonomy
from services.members.models import skills

TAXONOMY_FILE = "skills.json"


@cache
def shipped_taxonomy() -> tuple[tuple[SkillCategory, ...], tuple[Skill, ...]]:
    """Categories and skills of `services/members/data/skills.json` (read once)."""
    text = resources.files("services.members.data").joinpath(TAXONOMY_FILE).read_text("utf-8")
    data = json.loads(text)
    categories = tuple(SkillCategory(c["slug"], c["name"], c["name_nl"])
                       for c in data["categories"])
    shipped = tuple(Skill(s["slug"], s["name"], s["category"], s.get("esco_uri"), s["name_nl"])
                    for s in data["skills"])
    return categories, shipped


class SqlSkillRepository:
    def __init__(self, session: Session):
        self.session = session

    def taxonomy(self) -> Taxonomy:
        categories, shipped = shipped_taxonomy()
        added = [Skill(row.slug, row.name, row.category, row.esco_uri, row.name_nl)
                 for row in self.session.execute(select(skills).order_by(skills.c.slug))]
        return Taxonomy(list(categories), [*shipped, *added])

    def add(self, skill: Skill) -> None:
        self.session.execute(insert(skills).values(
            slug=skill.slug, name=skill.name, name_nl=skill.name_nl, category=skill.category,
            esco_uri=skill.esco_uri, added_at=datetime.now(UTC),
        ))

    def put(self, skill: Skill) -> None:
        """A row overrides the shipped skill of the same slug (see `taxonomy`)."""
        self.session.execute(delete(skills).where(skills.c.slug == skill.slug))
        self.add(skill)
