"""Structured logging: one JSON object per line, with secrets taken out first."""

import json
import logging
import re
from datetime import UTC, datetime

# Secrets in URL paths, which must never reach a log: a resident's private tracking link
# (/volgen/<token>/, initiatives.urls) and a password-reset link
# (/account/reset/<uid>/<token>/, wijkaanpak.account_urls) and a follower's link to confirm or
# stop (/wijkpost/<token>/..., subscriptions.urls). Whatever follows the prefix is
# taken out up to a space or quote, so a malformed or truncated token (a broken request line
# in gunicorn's error log) goes too; only the pages that hold no secret stay readable.
SECRET_PATHS = (
    re.compile(
        r"(/volgen/)(?!(?:reageren|intrekken|mijn-gegevens|gegevens-wissen)\b)[^\s\"'?#]+",
        re.IGNORECASE,
    ),
    re.compile(r"(/account/reset/)(?!done/)[^\s\"'?#]+", re.IGNORECASE),
    re.compile(r"(/wijkpost/|/steun-bevestigen/)[^\s\"'?#]+", re.IGNORECASE),
)


def redact(text: str) -> str:
    for pattern in SECRET_PATHS:
        text = pattern.sub(r"\1[verwijderd]", text)
    return text


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
