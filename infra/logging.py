"""Structured logs: one JSON object per line, with service, request id and event id.

Never log personal data (IBAN, BSN, health reasons): log ids, not payloads.
"""

import json
import logging
import os
import sys
import time
from datetime import UTC, datetime

from nameko.extensions import DependencyProvider

SERVICE = os.environ.get("MULTITALENT_SERVICE") or os.path.basename(sys.argv[0])


class JsonFormatter(logging.Formatter):
    FIELDS = ("request_id", "event_id", "entrypoint", "status", "duration_ms", "method",
              "path", "token_id", "error")

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "service": SERVICE,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in self.FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def logging_config(level: str = "INFO") -> dict:
    """A dictConfig that keeps nameko's own loggers (disable_existing_loggers: false)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "infra.logging.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "root": {"level": level, "handlers": ["console"]},
    }


class WorkerLog(DependencyProvider):
    """Logs one line per handled RPC call or event, with its request and event id."""

    def __init__(self):
        self.log = logging.getLogger("multitalent.worker")
        self._started = {}

    def worker_setup(self, worker_ctx):
        self._started[worker_ctx] = time.monotonic()

    def worker_result(self, worker_ctx, result=None, exc_info=None):
        started = self._started.pop(worker_ctx, time.monotonic())
        extra = {
            "entrypoint": f"{worker_ctx.service_name}.{worker_ctx.entrypoint.method_name}",
            "request_id": worker_ctx.context_data.get("request_id"),
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
            "status": "ok" if exc_info is None else type(exc_info[1]).__name__,
        }
        event = worker_ctx.args[0] if worker_ctx.args else None
        if isinstance(event, dict) and "id" in event and "type" in event:
            extra["event_id"] = event["id"]
        self.log.info("handled %s", extra["entrypoint"], extra=extra)
