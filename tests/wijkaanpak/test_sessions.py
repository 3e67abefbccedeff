"""Staff and council sessions end: after a while without use, after a working day, and on a
new password; and a password has at least 12 characters."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.second_factor import finish_log_in

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
PASSWORD = "correct horse battery staple"
WORKSPACE = reverse("initiatives:workspace")


def log_in(client, username: str) -> None:
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert finish_log_in(client, response).status_code == 302


def test_a_staff_session_ends_after_thirty_idle_minutes(client, broker_a):
    with time_machine.travel(START, tick=False) as clock:
        log_in(client, "broker_a")
        clock.shift(dt.timedelta(minutes=29))
        assert client.get(WORKSPACE).status_code == 200
        clock.shift(dt.timedelta(minutes=29))  # 29 minutes after the last request
        assert client.get(WORKSPACE).status_code == 200
        clock.shift(dt.timedelta(minutes=31))
        response = client.get(WORKSPACE)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={WORKSPACE}"
        assert "_auth_user_id" not in client.session
        page = client.get(response["Location"])
        assert "U bent uitgelogd omdat u 30 minuten niets heeft gedaan" in page.text


def test_a_staff_session_ends_after_ten_hours_however_busy(client, broker_a):
    with time_machine.travel(START, tick=False) as clock:
        log_in(client, "broker_a")
        for _ in range(40):  # a request every quarter of an hour
            clock.shift(dt.timedelta(minutes=15))
            if client.get(WORKSPACE).status_code != 200:
                break
        assert dt.datetime.now(tz=dt.UTC) - START == dt.timedelta(hours=10, minutes=0)
        assert "_auth_user_id" not in client.session


def test_a_council_members_session_ends_when_idle_too(client, council_member):
    with time_machine.travel(START, tick=False) as clock:
        log_in(client, "raadslid")
        clock.shift(dt.timedelta(minutes=31))
        client.get(reverse("initiatives:neighbourhoods"))
        assert "_auth_user_id" not in client.session


def test_the_limits_are_settings(client, broker_a, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 5
    settings.STAFF_SESSION_MAX_HOURS = 1
    with time_machine.travel(START, tick=False) as clock:
        log_in(client, "broker_a")
        clock.shift(dt.timedelta(minutes=6))
        assert client.get(WORKSPACE).status_code == 302


def test_the_session_cookie_does_not_outlive_the_limit(client, broker_a):
    log_in(client, "broker_a")
    assert client.session.get_expiry_age() == 10 * 3600


def test_a_user_without_a_role_is_left_alone(client, db):
    UserFactory(username="gewoon")
    with time_machine.travel(START, tick=False) as clock:
        log_in(client, "gewoon")
        clock.shift(dt.timedelta(hours=2))
        client.get(reverse("home"))
        assert "_auth_user_id" in client.session


def test_a_new_password_logs_out_every_other_session(broker_a):
    here, elsewhere = Client(), Client()
    log_in(here, "broker_a")
    log_in(elsewhere, "broker_a")
    new = "een nieuw lang wachtwoord"
    response = here.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert here.get(WORKSPACE).status_code == 200
    assert elsewhere.get(WORKSPACE).status_code == 302


def test_a_password_needs_twelve_characters(client, broker_a):
    log_in(client, "broker_a")
    short = "k8#Lq2!vZp4"  # 11 characters
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": short, "new_password2": short},
    )
    assert response.status_code == 200
    assert "minimaal 12 tekens" in response.text
    broker_a.refresh_from_db()
    assert broker_a.check_password(PASSWORD)
