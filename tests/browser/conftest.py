"""The public website in headless Chromium (Debian's, driven by Playwright's sync API).

Run on their own, never in the same pytest as the nameko containers: `make browser`
(MULTITALENT_NO_MONKEY_PATCH=1, so tests/conftest.py leaves eventlet's monkey-patching
out; Playwright's asyncio, greenlets and pipes are not made for it). The system under
test is every service and the gateway as real processes (the `system` fixture of
tests/conftest.py), started once per session, with a small coop built through the
operator API: two members listed in the directory, one not.

Screenshots of every page go to tests/browser/artifacts/ (not committed); with
UPDATE_SCREENSHOTS=1 (`make screenshots`) the home page's and the directory's are also
copied to docs/screenshots/ for the README, so a test run never changes tracked files.
"""

import os
import shutil
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import eventlet.patcher
import pytest
import requests
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests.e2e.test_admission_story import member_details

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
README_SCREENSHOTS = {"home": ROOT / "docs" / "screenshots" / "home.png",
                      "directory": ROOT / "docs" / "screenshots" / "directory.png"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# what this machine's Chromium needs: no sandbox as root, no GPU, and no calls home
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="session", autouse=True)
def _not_monkey_patched():
    if eventlet.patcher.is_monkey_patched("socket"):
        pytest.fail("The browser tests run in a pytest of their own, without eventlet's "
                    "monkey-patching: `make browser` (MULTITALENT_NO_MONKEY_PATCH=1 "
                    ".venv/bin/pytest tests/browser).", pytrace=False)


@dataclass
class Coop:
    """What the session's coop holds, as the operator API created it."""

    url: str
    operator: requests.Session
    data_skill: dict
    writing_skill: dict
    ada: dict     # listed, data analysis 5, on the delivered project
    bob: dict     # listed, writing 4
    cas: dict     # active, data analysis 4, NOT listed
    ratings: list[int]

    def call(self, method: str, path: str, expect: int = 200, **kwargs) -> dict:
        response = self.operator.request(method, self.url + path, timeout=15, **kwargs)
        assert response.status_code == expect, f"{method} {path}: {response.text}"
        return response.json() if response.content else {}

    def every(self, path: str, **params) -> list[dict]:
        """Every item of a paged operator listing."""
        items, cursor = [], None
        while True:
            page = self.call("GET", path, params={**params, "limit": 100,
                                                   **({"cursor": cursor} if cursor else {})})
            items += page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return items


@pytest.fixture(scope="session")
def coop(system, operator_token) -> Coop:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {operator_token}"
    built = _build_coop(Coop(system.url, session, {}, {}, {}, {}, {}, []))
    yield built
    session.close()


def _build_coop(coop: Coop) -> Coop:
    # two skills of the coop's seeded taxonomy
    coop.data_skill = {"slug": "data-analysis", "name": "Data analysis",
                       "name_nl": "Data-analyse"}
    coop.writing_skill = {"slug": "copywriting", "name": "Copywriting",
                          "name_nl": "Tekstschrijven (copywriting)"}
    # the first two members of a new coop are its founders: active without sponsors
    coop.ada = _member(coop, "Ada Jansen", "Utrecht", ["nl", "en"],
                       "Data analyst who turns messy spreadsheets into clear answers.",
                       {"data-analysis": 5}, listed=True)
    coop.bob = _member(coop, "Bob de Vries", "Zwolle", ["nl"],
                       "Writes public letters and forms that people understand.",
                       {"copywriting": 4}, listed=True)
    coop.cas = _member(coop, "Cas Verborgen", "Arnhem", ["nl", "de"],
                       "Prefers not to be listed in the directory.",
                       {"data-analysis": 4}, listed=False,
                       sponsors=(coop.ada["id"], coop.bob["id"]))
    coop.ratings = _deliver_a_project(coop)
    return coop


def _member(coop: Coop, name, city, languages, introduction, skills, listed,
            sponsors=()) -> dict:
    member = coop.call("POST", "/v1/members", 201, json={
        **member_details(name), "city": city, "languages": languages,
        "introduction": introduction, "hourly_rate": "85.00"})
    for sponsor in sponsors:
        coop.call("POST", f"/v1/members/{member['id']}/sponsorships", 201, json={
            "sponsor_id": sponsor, "met_on": (date.today() - timedelta(days=3)).isoformat(),
            "note": "Coffee."})
    coop.call("POST", f"/v1/members/{member['id']}/activation")
    coop.call("PUT", f"/v1/members/{member['id']}/skills", json={
        "skills": [{"skill": slug, "level": level} for slug, level in skills.items()]})
    coop.call("PATCH", f"/v1/members/{member['id']}/capacity",
              json={"default_weekly_hours": "36"})
    if listed:  # the member's own choice: an operator cannot opt a member in
        token = coop.call("POST", "/v1/tokens", 201, json={
            "name": f"{name} (directory)", "role": "member", "member_id": member["id"]})["token"]
        opted_in = requests.patch(f"{coop.url}/v1/members/{member['id']}", timeout=15,
                                  headers={"Authorization": f"Bearer {token}"},
                                  json={"listed_in_directory": True})
        assert opted_in.status_code == 200, opted_in.text
    return coop.call("GET", f"/v1/members/{member['id']}")


def _deliver_a_project(coop: Coop) -> list[int]:
    """A project with Ada on it, the client's check-in ratings, finished: so the home page's
    'projects delivered' and 'average rating' have something true to show."""
    client = coop.call("POST", "/v1/clients", 201, json={
        "name": "Gemeente Voorbeeld", "country": "NL",
        "address": {"street": "Stadhuisplein 1", "postal_code": "3511 AA", "city": "Utrecht"},
        "contact": {"name": "Joost Smit", "email": "joost@voorbeeld.example"}})
    project = coop.call("POST", "/v1/projects", 201, json={
        "client_id": client["id"], "title": "Dashboard for the council",
        "starts_on": "2027-01-04", "ends_on": "2027-02-26", "checkin_every_weeks": 2,
        "roles": [{"skill": "data-analysis", "minimum_level": 5, "hours_per_week": "16"}]})
    proposal = _eventually(lambda: _proposal_with(coop, project["id"], coop.ada["id"]))
    coop.call("POST", f"/v1/proposals/{proposal['id']}/accept")
    coop.call("POST", f"/v1/projects/{project['id']}/start")
    meetings = coop.call("GET", f"/v1/projects/{project['id']}/meetings")["items"]
    checkins = [meeting for meeting in meetings if meeting["kind"] == "checkin"]
    rated = f"/v1/projects/{project['id']}/meetings/{{}}/ratings"
    ratings = [4, 5]  # the client's, at two check-ins: 4.5 on average
    for checkin, rating in zip(checkins[:2], ratings, strict=True):
        coop.call("POST", rated.format(checkin["id"]), 201,
                  json={"by": "client", "rating": rating, "comment": "Clear work."})
    # a team member's own rating is not the clients'
    coop.call("POST", rated.format(checkins[0]["id"]), 201,
              json={"by": "member", "member_id": coop.ada["id"], "rating": 1})
    coop.call("POST", f"/v1/projects/{project['id']}/finish")
    return ratings


def _proposal_with(coop: Coop, project_id: str, member_id: str):
    """A proposal seating the member (matching hears of new members by events)."""
    made = coop.call("POST", f"/v1/projects/{project_id}/proposals", 201)
    seats = made["best"]["seats"]
    return made if seats and seats[0]["primary"] == member_id else None


def _eventually(check, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.25)
    return found


# --- the browser ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make chromium` installs Debian's Chromium.",
                    pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session", autouse=True)
def _artifacts():
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)


def _new_page(browser, coop: Coop, locale: str):
    context = browser.new_context(base_url=coop.url, locale=locale,
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, coop):
    """A page in a fresh context (no cookies) whose browser prefers Dutch."""
    context, opened = _new_page(browser, coop, "nl-NL")
    yield opened
    context.close()


@pytest.fixture
def english_page(browser, coop):
    """A page in a fresh context whose browser prefers English."""
    context, opened = _new_page(browser, coop, "en-GB")
    yield opened
    context.close()


def screenshot(page, name: str) -> Path:
    """Save the whole page as tests/browser/artifacts/<name>.png (and the README's copy)."""
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if name in README_SCREENSHOTS and os.environ.get("UPDATE_SCREENSHOTS") == "1":
        README_SCREENSHOTS[name].parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SCREENSHOTS[name])
    return path


def assert_accessible(page) -> None:
    """axe-core in the page: no violation of impact serious or critical."""
    violations = Axe().run(page).response["violations"]
    serious = [violation for violation in violations if violation["impact"] in SERIOUS]
    assert not serious, f"axe-core on {page.url}:\n" + "\n".join(
        _describe(violation) for violation in serious)


def _describe(violation: dict) -> str:
    lines = [f"- {violation['id']} ({violation['impact']}): {violation['help']} "
             f"[{violation['helpUrl']}]"]
    for node in violation["nodes"][:5]:
        lines.append(f"    {' '.join(map(str, node['target']))}: "
                     f"{node.get('failureSummary', '').replace(chr(10), ' ')}")
    return "\n".join(lines)
