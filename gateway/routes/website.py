"""The coop's public website: home, member directory, profiles, skill pages and the
"Hire a Multitalent" form. HTML pages (gateway/website/), not part of the JSON API.

Anonymous: no token; the anonymous rate limit applies to every page, and form posts have
their own, stricter limit. Only members who opted in and are active are ever shown.
"""

from pathlib import Path

import eventlet
from marshmallow import ValidationError
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from gateway.problems import Problem
from gateway.requests import rate_limit_address
from gateway.website.csrf import COOKIE_NAME, FIELD_NAME
from gateway.website.endpoint import page
from gateway.website.form import (
    BUDGETS,
    FIELDS,
    HONEYPOT,
    HireFormSchema,
    form_errors,
    lead_details,
    lead_errors,
)
from gateway.website.i18n import preferred_language
from gateway.website.kit import Site
from gateway.website.skill_names import localised_taxonomy
from infra.errors import Invalid

LANG = "/<any(nl, en):lang>"
STATIC = Path(__file__).resolve().parent.parent / "website" / "static"
DIRECTORY_PAGE_SIZE = 20
SKILL_PAGE_SIZE = 100
MAX_QUERY = 200
OTHER_METHODS = "POST,PUT,PATCH,DELETE"
FRESH_TOKEN_SECONDS = 30 * 60  # a form page gets a new token when less than this is left


def _not_found(detail: str) -> Problem:
    return Problem(404, "not-found", "Not found", detail)


def _switch_path(request: Request) -> str:
    """The request's path and query after the language prefix."""
    rest = request.full_path[3:]
    return rest[:-1] if rest.endswith("?") else rest


def _see_other(location: str) -> Response:
    return redirect(location, code=303)


