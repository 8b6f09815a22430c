"""The public website through a real gateway with members and matching behind it: pages in
both languages with true figures, the directory (only members who opted in and are active,
never private fields), and the request form that becomes a lead — or stores nothing."""

import re
import uuid

import lxml.html
import pytest
import requests
from sqlalchemy import create_engine, func, select

from gateway.app import GatewayService
from services.matching.models import checkin_ratings, leads
from tests.integration.gateway.conftest import Gateway
from tests.integration.gateway.test_learning_routes import active_member
from tests.support.broker import fresh_vhost
from tests.support.system import free_port

PRIVATE = {"email": "private-{tag}@example.nl", "phone": "+31 6 9876 5432",
           "iban": "NL93RABO0987654321", "kvk_number": "70000005",
           "btw_id": "NL100372193B01", "hourly_rate": "97.35",
           "motivation": "Secret motivation {tag}"}


def html(response) -> lxml.html.HtmlElement:
    assert response.headers["Content-Type"].startswith("text/html"), response.headers
    return lxml.html.fromstring(response.text)


def texts(page, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in page.xpath(xpath)]


class Visitor:
    """A browser without JavaScript: keeps cookies, follows nothing by itself."""

    def __init__(self, gateway: Gateway):
        self.url = gateway.url
        self.session = requests.Session()

    def get(self, path: str, **kwargs):
        return self.session.get(self.url + path, allow_redirects=False, timeout=15, **kwargs)

    def post(self, path: str, data, **kwargs):
        return self.session.post(self.url + path, data=data, allow_redirects=False, timeout=15,
                                 **kwargs)

    def form_token(self, lang: str = "en") -> str:
        page = html(self.get(f"/{lang}/hire"))
        return page.xpath("//input[@name='csrf_token']/@value")[0]


def request_form(token: str, **overrides) -> dict:
    return {"csrf_token": token, "website": "", "organisation": "Gemeente Zeist",
            "contact_name": "Eva Smit", "contact_email": f"eva-{uuid.uuid4().hex[:6]}@zeist.nl",
            "contact_phone": "+31 30 123 4567",
            "description": "A booking system for the sports halls.",
            "roles": "a designer and two developers", "starts_on": "2027-03-01",
            "ends_on": "2027-06-30", "budget": "10k-50k", **overrides}


@pytest.fixture
def matching_db(database_urls):
    engine = create_engine(database_urls["matching"])
    yield engine
    engine.dispose()


@pytest.fixture
def lead_count(matching_db):
    def count() -> int:
        with matching_db.connect() as connection:
            return connection.execute(select(func.count()).select_from(leads)).scalar()
    return count


@pytest.fixture
def gateway(start_gateway) -> Gateway:
    """Counters in this gateway's memory (never a shared Redis), and room for the posts of
    one test; the flood test sets its own limit."""
    return start_gateway(WEBSITE_FORM_RATE_LIMIT="100/minute", RATE_LIMIT_STORAGE_URL="memory://")


@pytest.fixture
def visitor(gateway) -> Visitor:
    return Visitor(gateway)


def listed_member(gateway, name: str, city: str, introduction: str, **skills) -> dict:
    """An active member with private details who opts in to the directory themself."""
    tag = uuid.uuid4().hex[:8]
    member = active_member(gateway, name, **skills)
    private = {key: value.format(tag=tag) for key, value in PRIVATE.items()}
    changed = gateway.call("PATCH", f"/v1/members/{member['id']}", token=member["token"], json={
        "city": city, "introduction": introduction, "languages": ["nl", "en"],
        "listed_in_directory": True, "phone": private["phone"], "email": private["email"],
        "hourly_rate": private["hourly_rate"], "motivation": private["motivation"]})
    assert changed.status_code == 200, changed.text
    assert changed.json()["listed_in_directory"] is True
    return {**member, "name": name, "private": private}


def test_the_root_sends_visitors_to_their_language(visitor):
    assert visitor.get("/").headers["Location"].endswith("/nl/")
    english = visitor.get("/", headers={"Accept-Language": "en-GB,en;q=0.9,nl;q=0.5"})
    assert english.status_code == 303 and english.headers["Location"].endswith("/en/")
    assert visitor.get("/en").headers["Location"].endswith("/en/")


