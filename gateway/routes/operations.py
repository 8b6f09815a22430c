"""Health, readiness, metrics and the API's own documentation."""

import eventlet

from gateway import docs, metrics
from gateway.http import RouteDoc, api
from gateway.openapi import openapi_document
from gateway.schemas import HealthSchema, ReadinessSchema
from infra import config


class OperationsRoutes:
    @api("GET", "/health", RouteDoc("Liveness", "operations", response=HealthSchema),
         public=True, rate_limited=False)
    def health(self, request):
        return {"status": "ok"}

    @api("GET", "/ready", RouteDoc("Readiness: the broker and every service answer",
                                   "operations", response=ReadinessSchema, problems=(503,)),
         public=True, rate_limited=False)
    def ready(self, request):
        pings = {name: eventlet.spawn(_answers, getattr(self, name).ping)
                 for name in config.SERVICES}
        services = {name: "ok" if ping.wait() else "unavailable" for name, ping in pings.items()}
        status = 200 if all(state == "ok" for state in services.values()) else 503
        return status, {"status": "ready" if status == 200 else "not ready", "services": services}

    @api("GET", "/metrics", RouteDoc("Prometheus metrics", "operations",
                                     media_type="text/plain"),
         public=True, rate_limited=False)
    def metrics(self, request):
        body, content_type = metrics.exposition()
        return docs.raw(body, content_type)

    @api("GET", "/v1/openapi.json", RouteDoc("This API's OpenAPI 3.1 description", "operations"),
         public=True)
    def openapi(self, request):
        return openapi_document(type(self))

    @api("GET", "/docs", RouteDoc("Human-readable API documentation", "operations",
                                  media_type="text/html"), public=True)
    def docs_page(self, request):
        return docs.page()

    @api("GET", "/docs/<path:asset>", RouteDoc("Assets of the documentation page", "operations",
                                               media_type="*/*"), public=True)
    def docs_asset(self, request, asset):
        return docs.asset(asset)


def _answers(ping) -> bool:
    try:
        return ping() == "pong"
    except Exception:
        return False
