"""Skill and category names in the page's language: Dutch pages show `name_nl`, English pages
`name`, and a skill without a Dutch name is shown by its English one — always escaped."""

import lxml.html
import pytest

from gateway.website.pages import Pages
from gateway.website.skill_names import localised_taxonomy, name_in

TAXONOMY = {
    "categories": [{"slug": "software", "name": "Software development",
                    "name_nl": "Softwareontwikkeling"},
                   {"slug": "data", "name": "Data and analytics", "name_nl": "Data en analyse"}],
    "skills": [
        {"slug": "data-analysis", "name": "Data analysis", "name_nl": "Data-analyse",
         "category": "data", "esco_uri": None},
        {"slug": "machine-learning", "name": "Machine learning", "name_nl": "Machinaal leren",
         "category": "data", "esco_uri": None},
        {"slug": "statistics", "name": "Statistics", "name_nl": "Statistiek",
         "category": "data", "esco_uri": None},
        {"slug": "python", "name": "Python", "name_nl": "Python", "category": "software",
         "esco_uri": None},
        {"slug": "crochet", "name": "Crochet <b>hooks</b>", "name_nl": None,
         "category": "software", "esco_uri": None},
        {"slug": "eerlijk-delen", "name": "Fair sharing", "name_nl": "Éérlijk delen",
         "category": "software", "esco_uri": None},
    ],
}


@pytest.mark.parametrize("entry, lang, expected", [
    ({"name": "Data analysis", "name_nl": "Data-analyse"}, "nl", "Data-analyse"),
    ({"name": "Data analysis", "name_nl": "Data-analyse"}, "en", "Data analysis"),
    ({"name": "Crochet", "name_nl": None}, "nl", "Crochet"),
    ({"name": "Crochet", "name_nl": "  "}, "nl", "Crochet"),
    ({"name": "Crochet"}, "nl", "Crochet"),  # from a members service without Dutch names
])
def test_the_name_is_chosen_by_the_pages_language(entry, lang, expected):
    assert name_in(entry, lang) == expected


def test_the_taxonomy_is_labelled_and_sorted_in_the_pages_language():
    dutch = localised_taxonomy(TAXONOMY, "nl")
    assert [c["label"] for c in dutch["categories"]] == ["Softwareontwikkeling",
                                                         "Data en analyse"]
    data = [s["label"] for s in dutch["skills"].values() if s["category"] == "data"]
    assert data == ["Data-analyse", "Machinaal leren", "Statistiek"]
    software = [s["label"] for s in dutch["skills"].values() if s["category"] == "software"]
    assert software == ["Crochet <b>hooks</b>", "Éérlijk delen", "Python"]  # accents ignored
    english = localised_taxonomy(TAXONOMY, "en")
    assert english["skills"]["machine-learning"]["label"] == "Machine learning"
    assert [c["label"] for c in english["categories"]] == ["Software development",
                                                           "Data and analytics"]
    assert TAXONOMY["skills"][0].get("label") is None  # the service's answer is left alone


def render(lang: str, template: str, **context) -> lxml.html.HtmlElement:
    response = Pages().render(lang, template, "/x", **context)
    return lxml.html.fromstring(response.get_data(as_text=True))


def texts(page, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in page.xpath(xpath)]


PROFILE = {"id": "4dcd248c-606c-499c-b70f-979a8f067ef3", "name": "Ada", "city": "Zeist",
           "introduction": "Hoi", "languages": ["nl"],
           "skills": [{"skill": "machine-learning", "level": 4, "years_experience": None,
                       "wants_to_grow": False, "verified_level": None},
                      {"skill": "crochet", "level": 2, "years_experience": None,
                       "wants_to_grow": False, "verified_level": 3}]}
RESULTS = {"items": [PROFILE], "next_cursor": None, "total": 1}


def test_a_dutch_profile_names_skills_in_dutch_and_an_english_one_in_english():
    dutch = render("nl", "profile.html", profile=PROFILE,
                   taxonomy=localised_taxonomy(TAXONOMY, "nl"))
    assert texts(dutch, "//table[@class='skills']//th[@scope='row']") == [
        "Machinaal leren", "Crochet <b>hooks</b>"]  # text, never markup
    assert not dutch.xpath("//table//b")
    english = render("en", "profile.html", profile=PROFILE,
                     taxonomy=localised_taxonomy(TAXONOMY, "en"))
    assert texts(english, "//table[@class='skills']//th[@scope='row']") == [
        "Machine learning", "Crochet <b>hooks</b>"]


def test_the_directorys_skill_filter_and_cards_are_in_the_pages_language():
    page = render("nl", "directory.html", q="", skill="statistics", results=RESULTS,
                  taxonomy=localised_taxonomy(TAXONOMY, "nl"), cursor=None)
    assert page.xpath("//select[@id='skill']/optgroup/@label") == [
        "Softwareontwikkeling", "Data en analyse"]
    assert texts(page, "//optgroup[@label='Data en analyse']/option") == [
        "Data-analyse", "Machinaal leren", "Statistiek"]
    assert page.xpath("//option[@selected]/@value") == ["statistics"]
    assert texts(page, "//article[@class='profile-card']//li") == [
        "Machinaal leren", "Crochet <b>hooks</b>"]


def test_a_skill_page_is_titled_in_the_pages_language():
    for lang, title in (("nl", "Machinaal leren"), ("en", "Machine learning")):
        taxonomy = localised_taxonomy(TAXONOMY, lang)
        page = render(lang, "skill.html", skill=taxonomy["skills"]["machine-learning"],
                      results=RESULTS, taxonomy=taxonomy, cursor=None)
        assert texts(page, "//h1") == [title]
        assert texts(page, "//title")[0].startswith(title)
