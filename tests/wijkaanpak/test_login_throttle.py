"""Guessing passwords is slow, from one address, a whole IPv6 /64, or many addresses at once.

- django-axes locks a user name per client address, an IPv6 client per /64 (one household or
  server gets one /64; counting each address apart let it try without limit);
- across addresses, each account's failures make the next attempt wait, longer each time up
  to a few minutes; a browser that logged in to the account before never waits;
- password-reset requests are limited per address and per e-mail address, and the e-mail is
  sent by the tasks worker, not inside the request.
"""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.tasks import default_task_backend
from django.urls import reverse

from tests.factories import UserFactory
from wijkaanpak import accounts
from wijkaanpak.models import LoginFailures

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
RESET = reverse("password_reset")
PASSWORD = "correct horse battery staple"
START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def log_in(client, username: str, password: str = PASSWORD, address: str = "10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


# --- Per address ----------------------------------------------------------------------------


def test_the_addresses_of_one_ipv6_64_count_as_one_client(client, broker_a):
    for number in range(1, 6):
        log_in(client, "broker_a", password="fout", address=f"2001:db8:1:2::{number}")
    response = log_in(client, "broker_a", address="2001:db8:1:2:ffff::99")
    assert response.status_code == 429
    assert not logged_in(client)
    # Another /64 is another client.
    assert log_in(client, "broker_a", address="2001:db8:1:3::1").status_code == 302


def test_the_lockout_address_of_an_ipv6_client_is_its_64(rf, settings):
    request = rf.get("/", REMOTE_ADDR="2001:db8:1:2:aaaa:bbbb:cccc:dddd")
    assert accounts.lockout_address(request) == "2001:db8:1:2::"
    assert accounts.lockout_address(rf.get("/", REMOTE_ADDR="10.1.2.3")) == "10.1.2.3"
    settings.PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="2001:db8:9:9::1")
    assert accounts.lockout_address(request) == "2001:db8:9:9::"


# --- Per account, across addresses ------------------------------------------------------------


def fail_from_many_addresses(client, username: str, count: int, first: int = 0) -> None:
    for number in range(first, first + count):
        response = log_in(
            client, username, password="fout", address=f"10.1.{number // 250}.{number % 250}"
        )
        assert response.status_code == 200


def test_failures_from_many_addresses_make_the_account_wait(client, broker_a, settings):
    settings.LOGIN_ACCOUNT_FREE_FAILURES = 10
    with time_machine.travel(START, tick=False) as clock:
        fail_from_many_addresses(client, "broker_a", 10)
        # The right password from yet another address must wait too: that is the point.
        response = log_in(client, "broker_a", address="10.9.9.9")
        assert response.status_code == 429
        assert "Wacht 1 minuut" in response.text
        assert not logged_in(client)
        clock.shift(dt.timedelta(seconds=31))
        assert log_in(client, "broker_a", address="10.9.9.9").status_code == 302


def test_the_wait_doubles_with_each_failure_and_stays_short(settings):
    settings.LOGIN_ACCOUNT_FREE_FAILURES = 10
    settings.LOGIN_ACCOUNT_MAX_DELAY_MINUTES = 15
    delays = [accounts.account_delay(failures).total_seconds() for failures in range(9, 20)]
    assert delays == [0, 30, 60, 120, 240, 480, 900, 900, 900, 900, 900]


def test_an_attempt_while_waiting_is_refused_without_checking_the_password(
    client, broker_a, settings
):
    settings.LOGIN_ACCOUNT_FREE_FAILURES = 3
    with time_machine.travel(START, tick=False) as clock:
        fail_from_many_addresses(client, "broker_a", 3)
        for number in range(5):
            assert log_in(client, "broker_a", address=f"10.8.0.{number}").status_code == 429
        # Refused attempts do not make the wait longer.
        assert LoginFailures.objects.get().failures == 3
        clock.shift(dt.timedelta(seconds=31))
        assert log_in(client, "broker_a", password="fout", address="10.8.1.1").status_code == 200
        # The fourth failure: one minute.
        clock.shift(dt.timedelta(seconds=59))
        assert log_in(client, "broker_a", address="10.8.1.2").status_code == 429
        clock.shift(dt.timedelta(seconds=2))
        assert log_in(client, "broker_a", address="10.8.1.2").status_code == 302


