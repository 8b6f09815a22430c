"""RPC on both sides: the `rpc` entrypoint services expose, and a bounded proxy.

- `rpc` is nameko's entrypoint that expects the four `infra.errors` types, sends a
  rule-named subclass (`SponsorMustBeActive`) as its registered base type, and a
  marshmallow `ValidationError` as `Invalid`, so the caller receives e.g. a
  `Conflict` with the rule's name instead of a bare `RemoteError`.
- `BoundedRpcProxy` waits at most `timeout` seconds for a reply and publishes with
  a message TTL of the same length, so a request nobody picked up in time is
  dropped by the broker instead of running later for a caller that gave up
  (nameko 2's own RpcProxy waits forever).
"""

import time

import eventlet
from marshmallow import ValidationError
from nameko.exceptions import deserialize_to_instance
from nameko.rpc import MethodProxy, Rpc, RpcProxy, ServiceProxy

from infra.errors import BASE_ERRORS, ServiceError, base_error
from infra.schemas import invalid

for _error_type in BASE_ERRORS:
    deserialize_to_instance(_error_type)


class ServiceUnavailable(Exception):
    """A service did not answer within the caller's timeout."""

    def __init__(self, service: str, method: str, timeout: float):
        super().__init__(f"{service}.{method} did not answer within {timeout:g} s")
        self.service = service
        self.method = method


class ServiceRpc(Rpc):
    def __init__(self, expected_exceptions=(*BASE_ERRORS, ValidationError), **kwargs):
        super().__init__(expected_exceptions=expected_exceptions, **kwargs)

    def handle_result(self, message, worker_ctx, result, exc_info):
        if exc_info is not None and isinstance(exc_info[1], ValidationError | ServiceError):
            error = exc_info[1]
            error = invalid(error) if isinstance(error, ValidationError) else base_error(error)
            exc_info = (type(error), error, exc_info[2])
        return super().handle_result(message, worker_ctx, result, exc_info)


rpc = ServiceRpc.decorator


class _BoundedMethodProxy(MethodProxy):
    def __init__(self, worker_ctx, service_name, method_name, reply_listener, timeout,
                 observe=None, **options):
        self.timeout = timeout
        self.observe = observe
        super().__init__(
            worker_ctx, service_name, method_name, reply_listener, expiration=timeout, **options
        )

    def __call__(self, *args, **kwargs):
        started = time.monotonic()
        outcome = "ok"
        try:
            reply = self._call(*args, **kwargs)
            timeout_error = ServiceUnavailable(self.service_name, self.method_name, self.timeout)
            with eventlet.Timeout(self.timeout, timeout_error):
                return reply.result()
        except Exception as error:
            outcome = type(error).__name__
            raise
        finally:
            if self.observe is not None:
                self.observe(self.service_name, self.method_name, time.monotonic() - started,
                             outcome)


class _BoundedServiceProxy(ServiceProxy):
    def __getattr__(self, name):
        return _BoundedMethodProxy(
            self.worker_ctx, self.service_name, name, self.reply_listener, **self.options
        )


class BoundedRpcProxy(RpcProxy):
    """Like nameko's RpcProxy, with `timeout` seconds per call (`ServiceUnavailable`).

    `observe(service, method, seconds, outcome)`, if given, is told about every call.
    """

    def __init__(self, target_service: str, timeout: float, observe=None, **options):
        super().__init__(target_service, timeout=timeout, observe=observe, **options)

    def get_dependency(self, worker_ctx):
        return _BoundedServiceProxy(
            worker_ctx, self.target_service, self.rpc_reply_listener, **self.options
        )
