"""Skill and category names in the visitor's language.

The members service names every skill and category in English (`name`) and in Dutch
(`name_nl`; for a skill an operator added without a Dutch name that is the English name).
Dutch pages show `name_nl`, English pages `name`; an entry without a usable Dutch name (an
older members service, an empty value) is shown by its English name.
"""

import unicodedata


def name_in(entry: dict, lang: str) -> str:
    """The name of a skill or category for a page in `lang`."""
    if lang != "en":
        localised = entry.get(f"name_{lang}")
        if isinstance(localised, str) and localised.strip():
            return localised
    return entry["name"]


def _sort_key(label: str) -> str:
    """Alphabetical as a reader expects it: no difference for case or accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", label.casefold())
                   if not unicodedata.combining(c))


def localised_taxonomy(taxonomy: dict, lang: str) -> dict:
    """The members service's `list_skills` answer for pages in `lang`: skill slug → the skill
    with its `label`, in alphabetical order of the labels, and the categories (in the
    catalogue's order) with theirs."""
    skills = [{**skill, "label": name_in(skill, lang)} for skill in taxonomy["skills"]]
    skills.sort(key=lambda skill: (_sort_key(skill["label"]), skill["slug"]))
    return {"skills": {skill["slug"]: skill for skill in skills},
            "categories": [{**category, "label": name_in(category, lang)}
                           for category in taxonomy["categories"]]}
