"""Reading a request: who sent it, its id, its JSON body, its query arguments."""

import ipaddress
import json
import re
import uuid
from decimal import Decimal

from werkzeug.exceptions import UnsupportedMediaType
from werkzeug.wrappers import Request

from gateway.problems import invalid_body, malformed

MAX_BODY_BYTES = 1024 * 1024
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")


def client_address(peer: str, forwarded_for: str | None, trusted_hops: int) -> str:
    """The address a request comes from, behind `trusted_hops` reverse proxies that each
    append the address they received it from to X-Forwarded-For.

    That is the `trusted_hops`-th entry from the right: the entries left of it are whatever
    the client sent and are never believed. With 0 hops, with fewer entries than hops (the
    request did not come through every proxy) or when that entry is not an IP address, the
    peer of the connection is the answer. Entries are split on commas only (no quoting):
    nothing a client puts in the header can move the entries the proxies appended.
    """
    if trusted_hops <= 0 or not forwarded_for:
        return peer
    entries = forwarded_for.split(",")
    if len(entries) < trusted_hops:
        return peer
    try:
        address = ipaddress.ip_address(entries[-trusted_hops].strip())
    except ValueError:
        return peer
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:192.0.2.1 is 192.0.2.1
    return str(mapped or address)


def rate_limit_address(address: str | None) -> str:
    """Whom a per-IP rate limit counts: an IPv4 address as it is, an IPv6 address by its
    /64 network. One IPv6 subscriber is routinely given a whole /64 and can send each
    request from another address in it: counted one by one, no limit would ever hold."""
    try:
        parsed = ipaddress.ip_address(address or "")
    except ValueError:
        return address or ""
    if parsed.version == 4:
        return str(parsed)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def client_scheme(scheme: str, forwarded_proto: str | None, trusted_hops: int) -> str:
    """The scheme the client reached the coop with (`http` or `https`), behind
    `trusted_hops` reverse proxies that each append the scheme they were reached with to
    X-Forwarded-Proto (werkzeug's ProxyFix `x_proto` reads it alike): the
    `trusted_hops`-th entry from the right. With 0 hops, with fewer entries than hops or
    when that entry is neither `http` nor `https`, the connection's own `scheme`.

    Behind a load balancer that ends TLS the connection is plain HTTP: without this the
    website's CSRF cookie would never be marked Secure."""
    if trusted_hops <= 0 or not forwarded_proto:
        return scheme
    entries = forwarded_proto.split(",")
    if len(entries) < trusted_hops:
        return scheme
    given = entries[-trusted_hops].strip().lower()
    return given if given in ("http", "https") else scheme


def request_id_of(request: Request) -> str:
    """The caller's X-Request-ID when it is sane, else a new one."""
    given = request.headers.get("X-Request-ID", "")
    return given if _REQUEST_ID.match(given) else str(uuid.uuid4())


def json_body(request: Request) -> dict:
    """The request body as a JSON object; numbers with a fraction become Decimal."""
    if request.mimetype not in ("application/json", "application/merge-patch+json"):
        raise UnsupportedMediaType("Send the body as application/json.")
    raw = request.get_data(cache=True)
    if not raw:
        raise malformed("The request body is empty; send a JSON object.")
    try:
        body = json.loads(raw, parse_float=Decimal, parse_constant=_reject_constant)
    except (ValueError, UnicodeDecodeError) as error:
        raise malformed(f"The body is not valid JSON: {error}.") from error
    if not isinstance(body, dict):
        raise invalid_body("The body must be a JSON object.")
    return body


def query_args(request: Request) -> dict:
    """Query arguments; a repeated one (`member_ids=a&member_ids=b`) becomes a list."""
    return {key: values[0] if len(values) == 1 else values
            for key, values in request.args.lists()}


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def checked(schema, body: dict) -> dict:
    """`body` once `schema` accepts its shape, forwarded as sent: the service loads it again.

    For bodies whose fields become separate RPC arguments: unknown or missing fields
    must be a 422 here, not a failed call.
    """
    schema.load(body)
    return body
