"""The coop's public website, served by the gateway: server-rendered HTML (Jinja2), Dutch and
English (gettext catalogues under `translations/`, compiled in memory at start), no
JavaScript needed, no external CDN.

- `i18n.py`: languages and catalogues; `pages.py`: templates and rendering;
- `csrf.py`: signed double-submit tokens; `form.py`: the "Hire a Multitalent" form
  (its schema, its errors, the lead it becomes);
- `kit.py`: what a gateway process shares (secret, rate limit of form posts, templates);
- `endpoint.py`: the HTML entrypoint (errors become readable pages, never in OpenAPI);
- the routes themselves are in `gateway/routes/website.py`.
"""
