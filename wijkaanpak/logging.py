"""Structured logging: one JSON object per line, with secrets taken out first."""

import json
import logging
import re
from datetime import UTC, datetime

# A resident's private tracking link is a bearer secret; it must never reach a log.
# Paths look like /volgen/<token>/ and /steun-bevestigen/<token>/ (see initiatives.urls).
SECRET_PATH = re.compile(r"(/volgen/|/steun-bevestigen/)[A-Za-z0-9_\-]{8,}")


def redact(text: str) -> str:
    return SECRET_PATH.sub(r"\1[verwijderd]", text)


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        # django.request attaches the request; its repr carries the path too.
        if hasattr(record, "request"):
            record.request = None
        return True


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