def test_the_home_page_shows_true_figures_in_both_languages(gateway, visitor, rpc,
                                                            matching_db):
    skill = f"figure-{uuid.uuid4().hex[:8]}"
    assert gateway.as_operator("POST", "/v1/skills", json={
        "slug": skill, "name": skill, "category": "software"}).status_code == 201
    before = html(visitor.get("/en/"))
    active_before = _count_active(rpc)
    active_member(gateway, "Figure Member", **{skill: 3})
    active = _count_active(rpc)
    covered = {s["skill"] for m in _active_members(rpc) for s in m["skills"]}
    delivered = _count_projects(gateway, "finished")
    with matching_db.connect() as connection:
        ratings = connection.execute(select(checkin_ratings.c.rating).where(
            checkin_ratings.c.rated_by == "client")).scalars().all()
    for lang, heading in (("nl", "Zo werkt een Multitalent"), ("en", "How a Multitalent works")):
        response = visitor.get(f"/{lang}/")
        assert response.status_code == 200
        page = html(response)
        assert page.get("lang") == lang
        assert heading in texts(page, "//h2")
        figure = {node.get("data-figure"): "".join(node.xpath(
            "./text() | ./span[not(@class='visually-hidden')]/text()")).strip()
            for node in page.xpath("//dd[@data-figure]")}
        assert figure["active_members"] == str(active)
        assert figure["skills_covered"] == str(len(covered))
        assert figure["projects_delivered"] == str(delivered)
        mean = f"{sum(ratings) / len(ratings):.1f}" if ratings else "–"
        expected = mean.replace(".", ",") if lang == "nl" else mean
        assert figure["average_checkin_rating"] == expected
        nav = page.xpath("//nav//a/@href")
        assert {f"/{lang}/", f"/{lang}/members", f"/{lang}/hire"} <= set(nav)
        other = "en" if lang == "nl" else "nl"
        assert page.xpath(f"//nav//a[@hreflang='{other}']/@href") == [f"/{other}/"]
    old_active = before.xpath("//dd[@data-figure='active_members']")[0].text_content()
    assert int(old_active) == active_before < active
    css = visitor.get("/static/website/site.css")
    assert css.status_code == 200 and css.headers["Content-Type"].startswith("text/css")


def test_the_directory_shows_only_members_who_opted_in_and_are_active(gateway, visitor):
    tag = uuid.uuid4().hex[:6]
    skill = f"weaving-{tag}"
    assert gateway.as_operator("POST", "/v1/skills", json={
        "slug": skill, "name": f"Basket weaving {tag}", "category": "software"}
    ).status_code == 201
    shown = listed_member(gateway, f"Ada {tag}", f"Zeist{tag}", "I weave <script>alert(1)</script>",
                          **{skill: 4})
    suspended = listed_member(gateway, f"Bo {tag}", f"Zeist{tag}", "Gone for a while.",
                              **{skill: 3})
    hidden = active_member(gateway, f"Cas {tag}", **{skill: 5})
    assert gateway.as_operator("POST", f"/v1/members/{suspended['id']}/suspension",
                               json={"reason": "private reason"}).status_code == 200

    for lang in ("nl", "en"):
        response = visitor.get(f"/{lang}/members", params={"q": f"zeist{tag}"})
        assert response.status_code == 200
        page = html(response)
        form = page.xpath("//form[@role='search']")[0]
        assert form.xpath(".//label[@for='q']") and form.xpath(".//input[@name='q']")
        cards = page.xpath("//article[@class='profile-card']")
        assert [card.xpath(".//a/@href")[0] for card in cards] == [
            f"/{lang}/members/{shown['id']}"]
        assert "<script>alert" not in response.text
    by_skill_name = html(visitor.get("/en/members", params={"q": f"basket weaving {tag}"}))
    assert len(by_skill_name.xpath("//article[@class='profile-card']")) == 1
    by_skill = html(visitor.get("/en/members", params={"skill": skill}))
    assert len(by_skill.xpath("//article[@class='profile-card']")) == 1
    nobody = html(visitor.get("/en/members", params={"q": f"nobody-{tag}"}))
    assert nobody.xpath("//article[@class='profile-card']") == []
    assert texts(nobody, "//p[@class='empty']") == ["No members match your search."]

    profile = visitor.get(f"/nl/members/{shown['id']}")
    assert profile.status_code == 200
    page = html(profile)
    assert texts(page, "//h1") == [shown["name"]]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in profile.text
    assert "<script>" not in profile.text
    assert f"Basket weaving {tag}" in profile.text and f"Zeist{tag}" in profile.text
    assert "Nederlands" in profile.text and "Engels" in profile.text
    for secret in shown["private"].values():
        assert secret not in profile.text
    assert "97,35" not in profile.text and "NL93" not in profile.text

    for member_id in (suspended["id"], hidden["id"], str(uuid.uuid4()), "not-an-id"):
        missing = visitor.get(f"/en/members/{member_id}")
        assert missing.status_code == 404
        assert texts(html(missing), "//h1") == ["Page not found"]

    skill_page = visitor.get(f"/en/skills/{skill}")
    assert skill_page.status_code == 200
    page = html(skill_page)
    assert texts(page, "//h1") == [f"Basket weaving {tag}"]
    assert texts(page, "//p[@class='count']") == ["Members with this skill: 1"]
    assert len(page.xpath("//article[@class='profile-card']")) == 1
    assert visitor.get(f"/nl/skills/unknown-{tag}").status_code == 404


