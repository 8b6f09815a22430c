"""Languages of the website and their message catalogues.

The catalogues are the `.po` files under `translations/<lang>/LC_MESSAGES/`; they are
compiled in memory when a gateway starts (no `.mo` files in the repository). Message ids
are the English texts; `en` translates them to themselves so that a reviewer can change the
English wording without touching the templates.
"""

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
TRANSLATIONS = Path(__file__).with_name("translations")
DOMAIN = "messages"


def N_(message: str) -> str:
    """Marks a message id for extraction (`pybabel extract -k N_`); translated when shown."""
    return message


def catalogue_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(lang: str) -> Catalog:
    with catalogue_path(lang).open("rb") as file:
        return read_po(file, locale=lang, domain=DOMAIN)


@cache
def translations(lang: str) -> gettext.GNUTranslations:
    """The catalogue of `lang`, compiled in memory (fuzzy entries are left out)."""
    compiled = BytesIO()
    write_mo(compiled, read_catalogue(lang))
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def preferred_language(accept_languages) -> str:
    """The best of our languages for a werkzeug `Accept-Language` header; Dutch by default.

    Compares primary tags in the visitor's order of preference: `en-GB, nl;q=0.5` is
    English (werkzeug's `best_match` would pick the exact match `nl` first)."""
    for tag, quality in accept_languages:  # highest quality first
        primary = tag.split("-")[0].split("_")[0].lower()
        if quality > 0 and primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE
