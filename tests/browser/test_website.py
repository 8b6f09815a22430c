"""The coop's public website in headless Chromium: the home page's figures are true, the
directory shows only members who opted in, profiles and skill pages open, the language
switches, and a request made with the "Hire a Multitalent" form becomes a lead that an
operator sees. axe-core runs in every page; screenshots of every page are saved."""

import re
import uuid
from decimal import ROUND_HALF_UP, Decimal

import requests
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot

FIGURES = {"active_members": "members", "skills_covered": "skills",
           "projects_delivered": "projects", "average_checkin_rating": "rating"}
HIRE_FIELDS = ("organisation", "contact_name", "contact_email", "contact_phone",
               "description", "roles", "starts_on", "ends_on", "budget")


def private_details(member: dict) -> list[str]:
    return [member["email"], member["iban"], member["kvk_number"], member["btw_id"]]


# --- home ------------------------------------------------------------------------------------


def true_figures(coop) -> dict:
    """The home page's four figures, computed from what the operator API says."""
    active = coop.every("/v1/members", status="active")
    skills = {skill["skill"] for member in active for skill in member["skills"]}
    finished = coop.every("/v1/projects", status="finished")
    ratings = [rating["rating"]
               for project in coop.every("/v1/projects")
               for meeting in coop.call("GET", f"/v1/projects/{project['id']}/meetings")["items"]
               for rating in meeting["ratings"] if rating["by"] == "client"]
    average = Decimal(sum(ratings)) / len(ratings)
    return {"members": len(active), "skills": len(skills), "projects": len(finished),
            "rating": average.quantize(Decimal("0.1"), ROUND_HALF_UP)}


def shown_figures(page, decimal_comma: bool = False) -> dict:
    """The figures the home page shows, each a visible <dd data-figure> of its <dl>."""
    shown = {}
    for name, key in FIGURES.items():
        figure = page.locator(f"dl.figures dd[data-figure='{name}']")
        expect(figure).to_be_visible()
        text = figure.inner_text().strip()
        if decimal_comma:
            assert "." not in text, text
            text = text.replace(",", ".")
        shown[key] = Decimal(text)
    shown["rating"] = shown["rating"].quantize(Decimal("0.1"), ROUND_HALF_UP)
    return shown


def test_the_root_sends_a_visitor_to_the_home_page_in_their_language(coop, page, english_page):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/nl/$"))
    english_page.goto("/")
    expect(english_page).to_have_url(re.compile(r"/en/$"))
    answer = requests.get(coop.url + "/", allow_redirects=False, timeout=10,
                          headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/en/")


def test_the_home_page_shows_true_figures_and_leads_on(coop, english_page, page):
    truth = true_figures(coop)
    assert truth == {"members": 3, "skills": 2, "projects": 1, "rating": Decimal("4.5")}
    english_page.goto("/en/")
    assert shown_figures(english_page) == truth
    nav = english_page.locator("header nav")
    expect(nav.locator('a[href="/en/members"]')).to_be_visible()
    expect(nav.locator('a[href="/en/hire"]')).to_be_visible()
    expect(english_page.locator('a[hreflang="nl"]')).to_be_visible()
    assert english_page.locator("html").get_attribute("lang") == "en"
    assert_accessible(english_page)
    screenshot(english_page, "home")

    page.goto("/nl/")  # the Dutch page: the same figures (a decimal comma)
    assert shown_figures(page, decimal_comma=True) == truth
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page)
    screenshot(page, "home-nl")