def test_dutch_pages_name_skills_in_dutch_and_english_pages_in_english(gateway, visitor):
    tag = uuid.uuid4().hex[:6]
    skill = f"knitting-{tag}"
    added = gateway.as_operator("POST", "/v1/skills", json={
        "slug": skill, "name": f"Knitting {tag}", "name_nl": f"Breien <i>{tag}</i>",
        "category": "design"})
    assert added.status_code == 201, added.text
    assert added.json()["name_nl"] == f"Breien <i>{tag}</i>"
    refused = gateway.as_operator("POST", "/v1/skills", json={
        "slug": f"weaving-{tag}", "name": "Weaving", "name_nl": "", "category": "design"})
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["name_nl"]
    taxonomy = gateway.as_operator("GET", "/v1/skills", params={"category": "data"}).json()
    assert {s["slug"]: s["name_nl"] for s in taxonomy["skills"]}["data-analysis"] == (
        "Data-analyse")
    member = listed_member(gateway, f"Dirk {tag}", f"Doorn{tag}", "Ik brei en analyseer.",
                           **{skill: 4, "data-analysis": 3})

    dutch = visitor.get(f"/nl/members/{member['id']}")
    assert dutch.status_code == 200
    page = html(dutch)
    assert page.get("lang") == "nl"
    assert texts(page, "//table[@class='skills']//th[@scope='row']") == [
        f"Breien <i>{tag}</i>", "Data-analyse"]  # alphabetical in the page's language
    assert not page.xpath("//table[@class='skills']//i")  # the name is text, not markup
    assert "Data analysis" not in dutch.text and f"Knitting {tag}" not in dutch.text
    english = html(visitor.get(f"/en/members/{member['id']}"))
    assert texts(english, "//table[@class='skills']//th[@scope='row']") == [
        "Data analysis", f"Knitting {tag}"]

    skill_page = html(visitor.get(f"/nl/skills/{skill}"))
    assert texts(skill_page, "//h1") == [f"Breien <i>{tag}</i>"]
    assert texts(html(visitor.get("/nl/skills/data-analysis")), "//h1") == ["Data-analyse"]
    assert texts(html(visitor.get("/en/skills/data-analysis")), "//h1") == ["Data analysis"]

    found = html(visitor.get("/nl/members", params={"q": f"breien {tag}"}))
    cards = found.xpath("//article[@class='profile-card']")
    assert [card.xpath(".//a/@href")[0] for card in cards] == [f"/nl/members/{member['id']}"]
    assert f"Breien <i>{tag}</i>" in texts(cards[0], ".//li")
    labels = found.xpath("//select[@id='skill']/optgroup/@label")
    assert "Project- en programmamanagement" in labels and "Data en analyse" in labels
    assert "Data-analyse" in texts(found, "//optgroup[@label='Data en analyse']/option")
    english_labels = html(visitor.get("/en/members")).xpath("//select[@id='skill']/optgroup/@label")
    assert "Project and programme management" in english_labels


