"""Settings from environment variables, with defaults that work on one machine."""

import os
import re
import secrets
from datetime import timedelta
from pathlib import Path

DEFAULT_AMQP_URI = "amqp://guest:guest@127.0.0.1:5672/"
SERVICES = ("members", "matching", "billing", "learning", "federation")
DATABASES = (*SERVICES, "gateway")  # the gateway keeps its tokens and idempotency keys


def var_dir() -> Path:
    """Where local state lives (SQLite files, generated secrets)."""
    return Path(os.environ.get("MULTITALENT_VAR_DIR", "var")).resolve()


def amqp_uri() -> str:
    return os.environ.get("AMQP_URI", DEFAULT_AMQP_URI)


def database_url(service: str) -> str:
    """`<SERVICE>_DATABASE_URL`, or a SQLite file under var/ by default."""
    configured = os.environ.get(f"{service.upper()}_DATABASE_URL")
    if configured:
        return configured
    return f"sqlite:///{var_dir() / f'{service}.db'}"


def gateway_port() -> int:
    return int(os.environ.get("GATEWAY_PORT", "8000"))


def rpc_timeout() -> float:
    """Seconds the gateway waits for a service before answering 504."""
    return float(os.environ.get("RPC_TIMEOUT", "5"))


def billing_rpc_timeout() -> float:
    """Seconds the gateway waits for billing's long calls (monthly invoicing, payout batch,
    solidarity benefit run) before answering 504."""
    return float(os.environ.get("BILLING_RPC_TIMEOUT", "60"))


def inbox_retention(configured=None) -> timedelta:
    """How long a handled event's id is kept to recognise a redelivery of it
    (`INBOX_RETENTION_DAYS`, default 90, at least 7: a parked message replayed within
    that time is still recognised)."""
    return timedelta(days=whole_number_setting(
        "INBOX_RETENTION_DAYS", configured, 90, minimum=7, meaning="of days, 7 or more"))


LONGEST_LEAD_CONTACT_RETENTION_DAYS = 365  # the request form promises "at the latest a year"


def lead_contact_retention(configured=None) -> timedelta:
    """How long a lead's contact person is kept after the lead was closed
    (`LEAD_CONTACT_RETENTION_DAYS`, default and at most 365: the website's request form
    promises erasure within a year)."""
    longest = LONGEST_LEAD_CONTACT_RETENTION_DAYS
    return timedelta(days=whole_number_setting(
        "LEAD_CONTACT_RETENTION_DAYS", configured, longest, minimum=1, maximum=longest,
        meaning=f"of days from 1 to {longest} (the request form promises erasure within a "
                f"year)"))


def outbox_retention() -> timedelta:
    """How long published outbox rows are kept before the relay deletes them."""
    return timedelta(days=float(os.environ.get("OUTBOX_RETENTION_DAYS", "7")))


def rate_limit() -> str:
    """Requests allowed per token (`limits` notation, e.g. `600/minute`)."""
    return os.environ.get("RATE_LIMIT", "600/minute")


def anonymous_rate_limit() -> str:
    """Requests allowed per client IP without a valid token."""
    return os.environ.get("ANONYMOUS_RATE_LIMIT", "120/minute")


def rate_limit_storage_url() -> str:
    """Where rate-limit counters live: in memory, or Redis shared by gateway replicas."""
    return os.environ.get("RATE_LIMIT_STORAGE_URL", "memory://")


def whole_number_setting(name: str, configured, default: int, *, minimum: int,
                         maximum: int | None = None, meaning: str) -> int:
    """A setting that is a whole number from `minimum` (to `maximum`, when given):
    `configured` (the nameko config's value) wins over the environment; unset or blank is
    `default`. Anything else stops the process at start with the setting named (`meaning`:
    what the number counts)."""
    value = os.environ.get(name) if configured is None else configured
    text = "" if value is None else str(value).strip()
    if not text:
        return default
    if (isinstance(value, bool) or not re.fullmatch(r"[0-9]+", text) or int(text) < minimum
            or maximum is not None and int(text) > maximum):
        raise ValueError(f"{name} must be a whole number {meaning}, not {value!r}.")
    return int(text)


def trusted_proxy_hops(configured=None) -> int:
    """How many reverse proxies in front of the gateway append the address they received
    a request from to X-Forwarded-For (`TRUSTED_PROXY_HOPS`; 0, the default, trusts no
    forwarding header)."""
    return whole_number_setting(
        "TRUSTED_PROXY_HOPS", configured, 0, minimum=0,
        meaning="of reverse proxies, 0 or more (0: trust no X-Forwarded-For)")


def cors_allowed_origins() -> tuple[str, ...]:
    configured = os.environ.get("CORS_ALLOWED_ORIGINS", "")
    return tuple(origin.strip() for origin in configured.split(",") if origin.strip())


def operator_token() -> str:
    """The operator's bearer token: `OPERATOR_TOKEN`, else generated once into var/."""
    configured = os.environ.get("OPERATOR_TOKEN")
    if configured:
        return configured
    path = var_dir() / "operator_token"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        token = "mt_op_" + secrets.token_urlsafe(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as file:
            file.write(token)
    return path.read_text().strip()


def coop_uri() -> str:
    """This coop's identity towards partner coops (the `source` of what it sends them)."""
    return os.environ.get("COOP_URI") or "urn:multitalent:coop:local"


def federation_inbound_exchange() -> str:
    """The exchange on our broker where partner coops publish their events to us."""
    return os.environ.get("FEDERATION_INBOUND_EXCHANGE") or "federation.inbound"