def test_a_browser_that_logged_in_to_the_account_before_does_not_wait(client, broker_a, settings):
    settings.LOGIN_ACCOUNT_FREE_FAILURES = 3
    with time_machine.travel(START, tick=False):
        assert log_in(client, "broker_a").status_code == 302
        client.post(reverse("logout"))
        attacker = type(client)()
        fail_from_many_addresses(attacker, "broker_a", 3)
        assert log_in(attacker, "broker_a", address="10.7.7.7").status_code == 429
        # The broker's own browser (its cookie survives log-out) gets in at once.
        assert log_in(client, "broker_a", address="10.6.6.6").status_code == 302


def test_a_successful_log_in_clears_the_accounts_failures(client, broker_a, settings):
    settings.LOGIN_ACCOUNT_FREE_FAILURES = 3
    fail_from_many_addresses(client, "broker_a", 2)
    assert log_in(client, "broker_a").status_code == 302
    assert not LoginFailures.objects.exists()


def test_unknown_user_names_wait_the_same_so_no_account_shows(client, settings):
    settings.LOGIN_ACCOUNT_FREE_FAILURES = 3
    with time_machine.travel(START, tick=False):
        fail_from_many_addresses(client, "bestaat-niet", 3)
        response = log_in(client, "bestaat-niet", address="10.9.9.9")
        assert response.status_code == 429
        assert "Wacht 1 minuut" in response.text


def test_failures_are_forgotten_after_a_day(client, broker_a, settings):
    settings.LOGIN_ACCOUNT_FREE_FAILURES = 3
    with time_machine.travel(START, tick=False) as clock:
        fail_from_many_addresses(client, "broker_a", 3)
        clock.shift(dt.timedelta(days=1, seconds=1))
        log_in(client, "broker_b", password="fout")  # any failure prunes old rows
        assert list(LoginFailures.objects.values_list("failures", flat=True)) == [1]


def test_the_failure_rows_hold_no_user_name(client, settings):
    log_in(client, "fatima@example.org", password="fout")
    row = LoginFailures.objects.get()
    assert "fatima" not in row.key_hash and len(row.key_hash) == 64


# --- Password reset ---------------------------------------------------------------------------


def test_password_reset_requests_are_limited_per_address(client, broker_a, settings):
    settings.THROTTLE_RESET_PER_ADDRESS_HOUR = 3
    for number in range(3):
        response = client.post(RESET, {"email": f"iemand{number}@example.org"})
        assert response.status_code == 302
    response = client.post(RESET, {"email": "broker_a@gemeente.example"})
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.text
    assert 'value="broker_a@gemeente.example"' in response.text
    assert mail.outbox == []


def test_password_reset_requests_are_limited_per_account(client, broker_a, settings):
    settings.THROTTLE_RESET_PER_EMAIL_DAY = 2
    statuses = [
        client.post(
            RESET, {"email": "Broker_A@gemeente.example"}, REMOTE_ADDR=f"10.0.0.{number}"
        ).status_code
        for number in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert len(mail.outbox) == 2


def test_the_password_reset_email_is_queued_with_ids_only(client, broker_a, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    response = client.post(RESET, {"email": "broker_a@gemeente.example"})
    assert response.status_code == 302
    assert mail.outbox == []
    (result,) = default_task_backend.results
    assert result.task.name == "send_password_reset"
    queued = repr((result.args, result.kwargs))
    assert "broker_a@" not in queued and "gemeente.example" not in queued
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    result.task.enqueue(*result.args, **result.kwargs)
    assert mail.outbox[0].to == ["broker_a@gemeente.example"]
    assert "/account/reset/" in mail.outbox[0].body


def test_a_reset_for_an_address_without_account_queues_nothing(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    UserFactory(username="zonder", email="zonder@gemeente.example", is_active=False)
    for email in ("niemand@example.org", "zonder@gemeente.example"):
        assert client.post(RESET, {"email": email}).status_code == 302
    assert default_task_backend.results == []