def test_an_operator_renames_a_skill_and_its_page_says_so_at_once(gateway, visitor):
    tag = uuid.uuid4().hex[:6]
    skill = f"weaving-{tag}"
    added = gateway.as_operator("POST", "/v1/skills", json={
        "slug": skill, "name": f"Weaving {tag}", "category": "design"})
    assert added.status_code == 201, added.text
    path = f"/v1/skills/{skill}"
    member = active_member(gateway, f"Wim {tag}")
    assert gateway.call("PATCH", path, token=member["token"],
                        json={"name_nl": "Weven"}).status_code == 403
    renamed = gateway.as_operator("PATCH", path, json={"name_nl": f"Weven {tag}"})
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["slug"], renamed.json()["name_nl"]) == (skill, f"Weven {tag}")
    assert texts(html(visitor.get(f"/nl/skills/{skill}")), "//h1") == [f"Weven {tag}"]
    assert texts(html(visitor.get(f"/en/skills/{skill}")), "//h1") == [f"Weaving {tag}"]
    empty = gateway.as_operator("PATCH", path, json={})
    assert empty.status_code == 422
    assert empty.headers["Content-Type"].startswith("application/problem+json")
    unknown = gateway.as_operator("PATCH", f"/v1/skills/unknown-{tag}", json={"name": "X"})
    assert unknown.status_code == 404


def test_a_request_becomes_a_lead_that_operators_see(gateway, visitor, lead_count):
    token = visitor.form_token("nl")
    before = lead_count()
    form = request_form(token, organisation=f"Gemeente Zeist {uuid.uuid4().hex[:6]}")
    response = visitor.post("/nl/hire", form)
    assert response.status_code == 303, response.text
    assert response.headers["Location"].endswith("/nl/hire/thanks")
    thanks = visitor.get("/nl/hire/thanks")
    assert texts(html(thanks), "//h1") == ["Dank u wel, we hebben uw aanvraag ontvangen"]
    assert lead_count() == before + 1
    found = _website_leads(gateway, form["organisation"])
    assert len(found) == 1
    lead = found[0]
    assert lead["source"] == "website" and lead["status"] == "received"
    assert lead["contact"]["email"] == form["contact_email"]
    assert form["description"] in lead["description"]
    assert form["roles"] in lead["description"]
    assert (lead["starts_on"], lead["ends_on"]) == ("2027-03-01", "2027-06-30")
    assert (lead["budget_min"], lead["budget_max"]) == ("10000.00", "50000.00")


def test_field_errors_show_the_form_again_and_store_nothing(visitor, lead_count):
    token = visitor.form_token("en")
    before = lead_count()
    response = visitor.post("/en/hire", request_form(
        token, organisation="<script>alert('x')</script>", contact_name="",
        contact_email="not-an-address", ends_on="2027-01-01"))
    assert response.status_code == 422
    page = html(response)
    summary = page.xpath("//div[@role='alert'][@class='error-summary']")[0]
    assert summary.xpath(".//a/@href") == ["#contact_name", "#contact_email", "#ends_on"]
    for field in ("contact_name", "contact_email", "ends_on"):
        control = page.xpath(f"//*[@id='{field}']")[0]
        assert control.get("aria-invalid") == "true"
        assert f"{field}-error" in control.get("aria-describedby").split()
        assert page.xpath(f"//p[@class='field-error'][@id='{field}-error']")
        assert page.xpath(f"//label[@for='{field}']")
    assert page.xpath("//input[@id='organisation']/@value") == ["<script>alert('x')</script>"]
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;" in response.text
    assert page.xpath("//textarea[@id='description']")[0].text == request_form("")["description"]

    too_long = visitor.post("/en/hire", request_form(token, description="x" * 3001))
    assert too_long.status_code == 422
    assert html(too_long).xpath("//p[@id='description-error']")
    too_large = visitor.post("/en/hire", request_form(token, roles="y" * 40_000))
    assert too_large.status_code == 413
    assert texts(html(too_large), "//h1") == ["Too much text"]
    assert lead_count() == before


