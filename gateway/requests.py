"""Reading a request: its id, its JSON body, its query arguments."""

import json
import re
import uuid
from decimal import Decimal

from werkzeug.exceptions import UnsupportedMediaType
from werkzeug.wrappers import Request

from gateway.problems import invalid_body, malformed

MAX_BODY_BYTES = 1024 * 1024
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")


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