def test_the_language_switch_keeps_the_visitor_on_the_same_page(coop, page):
    page.goto("/nl/members")
    switch = page.locator('a[hreflang="en"]')
    expect(switch).to_be_visible()
    switch.click()
    expect(page).to_have_url(re.compile(r"/en/members$"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator('a[hreflang="nl"]').click()
    expect(page).to_have_url(re.compile(r"/nl/members$"))
    assert page.locator("html").get_attribute("lang") == "nl"


# --- directory, profiles, skills -------------------------------------------------------------


def test_the_directory_lists_and_finds_only_members_who_opted_in(coop, english_page):
    page = english_page
    page.goto("/en/members")
    cards = page.locator("article.profile-card")
    expect(cards).to_have_count(2)
    listed = cards.all_inner_texts()
    assert any(coop.ada["name"] in card for card in listed), listed
    assert any(coop.bob["name"] in card for card in listed), listed
    assert coop.cas["name"] not in page.content()
    assert_accessible(page)
    screenshot(page, "directory")

    search = page.get_by_role("search")
    search.get_by_label(re.compile(".+")).first.fill("Ada")  # the labelled `q` input
    assert search.locator('input[name="q"]').input_value() == "Ada"
    search.locator('input[name="q"]').press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=Ada"))
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(coop.ada["name"])
    assert_accessible(page)
    screenshot(page, "directory-search")

    for query in (coop.cas["name"], "Verborgen", "Arnhem"):  # the unlisted member's name, city
        page.goto(f"/en/members?q={query}")
        expect(cards).to_have_count(0)
        assert "Verborgen" not in page.locator("main").inner_text()  # the query is echoed
    page.goto(f"/en/members?skill={coop.data_skill['slug']}")  # Cas has this skill too
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(coop.ada["name"])
    assert coop.cas["name"] not in page.content()


def test_a_profile_shows_the_public_details_and_never_the_private_ones(coop, english_page):
    page = english_page
    page.goto("/en/members")
    card = page.locator("article.profile-card").filter(has_text=coop.ada["name"])
    card.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(rf"/en/members/{coop.ada['id']}$"))
    expect(page.locator("h1")).to_have_text(coop.ada["name"])
    main = page.locator("main")
    expect(main).to_contain_text(coop.ada["city"])
    expect(main).to_contain_text(coop.ada["introduction"])
    expect(main).to_contain_text(coop.data_skill["name"])
    content = page.content()
    for private in private_details(coop.ada):
        assert private not in content, private
    assert_accessible(page)
    screenshot(page, "profile")

    unlisted = page.goto(f"/en/members/{coop.cas['id']}")
    assert unlisted.status == 404
    assert coop.cas["name"] not in page.content()
    expect(page.locator("h1")).to_be_visible()  # a readable page, in the site's layout
    expect(page.locator('header nav a[href="/en/members"]')).to_be_visible()
    assert_accessible(page)
    screenshot(page, "not-found")


def test_a_skill_page_shows_the_listed_members_with_that_skill(coop, english_page):
    page = english_page
    page.goto(f"/en/skills/{coop.data_skill['slug']}")
    expect(page.locator("h1")).to_contain_text(coop.data_skill["name"])
    expect(page.locator("main")).to_contain_text(coop.ada["name"])
    assert coop.cas["name"] not in page.content()
    assert_accessible(page)
    screenshot(page, "skill")


def test_dutch_pages_name_the_skills_in_dutch(coop, page):
    data, writing = coop.data_skill, coop.writing_skill
    page.goto(f"/nl/skills/{data['slug']}")
    expect(page.locator("h1")).to_have_text(data["name_nl"])
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page)
    screenshot(page, "skill-nl")

    page.goto("/nl/members")
    cards = page.locator("article.profile-card")
    expect(cards.filter(has_text=coop.ada["name"])).to_contain_text(data["name_nl"])
    expect(cards.filter(has_text=coop.bob["name"])).to_contain_text(writing["name_nl"])
    assert data["name"] not in page.locator("main").inner_text()
    search = page.get_by_role("search")
    search.get_by_label("Vaardigheid").select_option(label=data["name_nl"])
    search.get_by_role("button").click()
    expect(page).to_have_url(re.compile(rf"[?&]skill={data['slug']}"))
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(coop.ada["name"])

    page.goto(f"/nl/members?q={writing['name_nl'].split()[0]}")  # a word of the Dutch name
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(coop.bob["name"])
    cards.first.get_by_role("link").first.click()
    expect(page.locator("table.skills th[scope='row']")).to_have_text([writing["name_nl"]])
    assert_accessible(page)
    screenshot(page, "profile-nl")


# --- Hire a Multitalent -----------------------------------------------------------------------


def focus_order(page, steps: int = 30) -> list[str]:
    """Tab from the top of the page: the name (or tag) of every element that gets focus."""
    page.locator("body").focus()
    reached = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(
            "() => { const e = document.activeElement;"
            " return e.name || e.getAttribute('href') || e.tagName.toLowerCase(); }"))
    return reached