def test_posts_without_a_valid_token_or_from_robots_store_nothing(gateway, visitor,
                                                                  lead_count):
    token = visitor.form_token("en")
    before = lead_count()
    stranger = Visitor(gateway)  # no cookie: a post from another site
    assert stranger.post("/en/hire", request_form(token)).status_code == 403
    missing = visitor.post("/en/hire", request_form(""))
    assert missing.status_code == 403
    assert texts(html(missing), "//h1") == ["The form has expired"]
    forged = token.rsplit(".", 1)[0] + ".forged"
    visitor.session.cookies.set("mt_csrf", forged)
    assert visitor.post("/en/hire", request_form(forged)).status_code == 403
    visitor.session.cookies.set("mt_csrf", token)
    robot = visitor.post("/en/hire", request_form(token, website="http://spam.example"))
    assert robot.status_code == 303 and robot.headers["Location"].endswith("/en/hire/thanks")
    as_json = visitor.post("/en/hire", request_form(""),
                           headers={"Accept": "application/problem+json"})
    assert as_json.status_code == 403
    assert as_json.headers["Content-Type"] == "application/problem+json"
    assert lead_count() == before


def test_a_flood_of_posts_from_one_address_is_refused(start_gateway, lead_count):
    gateway = start_gateway(WEBSITE_FORM_RATE_LIMIT="2/hour",
                            RATE_LIMIT_STORAGE_URL="memory://")
    visitor = Visitor(gateway)
    token = visitor.form_token("nl")
    before = lead_count()
    statuses = [visitor.post("/nl/hire", request_form(token, contact_name="")).status_code
                for _ in range(2)]
    flooded = visitor.post("/nl/hire", request_form(token))
    assert statuses == [422, 422]
    assert flooded.status_code == 429 and int(flooded.headers["Retry-After"]) >= 1
    assert texts(html(flooded), "//h1") == ["Te veel verzoeken"]
    assert lead_count() == before


def _flood_then_post_as(gateway, flooder: str, other: str) -> int:
    """Fill the form limit (2 posts) as the client `flooder` behind one proxy, then post
    as `other`: its status (429 when both share one bucket)."""
    def post(visitor, token, forwarded_for):
        return visitor.post("/en/hire", request_form(token, contact_name=""),
                            headers={"X-Forwarded-For": forwarded_for}).status_code

    first, second = Visitor(gateway), Visitor(gateway)
    first_token, second_token = first.form_token(), second.form_token()
    assert [post(first, first_token, flooder) for _ in range(2)] == [422, 422]
    assert post(first, first_token, flooder) == 429
    return post(second, second_token, other)


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_form_limit(start_gateway,
                                                                            caplog):
    caplog.set_level("INFO", logger="nameko.web.server")
    gateway = start_gateway(WEBSITE_FORM_RATE_LIMIT="2/hour", RATE_LIMIT_STORAGE_URL="memory://",
                            TRUSTED_PROXY_HOPS=1)
    assert _flood_then_post_as(gateway, "203.0.113.7", "198.51.100.9") == 422
    # one IPv6 visitor hopping between the addresses of its /64 is still one visitor
    assert _flood_then_post_as(gateway, "2001:db8:1:2::1", "2001:db8:1:2::99") == 429
    # what the client writes left of the proxy's entry does not give it a fresh bucket
    escape = Visitor(gateway)
    forged = escape.post("/en/hire", request_form(escape.form_token(), contact_name=""),
                         headers={"X-Forwarded-For": "192.0.2.55, 203.0.113.7"})
    assert forged.status_code == 429
    access_lines = [record.getMessage() for record in caplog.records
                    if record.name == "nameko.web.server" and "POST /en/hire" in
                    record.getMessage()]
    assert access_lines and all(line.startswith(("203.0.113.7 ", "198.51.100.9 ",
                                                 "2001:db8:1:2::1 ", "2001:db8:1:2::99 "))
                                for line in access_lines), access_lines
    assert not [line for line in access_lines if "192.0.2.55" in line]
    # the load balancer ended TLS: the form's cookie is only ever sent back over HTTPS
    assert _cookie_is_secure(gateway, {"X-Forwarded-Proto": "https"})
    assert not _cookie_is_secure(gateway, {})