class WebsiteRoutes:
    site = Site()

    def _page(self, request: Request, lang: str, template: str, status: int = 200,
              headers: dict | None = None, **context) -> Response:
        return self.site.pages.render(lang, template, _switch_path(request), status=status,
                                      headers=headers, **context)

    def _taxonomy(self, lang: str) -> dict:
        """skill slug → {slug, name, name_nl, category, label}, and the categories in order;
        `label` is the name in `lang`."""
        return localised_taxonomy(self.members.list_skills(), lang)

    # --- navigation ------------------------------------------------------------------------

    @page("GET", "/", rate_limited=False)
    def website_root(self, request):
        response = _see_other(f"/{preferred_language(request.accept_languages)}/")
        response.headers["Vary"] = "Accept-Language"
        return response

    @page("GET", LANG, rate_limited=False)
    def website_language_root(self, request, lang):
        return redirect(f"/{lang}/", code=308)

    @page("GET", "/static/website/<name>", rate_limited=False)
    def website_static(self, request, name):
        if name != "site.css":
            raise _not_found(f"No asset {name}.")
        response = Response((STATIC / name).read_bytes(), content_type="text/css; charset=utf-8")
        response.headers["Cache-Control"] = "public, max-age=3600"
        return response

    @page("GET", f"{LANG}/<path:rest>")
    def website_unknown_page(self, request, lang, rest):
        raise _not_found(f"No page {rest}.")

    @page(OTHER_METHODS, f"{LANG}/")
    @page(OTHER_METHODS, f"{LANG}/members")
    @page(OTHER_METHODS, f"{LANG}/members/<path:rest>")
    @page(OTHER_METHODS, f"{LANG}/skills/<path:rest>")
    @page("PUT,PATCH,DELETE", f"{LANG}/hire")
    @page(OTHER_METHODS, f"{LANG}/hire/thanks")
    def website_wrong_method(self, request, lang, rest=None):
        raise MethodNotAllowed()

    # --- pages -----------------------------------------------------------------------------

    @page("GET", f"{LANG}/")
    def website_home(self, request, lang):
        members_figures = eventlet.spawn(self.members.coop_figures)
        matching_figures = eventlet.spawn(self.matching.public_figures)
        figures = {**members_figures.wait(), **matching_figures.wait()}
        return self._page(request, lang, "home.html", figures=figures)

    @page("GET", f"{LANG}/members")
    def website_directory(self, request, lang):
        q = request.args.get("q", "").strip()[:MAX_QUERY]
        skill = request.args.get("skill", "").strip()
        cursor = request.args.get("cursor") or None
        taxonomy = self._taxonomy(lang)
        if skill and skill not in taxonomy["skills"]:
            raise _not_found(f"No skill {skill}.")
        query = {"limit": DIRECTORY_PAGE_SIZE, "q": q or None, "skill": skill or None,
                 **({"cursor": cursor} if cursor else {})}
        results = self.members.list_directory(query)
        return self._page(request, lang, "directory.html", q=q, skill=skill,
                          results=results, taxonomy=taxonomy, cursor=cursor)

    @page("GET", f"{LANG}/members/<member_id>")
    def website_profile(self, request, lang, member_id):
        profile = self.members.get_directory_profile(member_id)
        taxonomy = self._taxonomy(lang)
        in_order = {slug: n for n, slug in enumerate(taxonomy["skills"])}  # by name in `lang`
        profile["skills"].sort(key=lambda skill: in_order.get(skill["skill"], len(in_order)))
        return self._page(request, lang, "profile.html", profile=profile, taxonomy=taxonomy)

    @page("GET", f"{LANG}/skills/<slug>")
    def website_skill(self, request, lang, slug):
        taxonomy = self._taxonomy(lang)
        skill = taxonomy["skills"].get(slug)
        if skill is None:
            raise _not_found(f"No skill {slug}.")
        cursor = request.args.get("cursor") or None
        results = self.members.list_directory(
            {"skill": slug, "limit": SKILL_PAGE_SIZE, **({"cursor": cursor} if cursor else {})})
        return self._page(request, lang, "skill.html", skill=skill, results=results,
                          taxonomy=taxonomy, cursor=cursor)

    # --- the form --------------------------------------------------------------------------

    def _form(self, request: Request, lang: str, token: str, values: dict | None = None,
              errors=(), status: int = 200) -> Response:
        response = self._page(request, lang, "hire.html", status=status, token=token,
                              values=values or {}, errors=list(errors),
                              error_for={error.field: error for error in errors},
                              budgets=BUDGETS, csrf_field=FIELD_NAME, honeypot=HONEYPOT)
        response.set_cookie(COOKIE_NAME, token, max_age=self.site.csrf.max_age, path="/",
                            secure=request.scheme == "https", httponly=True, samesite="Strict")
        return response

    @page("GET", f"{LANG}/hire")
    def website_hire_form(self, request, lang):
        token = request.cookies.get(COOKIE_NAME)
        if not self.site.csrf.usable(token, for_at_least=FRESH_TOKEN_SECONDS):
            token = self.site.csrf.issue()
        return self._form(request, lang, token)

    @page("POST", f"{LANG}/hire")
    def website_hire(self, request, lang):
        """Checked in this order: flood, CSRF token, honeypot, fields; then the lead."""
        self.site.form_rate_limit.hit(rate_limit_address(request.remote_addr))
        form = request.form  # 413 when too large
        token = form.get(FIELD_NAME)
        self.site.csrf.check(request.cookies.get(COOKIE_NAME), token)
        thanks = _see_other(f"/{lang}/hire/thanks")
        if form.get(HONEYPOT, "").strip():
            return thanks  # a bot: it believes it succeeded, nothing is stored
        values = {name: form.get(name, "") for name in FIELDS}
        try:
            details = lead_details(HireFormSchema().load(values), lang)
        except ValidationError as error:
            return self._form(request, lang, token, values, form_errors(error.messages), 422)
        try:
            self.matching.receive_lead(details)
        except Invalid as error:
            return self._form(request, lang, token, values, lead_errors(error.errors), 422)
        return thanks

    @page("GET", f"{LANG}/hire/thanks")
    def website_hire_thanks(self, request, lang):
        return self._page(request, lang, "thanks.html")