def fill_request(page, organisation: str, email: str) -> None:
    form = page.locator("form[method='post' i]")
    form.locator('[name="organisation"]').fill(organisation)
    form.locator('[name="contact_name"]').fill("Ilse de Boer")
    form.locator('[name="contact_email"]').fill(email)
    form.locator('[name="contact_phone"]').fill("+31 30 123 4567")
    form.locator('[name="description"]').fill(
        "A dashboard of the waiting lists. <script>alert('x')</script>")
    form.locator('[name="roles"]').fill("A data analyst, two days a week")
    form.locator('[name="starts_on"]').fill("2027-03-01")
    form.locator('[name="ends_on"]').fill("2027-05-28")
    budget = form.locator('select[name="budget"]')
    values = [value for value in budget.locator("option").evaluate_all(
        "options => options.map(o => o.value)") if value]
    budget.select_option(values[1])  # a range with both ends


def leads_of(coop, organisation: str) -> list[dict]:
    return [lead for lead in coop.every("/v1/leads") if lead["organisation"] == organisation]


def test_the_request_form_is_labelled_and_keyboard_reachable_without_the_honeypot(coop,
                                                                                 english_page):
    page = english_page
    page.goto("/en/hire")
    form = page.locator("form[method='post' i]")
    for name in HIRE_FIELDS:
        field = form.locator(f'[name="{name}"]')
        expect(field).to_be_visible()
        expect(page.get_by_label(re.compile(".+")).and_(field)).to_have_count(1)  # labelled
    assert form.locator('input[type="hidden"][name="csrf_token"]').get_attribute("value")
    assert form.locator('[name="website"]').count() == 1

    reached = focus_order(page, steps=40)
    assert "website" not in reached, reached
    positions = [reached.index(name) for name in HIRE_FIELDS]  # every field, in order
    assert positions == sorted(positions), reached
    assert_accessible(page)
    screenshot(page, "hire")


def test_a_request_with_an_error_then_correct_becomes_a_lead(coop, english_page):
    page = english_page
    organisation = f"Stichting Voorbeeld {uuid.uuid4().hex[:6]}"
    rejected = f"Rejected {uuid.uuid4().hex[:6]}"
    page.goto("/en/hire")
    fill_request(page, rejected, "not-an-address")
    with page.expect_navigation() as answered:
        page.locator("form[method='post' i]").locator(
            "button[type='submit'], input[type='submit']").first.press("Enter")
    assert answered.value.status == 422
    summary = page.locator('div[role="alert"].error-summary')
    expect(summary).to_be_visible()
    error = page.locator("p.field-error#contact_email-error")
    expect(error).to_be_visible()
    email = page.locator('[name="contact_email"]')
    assert "contact_email-error" in (email.get_attribute("aria-describedby") or "").split()
    # what was typed is kept, as text (escaped, never executed), and the field with the
    # error is reached by keyboard
    assert page.locator('[name="organisation"]').input_value() == rejected
    assert "<script>alert" in page.locator('[name="description"]').input_value()
    assert_accessible(page)
    screenshot(page, "hire-errors")
    assert "contact_email" in focus_order(page, steps=40)
    link = summary.locator('a[href="#contact_email"]')  # the summary leads to the field
    link.focus()
    page.keyboard.press("Enter")
    expect(email).to_be_focused()
    assert leads_of(coop, rejected) == []  # nothing stored for a rejected post

    email.fill("ilse@voorbeeld.example")
    page.locator('[name="organisation"]').fill(organisation)
    with page.expect_navigation():
        page.locator("form[method='post' i]").locator(
            "button[type='submit'], input[type='submit']").first.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/hire/thanks$"))
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "hire-thanks")

    (lead,) = leads_of(coop, organisation)
    assert lead["source"] == "website" and lead["status"] == "received"
    assert lead["contact"]["email"] == "ilse@voorbeeld.example"
    assert lead["contact"]["name"] == "Ilse de Boer"
    assert lead["description"].startswith("A dashboard of the waiting lists.")
    assert "<script>alert('x')</script>" in lead["description"]  # stored as text
    assert lead["contact"]["phone"]
    assert (lead["starts_on"], lead["ends_on"]) == ("2027-03-01", "2027-05-28")
    assert lead["budget_min"] is not None and lead["budget_max"] is not None  # the range chosen
    assert leads_of(coop, rejected) == []