def test_without_trusted_proxies_forwarded_clients_share_the_peers_form_limit(start_gateway):
    gateway = start_gateway(WEBSITE_FORM_RATE_LIMIT="2/hour", RATE_LIMIT_STORAGE_URL="memory://",
                            TRUSTED_PROXY_HOPS=0)
    assert _flood_then_post_as(gateway, "203.0.113.7", "198.51.100.9") == 429
    assert not _cookie_is_secure(gateway, {"X-Forwarded-Proto": "https"})  # the client wrote it


def _cookie_is_secure(gateway, headers: dict) -> bool:
    """Whether the request form's CSRF cookie comes with the Secure attribute."""
    cookie = Visitor(gateway).get("/en/hire", headers=headers).headers["Set-Cookie"]
    return "secure" in [part.strip().lower() for part in cookie.split(";")[1:]]


def test_website_pages_are_not_in_the_api_description_and_errors_are_pages(gateway, visitor):
    paths = requests.get(gateway.url + "/v1/openapi.json", timeout=5).json()["paths"]
    assert not [path for path in paths if re.match(r"^/($|nl|en|static|\{lang\})", path)]
    unknown = visitor.get("/nl/nergens")
    assert unknown.status_code == 404
    assert texts(html(unknown), "//h1") == ["Pagina niet gevonden"]
    assert visitor.get("/en/members", params={"cursor": "forged"}).status_code == 400
    wrong_method = visitor.post("/en/members", {"q": "x"})
    assert wrong_method.status_code == 405
    assert texts(html(wrong_method), "//h1") == ["This page cannot do that"]
    assert visitor.get("/v1/nowhere").headers["Content-Type"] == "application/problem+json"


@pytest.fixture
def empty_broker(docker_services):
    """A vhost where no service has ever run (it outlives the containers of the test)."""
    with fresh_vhost() as (_, uri):
        yield uri


def test_a_gateway_that_cannot_reach_the_services_answers_503_pages(empty_broker, run_services,
                                                                    operator_token):
    port = free_port()
    run_services(GatewayService, WEB_SERVER_ADDRESS=f"127.0.0.1:{port}",
                 OPERATOR_TOKEN=operator_token, AMQP_URI=empty_broker)
    response = requests.get(f"http://127.0.0.1:{port}/en/", timeout=30)
    assert response.status_code == 503
    assert texts(html(response), "//h1") == ["Temporarily unavailable"]


# --- helpers -----------------------------------------------------------------------------------


def _active_members(rpc) -> list[dict]:
    found, cursor = [], None
    while True:
        page = rpc.members.list_members({"status": "active", "limit": 100,
                                         **({"cursor": cursor} if cursor else {})})
        found += page["items"]
        if (cursor := page["next_cursor"]) is None:
            return found


def _count_active(rpc) -> int:
    return len(_active_members(rpc))


def _count_projects(gateway, status: str) -> int:
    count, cursor = 0, None
    while True:
        params = {"status": status, "limit": 100, **({"cursor": cursor} if cursor else {})}
        page = gateway.as_operator("GET", "/v1/projects", params=params).json()
        count += len(page["items"])
        if (cursor := page["next_cursor"]) is None:
            return count


def _website_leads(gateway, organisation: str) -> list[dict]:
    found, cursor = [], None
    while True:
        params = {"source": "website", "limit": 100, **({"cursor": cursor} if cursor else {})}
        response = gateway.as_operator("GET", "/v1/leads", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        found += [lead for lead in page["items"] if lead["organisation"] == organisation]
        if (cursor := page["next_cursor"]) is None:
            return found


def test_only_the_member_opts_in_to_the_directory_an_operator_only_takes_them_out(gateway):
    member = active_member(gateway, "Opt In")
    path = f"/v1/members/{member['id']}"
    refused = gateway.as_operator("PATCH", path, json={"listed_in_directory": True})
    assert refused.status_code == 403 and refused.json()["rule"] == "OnlyTheMemberOptsIn"
    assert gateway.as_operator("GET", path).json()["listed_in_directory"] is False
    assert gateway.call("PATCH", path, token=member["token"],
                        json={"listed_in_directory": True}).status_code == 200
    taken_out = gateway.as_operator("PATCH", path, json={"listed_in_directory": False})
    assert taken_out.status_code == 200 and taken_out.json()["listed_in_directory"] is False
