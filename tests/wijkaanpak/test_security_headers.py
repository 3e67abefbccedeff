"""Small things a security scan looks for: Permissions-Policy, security.txt, no-store."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.core.checks import run_checks
from django.urls import reverse

pytestmark = pytest.mark.django_db

SECURITY_TXT = "/.well-known/security.txt"


def test_every_response_denies_browser_features_no_page_uses(client):
    for url in ("/", reverse("login"), "/bestaat-niet/", SECURITY_TXT):
        policy = client.get(url)["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in policy, url


@pytest.fixture
def security_contact(settings):
    settings.SECURITY_TXT_CONTACT = [
        "mailto:security@zaanstad.example",
        "https://zaanstad.example/cvd",
    ]
    settings.SECURITY_TXT_EXPIRES = dt.datetime(2027, 1, 31, 23, 0, tzinfo=dt.UTC)
    settings.SITE_URL = "https://wijkaanpak.zaanstad.example"


def test_security_txt_says_whom_to_tell_and_until_when(client, security_contact):
    response = client.get(SECURITY_TXT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text.splitlines() == [
        "Contact: mailto:security@zaanstad.example",
        "Contact: https://zaanstad.example/cvd",
        "Expires: 2027-01-31T23:00:00Z",
        "Preferred-Languages: nl, en",
        "Canonical: https://wijkaanpak.zaanstad.example/.well-known/security.txt",
    ]


def test_security_txt_is_absent_until_configured(client, settings):
    settings.SECURITY_TXT_CONTACT = []
    assert client.get(SECURITY_TXT).status_code == 404


def test_the_deploy_check_warns_about_an_expired_security_txt(security_contact, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # as deployed
    with time_machine.travel(dt.datetime(2027, 2, 1, tzinfo=dt.UTC)):
        ids = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "wijkaanpak.W002" in ids
    with time_machine.travel(dt.datetime(2026, 6, 1, tzinfo=dt.UTC)):
        ids = [message.id for message in run_checks(include_deployment_checks=True)]
    assert not [i for i in ids if i.startswith("wijkaanpak.")]


def assert_no_store(response) -> None:
    assert "no-store" in response.get("Cache-Control", ""), response.request["PATH_INFO"]


def test_the_password_reset_pages_are_never_stored(client, broker_a):
    assert_no_store(client.get(reverse("password_reset")))
    response = client.post(reverse("password_reset"), {"email": "broker_a@gemeente.example"})
    assert_no_store(response)
    assert_no_store(client.get(reverse("password_reset_done")))
    link = re.search(r"http://testserver(/account/reset/\S+/)", mail.outbox[0].body).group(1)
    first = client.get(link)
    assert_no_store(first)
    form = client.get(first["Location"])
    assert_no_store(form)
    assert_no_store(client.get("/account/reset/MQ/bad-token/"))
    assert_no_store(client.get(reverse("password_reset_complete")))


@pytest.mark.urls("tests.error_urls")
def test_the_403_page_is_never_stored(client):
    response = client.get("/test-403/")
    assert response.status_code == 403
    assert_no_store(response)


def test_a_refused_workspace_page_is_never_stored(client, council_member):
    client.force_login(council_member)
    response = client.get(reverse("initiatives:workspace"))
    assert response.status_code == 403
    assert_no_store(response)
