"""Every log is JSON lines without secrets from URL paths."""

import json
import logging

import pytest

TRACKING_TOKEN = "4f1c2b8e3a1f4c559d0e1b2c3d4e5f60aa"
RESET_TOKEN = "cz5x7k-0a1b2c3d4e5f6a7b8c9d"
TRUNCATED_TOKEN = "9e8d7c6b5a4f"
SECRETS = (TRACKING_TOKEN, RESET_TOKEN, TRUNCATED_TOKEN)


def test_the_application_log_takes_reset_and_tracking_links_out():
    # Through the handler settings.LOGGING configures for django.request and the rest.
    # django.request propagates to "django", whose handler settings.LOGGING configures.
    handler = next(h for h in logging.getLogger("django").handlers if h.filters)
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s and %s",
        (f"/account/reset/MQ/{RESET_TOKEN}/", f"/volgen/{TRUNCATED_TOKEN}%20x"),
        None,
    )
    assert handler.filter(record)
    line = json.loads(handler.format(record))
    assert line["message"] == "Not Found: /account/reset/[verwijderd] and /volgen/[verwijderd]"


@pytest.mark.parametrize(
    "path",
    ["/volgen/", "/volgen/reageren/", "/volgen/mijn-gegevens.json", "/account/reset/done/"],
)
def test_paths_without_a_secret_stay_readable(path):
    from wijkaanpak.logging import redact

    assert redact(f"GET {path} HTTP/1.1") == f"GET {path} HTTP/1.1"
