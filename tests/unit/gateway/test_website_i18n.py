"""Every text of the website is in the Dutch and the English catalogue, translated."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from werkzeug.datastructures import LanguageAccept

from gateway.website.i18n import LANGUAGES, preferred_language, read_catalogue, translations

ROOT = Path(__file__).resolve().parents[3]
METHODS = [("gateway/website/**.py", "python"), ("gateway/routes/website.py", "python"),
           ("gateway/website/templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "N_": None}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def used_messages() -> set[str]:
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(ROOT), METHODS, keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_the_extraction_finds_the_texts_of_templates_and_code():
    used = used_messages()
    assert "Hire a Multitalent" in used            # a template
    assert "Too many requests" in used             # an error page (endpoint.py)
    assert "Enter the name of your organisation." in used  # a form error (form.py)
    assert len(used) > 80


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(lang):
    catalogue = read_catalogue(lang)
    translated = {message.id: message.string for message in catalogue
                  if message.id and not message.fuzzy}
    missing = sorted(m for m in used_messages() if not translated.get(m))
    assert missing == []
    unused = sorted(set(translated) - used_messages())
    assert unused == []
    for msgid, text in translated.items():
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(msgid)), msgid


def test_the_catalogues_compile_in_memory_and_dutch_differs_from_english():
    assert translations("nl").gettext("Hire a Multitalent") == "Huur een Multitalent in"
    assert translations("en").gettext("Hire a Multitalent") == "Hire a Multitalent"
    assert not list(ROOT.glob("gateway/website/translations/**/*.mo"))


def test_the_preferred_language_follows_accept_language_with_dutch_by_default():
    assert preferred_language(LanguageAccept([])) == "nl"
    assert preferred_language(LanguageAccept([("en-GB", 1), ("nl", 0.5)])) == "en"
    assert preferred_language(LanguageAccept([("de", 1)])) == "nl"
