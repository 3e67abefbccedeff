import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError

from wijkaanpak.logging import JSONFormatter, RedactSecretsFilter

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: any query here would raise.
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_readyz_answers_when_the_database_does(client):
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_answers_503_when_the_database_does_not(client, monkeypatch):
    def fail(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", fail)
    assert client.get("/readyz").status_code == 503


def test_health_endpoints_answer_for_any_host_over_plain_http(client, settings):
    settings.ALLOWED_HOSTS = ["wijkaanpak.example.nl"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200


@pytest.mark.django_db
def test_trace_is_refused(client):
    assert client.generic("TRACE", "/").status_code == 405


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_log_lines_are_json_without_tracking_tokens(capsys):
    handler = logging.StreamHandler()
    handler.setFormatter(JSONFormatter())
    handler.addFilter(RedactSecretsFilter())
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    try:
        logger.warning("Not Found: %s", "/volgen/AbCdEf0123456789secret/")
    finally:
        logger.removeHandler(handler)
    line = capsys.readouterr().err.strip()
    assert '"level": "WARNING"' in line
    assert "AbCdEf0123456789secret" not in line
    assert "/volgen/[verwijderd]" in line


PRODUCTION_ENV = {
    "DEBUG": "0",
    "HTTPS": "1",
    "SECRET_KEY": "a-long-random-production-like-secret-key-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "wijkaanpak.example.nl",
    "SITE_URL": "https://wijkaanpak.example.nl",
    "EMAIL_BACKEND": "smtp",
    "EMAIL_HOST": "smtp.example.nl",
    "TASKS_BACKEND": "database",
    "STATIC_MANIFEST": "1",
    "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:///db.sqlite3"),
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """manage.py in a fresh process with ``env``; a value of None removes the variable."""
    test_only = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    clean.update(env)
    clean = {k: v for k, v in clean.items() if v is not None}
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_a_malformed_setting_is_refused_at_start_up():
    result = run_manage("check", env={**PRODUCTION_ENV, "CONN_MAX_AGE": "a minute"})
    assert result.returncode != 0
    assert "CONN_MAX_AGE must be a whole number" in result.stderr


def test_production_cookies_use_the_host_prefix():
    code = "from django.conf import settings as s; print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME)"
    result = run_manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.stdout.split() == ["__Host-sessionid", "__Host-csrftoken"]


def test_production_sends_mail_over_smtp_unless_told_otherwise():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "EMAIL_BACKEND"}
    code = "from django.conf import settings as s; print(s.MAILERS['default']['BACKEND'])"
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"


def test_behind_a_proxy_the_number_of_proxies_is_required():
    result = run_manage("check", env={**PRODUCTION_ENV, "BEHIND_PROXY": "1"})
    assert result.returncode != 0
    assert "PROXY_COUNT" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    result = run_manage("check", env={**PRODUCTION_ENV, "DATABASE_URL": None})
    assert result.returncode != 0
    assert "DATABASE_URL is required" in result.stderr


def test_deploy_check_warns_when_mail_would_be_sent_inside_the_request():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION_ENV, "TASKS_BACKEND": None},
    )
    assert result.returncode != 0
    assert "wijkaanpak.W004" in result.stderr + result.stdout


def test_a_cache_backend_whose_client_is_missing_stops_every_command(tmp_path):
    # A directory that shadows the redis package with one that cannot be imported.
    (tmp_path / "redis").mkdir()
    (tmp_path / "redis" / "__init__.py").write_text("raise ImportError('No module named redis')")
    env = {
        **PRODUCTION_ENV,
        "REDIS_URL": "redis://127.0.0.1:6379/5",
        "PYTHONPATH": str(tmp_path),
    }
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "wijkaanpak.E001" in result.stderr


def test_the_redis_cache_backend_can_be_loaded():
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/5"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
