"""Every log is JSON lines without secrets from URL paths: Django's and gunicorn's own.

gunicorn runs for real here (gunicorn.conf.py, one worker) and gets an ordinary request, a
tracking link, a password-reset link and a malformed request line carrying a token.
"""

import json
import logging
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.wijkaanpak.test_operations import PRODUCTION_ENV, ROOT

TRACKING_TOKEN = "4f1c2b8e3a1f4c559d0e1b2c3d4e5f60aa"
RESET_TOKEN = "cz5x7k-0a1b2c3d4e5f6a7b8c9d"
TRUNCATED_TOKEN = "9e8d7c6b5a4f"
SECRETS = (TRACKING_TOKEN, RESET_TOKEN, TRUNCATED_TOKEN)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture(scope="module")
def gunicorn_logs(tmp_path_factory) -> dict:
    """Run gunicorn, send it the requests above, stop it; its output and home directory."""
    home = tmp_path_factory.mktemp("home")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    env.pop("XDG_RUNTIME_DIR", None)
    env |= {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{home / 'db.sqlite3'}",
        "HTTPS": "0",
        "STATIC_MANIFEST": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "HOME": str(home),
    }
    server = subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv
        [
            *(str(ROOT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py"),
            *("-b", f"127.0.0.1:{port}", "--workers", "1", "wijkaanpak.wsgi"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(100):
            try:
                if _get(base + "/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.1)
        control_socket_while_running = (home / ".gunicorn" / "gunicorn.ctl").exists()
        _get(f"{base}/volgen/{TRACKING_TOKEN}/")
        _get(f"{base}/account/reset/MQ/{RESET_TOKEN}/")
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            # A link mangled in copying: a raw non-ASCII byte makes the line invalid.
            raw.sendall(f"GET /volgen/{TRUNCATED_TOKEN}é HTTP/1.1\r\n\r\n".encode())
            raw.recv(1024)
    finally:
        server.terminate()
        stdout, stderr = server.communicate(timeout=30)
    return {
        "stdout": stdout,
        "stderr": stderr,
        "home": Path(home),
        "control_socket_while_running": control_socket_while_running,
    }


def _records(text: str) -> list[dict]:
    """Every line as JSON; a line that is not JSON fails the test."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_gunicorn_access_log_is_json_without_tokens(gunicorn_logs):
    access = [r for r in _records(gunicorn_logs["stdout"]) if r["logger"] == "gunicorn.access"]
    messages = " ".join(r["message"] for r in access)
    assert '"GET /healthz HTTP/1.1" 200' in messages
    assert '"GET /volgen/[verwijderd] HTTP/1.1"' in messages
    assert '"GET /account/reset/[verwijderd] HTTP/1.1"' in messages
    assert not [s for s in SECRETS if s in gunicorn_logs["stdout"]]


def test_gunicorn_error_log_is_json_without_tokens(gunicorn_logs):
    # Python's own warnings (e.g. whitenoise's about a missing static directory) may share
    # stderr; gunicorn's lines are JSON.
    lines = [line for line in gunicorn_logs["stderr"].splitlines() if line.startswith("{")]
    errors = [json.loads(line) for line in lines]
    messages = [r["message"] for r in errors if r["logger"] == "gunicorn.error"]
    assert any(m.startswith("Starting gunicorn") for m in messages)
    assert any("Invalid request" in m and "/volgen/[verwijderd]" in m for m in messages), messages
    assert not [s for s in SECRETS if s in gunicorn_logs["stderr"]]
    assert not [line for line in gunicorn_logs["stderr"].splitlines() if "[INFO]" in line]


def test_gunicorn_makes_no_control_socket_another_instance_could_take(gunicorn_logs):
    assert not gunicorn_logs["control_socket_while_running"]
    assert not (gunicorn_logs["home"] / ".gunicorn").exists()


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
