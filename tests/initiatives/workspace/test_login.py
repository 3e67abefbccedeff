"""Log-in, log-out and password reset, through the real views (so axes is in the path)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory
from tests.second_factor import finish_log_in

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
PASSWORD = "correct horse battery staple"


def log_in(client, username: str, password: str = PASSWORD, address: str = "10.0.0.1", **data):
    """The password, and for staff the code from their app: the response after both."""
    response = client.post(
        LOGIN, {"username": username, "password": password, **data}, REMOTE_ADDR=address
    )
    return finish_log_in(client, response)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_login_page_is_in_the_sites_look(client, language):
    client.cookies["django_language"] = language
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text
    assert "utrecht-textbox" in response.text


def test_broker_lands_on_the_werkvoorraad(client, broker_a):
    response = log_in(client, "broker_a")
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:workspace")


def test_council_member_lands_on_the_home_page(client, council_member):
    response = log_in(client, "raadslid")
    assert response["Location"] == reverse("home")


def test_next_is_honoured_but_not_to_another_site(client, broker_a):
    assert log_in(client, "broker_a", next="/werkvoorraad/partners/")["Location"] == (
        "/werkvoorraad/partners/"
    )
    client.logout()
    response = log_in(client, "broker_a", next="https://evil.example/")
    assert response["Location"] == reverse("initiatives:workspace")


def test_a_wrong_password_keeps_the_user_name_and_says_so(client, broker_a):
    response = log_in(client, "broker_a", password="fout")
    assert response.status_code == 200
    assert 'value="broker_a"' in response.text
    assert "Controleer wat u heeft ingevuld" in response.text


def test_logging_in_starts_a_new_session(client, broker_a):
    session = client.session
    session["voorkeur"] = "iets"
    session.save()
    before = session.session_key
    log_in(client, "broker_a")
    assert client.session.session_key != before
    assert client.session["_auth_user_id"] == str(broker_a.pk)


def test_five_failures_lock_that_user_from_that_address_only(client, broker_a, broker_b):
    statuses = [log_in(client, "broker_a", password="fout").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    # Locked: even the right password from this address is refused.
    locked = log_in(client, "broker_a")
    assert locked.status_code == 429
    assert "Te vaak een verkeerd wachtwoord" in locked.text
    assert "_auth_user_id" not in client.session
    # The same broker from another address still gets in.
    assert log_in(client, "broker_a", address="10.0.0.2").status_code == 302
    client.logout()
    # Another user from the attacker's address is not locked either.
    assert log_in(client, "broker_b").status_code == 302


def test_a_deactivated_users_session_stops_working(client, broker_a):
    client.force_login(broker_a)
    assert client.get(reverse("initiatives:workspace")).status_code == 200
    broker_a.is_active = False
    broker_a.save(update_fields=["is_active"])
    response = client.get(reverse("initiatives:workspace"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_an_inactive_user_cannot_log_in(client, wijk_a):
    UserFactory(username="oud", is_active=False)
    response = log_in(client, "oud")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logging_out_needs_a_post(client, broker_a):
    client.force_login(broker_a)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email(client, broker_a):
    assert client.get(reverse("password_reset")).status_code == 200
    response = client.post(reverse("password_reset"), {"email": "broker_a@gemeente.example"})
    assert response["Location"] == reverse("password_reset_done")
    assert client.get(reverse("password_reset_done")).status_code == 200
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["broker_a@gemeente.example"]
    assert mail.outbox[0].subject == "Nieuw wachtwoord voor testserver"
    link = re.search(r"http://testserver(/account/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    assert "Nieuw wachtwoord kiezen" in form.text
    new = "een nieuw lang wachtwoord 2026"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert "Uw nieuwe wachtwoord is opgeslagen" in done.text
    broker_a.refresh_from_db()
    assert broker_a.check_password(new)


def test_a_used_or_bad_reset_link_says_so(client):
    response = client.get("/account/reset/MQ/bad-token/")
    assert response.status_code == 200
    assert "Deze link werkt niet meer" in response.text


def test_a_mismatched_new_password_keeps_the_form(client, broker_a):
    client.post(reverse("password_reset"), {"email": "broker_a@gemeente.example"})
    link = re.search(r"http://testserver(/account/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    response = client.post(
        form.redirect_chain[-1][0], {"new_password1": "a1b2c3d4e5f6", "new_password2": "anders"}
    )
    assert response.status_code == 200
    assert "Controleer wat u heeft ingevuld" in response.text


def test_unknown_address_gets_the_same_answer_and_no_mail(client):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []
