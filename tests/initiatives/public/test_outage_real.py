"""A real outage: gunicorn on a PostgreSQL of the test's own, stopped mid-test.

While the database is down, pages visitors saw before are served from the cache, every other
page is the 503 page with Retry-After, and the log holds warnings, no error or traceback.
When the database is back, so is the site.
"""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

from tests.own_postgres import own_postgres  # noqa: F401 - the fixture
from tests.wijkaanpak.test_operations import PRODUCTION_ENV, ROOT, run_manage

SEED = (
    "from tests.factories import InitiativeFactory, InitiatorFactory; "
    "i = InitiativeFactory(published=True, public_title='Speeltuin opknappen'); "
    "InitiatorFactory(initiative=i); print(i.pk)"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our server
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def _wait_until_up(base: str) -> None:
    for _ in range(100):
        try:
            if _get(base + "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError("gunicorn did not start")


def test_an_outage_serves_cached_pages_and_a_503_then_recovers(own_postgres):  # noqa: F811
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": own_postgres.url(),
        "HTTPS": "0",
        "STATIC_MANIFEST": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PAGE_CACHE_SECONDS": "600",
        "CONN_MAX_AGE": "60",
    }
    assert run_manage("migrate", "--no-input", "-v0", env=env).returncode == 0
    seeded = run_manage("shell", "--no-imports", "-c", SEED, env=env)
    assert seeded.returncode == 0, seeded.stderr
    detail = f"/initiatieven/{seeded.stdout.strip()}/"

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "-c",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--no-control-socket",
            "wijkaanpak.wsgi",
        ],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV} | env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_until_up(base)
        before = {path: _get(base + path) for path in ("/", detail)}
        assert all(status == 200 for status, _, _ in before.values())

        own_postgres.stop()
        for path in ("/", detail):
            status, _, body = _get(base + path)
            assert status == 200, path
            assert "Speeltuin opknappen" in body
        status, headers, body = _get(base + "/initiatieven/")
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "De site is even niet bereikbaar" in body
        assert _get(base + "/readyz")[0] == 503
        assert _get(base + "/healthz")[0] == 200

        own_postgres.start()
        assert _get(base + "/initiatieven/")[0] == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    application = [r for r in records if r["logger"].startswith(("django", "wijkaanpak"))]
    assert "Traceback" not in output, output
    assert not [r for r in application if r["level"] in {"ERROR", "CRITICAL"}], output
    warnings = [r["message"] for r in application if r["level"] == "WARNING"]
    assert "Database unavailable: GET /initiatieven/" in " ".join(warnings), output
