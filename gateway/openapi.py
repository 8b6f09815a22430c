"""The OpenAPI 3.1 description of the API, generated from the routes and their schemas.

Every `api(...)` route appears with its parameters, body, success response and the
problem responses it can give; the marshmallow schemas are the single source.
"""

import inspect
import re
from functools import cache

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from nameko.extensions import ENTRYPOINT_EXTENSIONS_ATTR

from gateway.http import ApiEndpoint
from gateway.schemas import ProblemSchema
from infra.schemas import Money

DESCRIPTION = """\
The API of a Multitalent cooperative: freelancers who are hired together, as one team.

**Authentication.** `Authorization: Bearer <token>`. A token has a role: `operator`
(the coop), `client` (one client organisation) or `member` (one member). Objects outside
a token's scope answer 404.

**Errors** are RFC 9457 `application/problem+json`; validation problems list each field
in `errors`. Every response carries `X-Request-ID`.

**Lists** take `limit` (1-100) and `cursor` (the `next_cursor` of the previous page).

**Idempotency.** Send `Idempotency-Key` with a POST: the same key and body within 24 h
replay the first response; the same key with another body is a 422.

**Rate limits** per token (and per IP without a token): 429 with `Retry-After`.
"""

PROBLEM_TITLES = {
    400: "Malformed request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
    409: "Conflict", 413: "Payload too large", 415: "Unsupported media type",
    422: "Validation failed", 429: "Too many requests", 500: "Internal error",
    503: "Service unavailable", 504: "Service did not answer in time",
}
PATH_PARAMETER = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")
IDEMPOTENCY_KEY = {
    "in": "header", "name": "Idempotency-Key", "required": False,
    "description": "Makes a retried POST safe: the first response is replayed for 24 h.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}


def api_routes(service_class) -> list[tuple[str, ApiEndpoint]]:
    routes = []
    for name, attribute in inspect.getmembers(service_class, inspect.isfunction):
        for entrypoint in getattr(attribute, ENTRYPOINT_EXTENSIONS_ATTR, ()):
            if isinstance(entrypoint, ApiEndpoint):
                routes.append((name, entrypoint))
    return routes


def openapi_path(url: str) -> str:
    return PATH_PARAMETER.sub(r"{\1}", url)


def problem_statuses(route: ApiEndpoint) -> set[int]:
    statuses = {500, *route.doc.problems}
    if route.roles is not None:
        statuses |= {401, 403, 429, 503, 504}
    elif route.rate_limited:
        statuses.add(429)
    if route.doc.body is not None:
        statuses |= {400, 413, 415, 422}
    if route.doc.query is not None:
        statuses.add(422)
    if "<" in route.url:
        statuses.add(404)
    if route.method == "POST":
        statuses |= {409, 422}
    return statuses


def _operation(method_name: str, route: ApiEndpoint) -> dict:
    doc = route.doc
    parameters = [{"in": "path", "name": name, "required": True, "schema": {"type": "string"}}
                  for name in PATH_PARAMETER.findall(route.url)]
    if doc.query is not None:
        parameters.append({"in": "query", "schema": doc.query})
    if route.method == "POST":
        parameters.append(IDEMPOTENCY_KEY)
    success = {"description": doc.summary}
    if doc.status != 204:
        schema = doc.response if doc.response is not None else {}
        types = doc.media_type if isinstance(doc.media_type, tuple) else (doc.media_type,)
        success["content"] = {media_type: {"schema": schema} for media_type in types}
    responses = {str(doc.status): success}
    if doc.query is not None:
        # The HTTP server itself refuses an over-long request line, before any route runs.
        responses["414"] = {"description": "URI too long: the server refuses it as plain text"}
    for status in sorted(problem_statuses(route)):
        responses[str(status)] = {
            "description": PROBLEM_TITLES[status],
            "content": {"application/problem+json": {"schema": ProblemSchema}},
        }
    operation = {
        "operationId": method_name, "summary": doc.summary, "tags": [doc.tag],
        "parameters": parameters, "responses": responses,
        "security": [] if route.roles is None else [{"bearer": []}],
    }
    if route.roles is not None:
        operation["description"] = f"Roles: {', '.join(route.roles)}."
    if doc.body is not None:
        operation["requestBody"] = {"required": True,
                                    "content": {"application/json": {"schema": doc.body}}}
    return operation


def schema_names():
    """apispec's schema name resolver: the class name without `Schema`; a second class
    with that name (two services may both have an `Address`) gets its service's name in
    front (`BillingAddress`), so no component is silently renamed `Address1`."""
    taken: dict[str, type] = {}

    def resolve(schema) -> str:
        cls = schema if isinstance(schema, type) else type(schema)
        name = cls.__name__.removesuffix("Schema") or cls.__name__
        if taken.setdefault(name, cls) is cls:
            return name
        qualified = _owner(cls) + name
        if taken.setdefault(qualified, cls) is not cls:
            raise ValueError(f"two schemas are named {qualified}: rename one")
        return qualified

    return resolve


def _owner(cls: type) -> str:
    """`services.billing.schemas.hours` → Billing; `gateway.…` → Gateway."""
    parts = cls.__module__.split(".")
    return (parts[1] if parts[0] == "services" and len(parts) > 1 else parts[0]).title()


@cache
def openapi_document(service_class) -> dict:
    marshmallow = MarshmallowPlugin(schema_name_resolver=schema_names())
    spec = APISpec(title="Multitalent API", version="1", openapi_version="3.1.0",
                   plugins=[marshmallow], info={"description": DESCRIPTION})
    marshmallow.map_to_openapi_type(Money, "string", "decimal")
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    spec.components.schema("Problem", schema=ProblemSchema)
    operations: dict[str, dict] = {}
    for method_name, route in api_routes(service_class):
        for method in route.method.split(","):
            operations.setdefault(openapi_path(route.url), {})[method.lower()] = _operation(
                method_name, route)
    for path, path_operations in operations.items():
        spec.path(path=path, operations=path_operations)
    return spec.to_dict()
