"""Prometheus metrics of the gateway, served at /metrics."""

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest

REQUESTS = Counter("gateway_requests_total", "HTTP requests", ["route", "method", "status"])
REQUEST_SECONDS = Histogram("gateway_request_duration_seconds", "HTTP request latency",
                            ["route", "method"])
RPC_SECONDS = Histogram("gateway_rpc_duration_seconds", "RPC latency by service and method",
                        ["service", "method", "outcome"])


def observe_request(route: str, method: str, status: int, seconds: float) -> None:
    REQUESTS.labels(route, method, str(status)).inc()
    REQUEST_SECONDS.labels(route, method).observe(seconds)


def observe_rpc(service: str, method: str, seconds: float, outcome: str) -> None:
    RPC_SECONDS.labels(service, method, outcome).observe(seconds)


def exposition() -> tuple[bytes, str]:
    return generate_latest(), CONTENT_TYPE_LATEST
