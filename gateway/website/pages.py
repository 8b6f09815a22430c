"""Rendering the website's pages: one Jinja2 environment per language, autoescaped.

Autoescaping is on for every template, so whatever a visitor or a member typed (a
`<script>` in an introduction, an organisation's name) is shown as text, never run.
"""

from pathlib import Path

from babel.core import Locale
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from werkzeug.wrappers import Response

from gateway.website.i18n import LANGUAGE_NAMES, LANGUAGES, translations

TEMPLATES = Path(__file__).with_name("templates")
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


def _environment(lang: str) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.install_gettext_translations(translations(lang), newstyle=True)
    locale = Locale.parse(lang)
    environment.globals.update(
        lang=lang,
        active="",  # the nav entry of the current page (set by each template)
        language_names=LANGUAGE_NAMES,
        language_name=lambda code: locale.languages.get(code, code),
        # one decimal always: a mean of 5 reads 5.0 / 5,0, like 4.5 / 4,5
        decimal=lambda value: format_decimal(value, format="#,##0.0", locale=lang),
    )
    return environment


class Pages:
    def __init__(self):
        self.environments = {lang: _environment(lang) for lang in LANGUAGES}

    def render(self, lang: str, template: str, switch_path: str, status: int = 200,
               headers: dict | None = None, **context) -> Response:
        """`template` in `lang`; `switch_path` is this page's path after `/<lang>` (for the
        links to the other languages)."""
        environment = self.environments[lang]
        switch = [{"lang": other, "name": LANGUAGE_NAMES[other],
                   "href": f"/{other}{switch_path}"} for other in LANGUAGES if other != lang]
        body = environment.get_template(template).render(switch=switch, **context)
        response = Response(body, status=status, headers=headers or {},
                            content_type="text/html; charset=utf-8")
        response.headers["Content-Language"] = lang
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response
