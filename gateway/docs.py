"""The documentation page at /docs: Swagger UI 5 (it reads OpenAPI 3.1) served from its
PyPI package (swagger-ui-py), no CDN: the network may be closed."""

from importlib import resources
from pathlib import Path

from werkzeug.wrappers import Response

from gateway.problems import Problem

STATIC = Path(__file__).with_name("static")
SWAGGER_UI = Path(str(resources.files("swagger_ui"))) / "static"
ASSETS = {
    "swagger-ui.css": (SWAGGER_UI, "text/css"),
    "swagger-ui-bundle.js": (SWAGGER_UI, "application/javascript"),
    "favicon-32x32.png": (SWAGGER_UI, "image/png"),
    "docs.js": (STATIC, "application/javascript"),
}


def raw(body: bytes | str, content_type: str) -> Response:
    return Response(body, content_type=content_type)


def page() -> Response:
    return raw((STATIC / "index.html").read_bytes(), "text/html; charset=utf-8")


def asset(name: str) -> Response:
    if name not in ASSETS:
        raise Problem(404, "not-found", "Not found", f"No documentation asset {name}.")
    folder, content_type = ASSETS[name]
    response = raw((folder / name).read_bytes(), content_type)
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
