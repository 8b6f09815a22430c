"""Error types that cross RPC intact and map to HTTP statuses in the gateway.

Plain Python so domain code can raise them (or subclasses that name a business
rule, e.g. `class SponsorMustBeActive(Conflict)`). `infra.rpc` registers the four
base types with nameko and sends a subclass as its base type, keeping the rule's
name, so callers never need a service's internals to understand an error.
"""


def field_error(field: str, message: str) -> list[dict]:
    """The `errors` of a problem with one field: `[{"field": ..., "message": ...}]`."""
    return [{"field": field, "message": message}]


class ServiceError(Exception):
    """Base of the errors a caller is expected to handle."""

    def __init__(self, detail: str, errors: list | None = None, rule: str | None = None):
        if not rule and type(self) not in BASE_ERRORS:
            rule = type(self).__name__
        # "" rather than None: nameko stringifies None on its way across RPC
        super().__init__(detail, list(errors or []), rule or "")

    @property
    def detail(self) -> str:
        return self.args[0]

    @property
    def errors(self) -> list[dict]:
        """Field errors: `[{"field": "kvk_number", "message": "..."}]`."""
        return self.args[1]

    @property
    def rule(self) -> str | None:
        """The name of the business rule that was broken, if any."""
        return self.args[2] or None

    def __str__(self) -> str:
        return self.detail


class NotFound(ServiceError):
    """The object does not exist (or is outside the caller's scope)."""


class Invalid(ServiceError):
    """The input breaks a validation rule; `errors` names each field."""


class Conflict(ServiceError):
    """The request conflicts with the current state (duplicate, illegal transition)."""


class Forbidden(ServiceError):
    """The caller may not do this."""


BASE_ERRORS = (NotFound, Invalid, Conflict, Forbidden)


def base_error(error: ServiceError) -> ServiceError:
    """The registered base type of `error`, carrying the same detail, fields and rule."""
    for base in BASE_ERRORS:
        if isinstance(error, base):
            return base(error.detail, error.errors, error.rule)
    raise TypeError(f"{type(error).__name__} is not one of {BASE_ERRORS}")
