"""The public directory: members who opted in to be found by anyone, and the coop's figures.

Only an *active* member who set `listed_in_directory` is shown (`Member.in_directory`):
a suspended member, one who left or an applicant disappears from the website at once,
and comes back (if still opted in) when active again.

A search text is split into words; a member matches when every word is found in their
name, introduction or city, or in the English or Dutch name of one of their skills
(case-insensitive).
"""

from dataclasses import dataclass

from services.members.domain.skills import Taxonomy

MAX_SEARCH_WORDS = 8


@dataclass(frozen=True)
class SearchTerm:
    """One word of a search, and the slugs of the skills whose name holds it."""

    word: str
    skills: tuple[str, ...]


@dataclass(frozen=True)
class DirectoryPage:
    items: list  # of Member
    next_cursor: str | None
    total: int  # how many members match, on every page


@dataclass(frozen=True)
class CoopFigures:
    active_members: int
    skills_covered: int  # distinct skills (declared or verified) of active members


def search_terms(text: str | None, taxonomy: Taxonomy) -> list[SearchTerm]:
    """The words of `text` (at most `MAX_SEARCH_WORDS`), each with the skills it names."""
    words = list(dict.fromkeys((text or "").lower().split()))[:MAX_SEARCH_WORDS]
    return [SearchTerm(word, tuple(skill.slug for skill in taxonomy.skills() if skill.named(word)))
            for word in words]


def matches(member, terms: list[SearchTerm]) -> bool:
    """Whether `member` matches every term (the rule the repository's query follows)."""
    haystack = " ".join((member.name, member.introduction or "", member.city or "")).lower()
    return all(term.word in haystack or set(term.skills) & set(member.skills)
               for term in terms)
