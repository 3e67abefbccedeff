"""Following a wijk by e-mail: double opt-in, the news by frequency, stopping in one click."""

import datetime as dt
import logging
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from initiatives.timeline import EntryKind
from subscriptions import services
from subscriptions.models import Frequency, Subscription
from tests.factories import InitiativeFactory, TimelineEntryFactory
from tests.initiatives.public.conftest import started

pytestmark = pytest.mark.django_db

ADDRESS = "CANARY-volger-5521@bewoner.example"


def _follow(client, wijk, email=ADDRESS, frequency="each", **extra):
    data = {"email": email, "frequency": frequency, "website": "", "started": started()}
    return client.post(reverse("subscriptions:follow", kwargs={"slug": wijk.slug}), data | extra)


def _link(message, name: str) -> str:
    path = reverse(f"subscriptions:{name}", kwargs={"token": "TOKEN"}).split("TOKEN")
    match = re.search(re.escape(path[0]) + r"[^/\s]+" + re.escape(path[1]), message.body)
    assert match, message.body
    return match.group(0)


def _confirmed(client, wijk, frequency="each") -> Subscription:
    _follow(client, wijk, frequency=frequency)
    client.post(_link(mail.outbox[-1], "confirm"))
    return Subscription.objects.get()


def test_following_asks_the_address_to_confirm_first(client, wijk_a):
    response = _follow(client, wijk_a)
    assert response.status_code == 200
    assert "Kijk in uw e-mail" in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.email == ADDRESS.lower()
    [message] = mail.outbox
    assert message.to == [ADDRESS.lower()]
    assert "Poelenburg" in message.subject
    confirm = _link(message, "confirm")
    # Opening the link (a mail scanner does) confirms nothing; the button does.
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Ja, stuur mij e-mail" in page.content.decode()
    assert Subscription.objects.get().confirmed_at is None
    response = client.post(confirm)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "initiatives:neighbourhood", kwargs={"slug": "poelenburg"}
    )
    assert Subscription.objects.get().confirmed_at is not None


def test_bad_input_gets_the_form_back_as_typed(client, wijk_a):
    response = _follow(client, wijk_a, email="geen-adres")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="geen-adres"' in page
    assert "aria-invalid" in page
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_a_bot_filling_the_honeypot_is_refused(client, wijk_a):
    _follow(client, wijk_a, website="http://spam.example")
    assert not Subscription.objects.exists()


def test_the_page_says_the_same_for_an_address_that_follows_already(client, wijk_a):
    _confirmed(client, wijk_a)
    mail.outbox.clear()
    response = _follow(client, wijk_a, frequency="weekly")
    assert "Kijk in uw e-mail" in response.content.decode()
    [message] = mail.outbox
    assert "al" in message.subject
    subscription = Subscription.objects.get()
    assert subscription.frequency == Frequency.EACH  # nobody changes it without the mailbox


def test_following_is_throttled_per_address(client, wijk_a, settings):
    settings.THROTTLE_FOLLOW_PER_EMAIL_DAY = 2
    for _ in range(2):
        assert _follow(client, wijk_a).status_code == 200
    assert _follow(client, wijk_a).status_code == 429
    assert len(mail.outbox) == 2


def test_an_unknown_or_unconfirmed_expired_link_does_nothing(client, wijk_a):
    assert (
        client.get(reverse("subscriptions:confirm", kwargs={"token": "x" * 64})).status_code == 404
    )
    _follow(client, wijk_a)
    confirm = _link(mail.outbox[-1], "confirm")
    Subscription.objects.update(created_at=timezone.now() - dt.timedelta(days=8))
    assert client.post(confirm).status_code == 410
    assert Subscription.objects.get().confirmed_at is None
    call_command("send_wijk_updates")
    assert not Subscription.objects.exists()  # unconfirmed requests go after a week


def _publish(wijk, title: str, when):
    return InitiativeFactory(
        neighbourhood=wijk,
        published=True,
        public_title=title,
        submitted_at=when - dt.timedelta(days=3),
        published_at=when,
    )


def test_each_new_initiative_is_sent_once_and_the_command_is_idempotent(
    client, wijk_a, wijk_b, time_machine
):
    subscription = _confirmed(client, wijk_a, frequency="each")
    mail.outbox.clear()
    soon = subscription.confirmed_at + dt.timedelta(minutes=5)
    _publish(wijk_a, "Moestuin voor iedereen", soon)
    _publish(wijk_b, "Feest in Kogerveld", soon)  # another wijk: not in this message
    _publish(wijk_a, "Van voor het volgen", subscription.confirmed_at - dt.timedelta(days=1))
    time_machine.move_to(soon + dt.timedelta(minutes=10))
    call_command("send_wijk_updates")
    [message] = mail.outbox
    assert "Moestuin voor iedereen" in message.body
    assert "Feest in Kogerveld" not in message.body
    assert "Van voor het volgen" not in message.body
    call_command("send_wijk_updates")
    assert len(mail.outbox) == 1  # twice in a row sends once


def test_public_updates_are_news_but_internal_entries_are_not(client, wijk_a, time_machine):
    subscription = _confirmed(client, wijk_a)
    mail.outbox.clear()
    initiative = _publish(wijk_a, "Moestuin", subscription.confirmed_at - dt.timedelta(days=1))
    later = subscription.confirmed_at + dt.timedelta(minutes=1)
    TimelineEntryFactory(initiative=initiative, public_text="De eerste oogst!", created_at=later)
    TimelineEntryFactory(
        initiative=initiative,
        kind=EntryKind.NOTE,
        public_text="",
        internal_note="CANARY-NOTE-1",
        created_at=later,
    )
    time_machine.move_to(later + dt.timedelta(minutes=10))
    call_command("send_wijk_updates")
    [message] = mail.outbox
    assert "De eerste oogst!" in message.body
    assert "CANARY-NOTE-1" not in message.body
    assert "CANARY-NOTE-1" not in message.alternatives[0].content


def test_weekly_followers_get_one_message_a_week(client, wijk_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC), tick=False)
    subscription = _confirmed(client, wijk_a, frequency="weekly")
    mail.outbox.clear()
    _publish(wijk_a, "Eerste", timezone.now() + dt.timedelta(hours=1))
    time_machine.move_to(dt.datetime(2026, 6, 3, 9, tzinfo=dt.UTC), tick=False)
    call_command("send_wijk_updates")
    assert not mail.outbox  # the week is not over
    _publish(wijk_a, "Tweede", timezone.now())
    time_machine.move_to(dt.datetime(2026, 6, 8, 10, tzinfo=dt.UTC), tick=False)
    call_command("send_wijk_updates")
    [message] = mail.outbox
    assert "Eerste" in message.body and "Tweede" in message.body
    call_command("send_wijk_updates")
    assert len(mail.outbox) == 1
    assert Subscription.objects.get(pk=subscription.pk).sent_up_to == timezone.now()


def test_every_message_stops_in_one_click(client, wijk_a, time_machine):
    subscription = _confirmed(client, wijk_a)
    _publish(wijk_a, "Moestuin", subscription.confirmed_at + dt.timedelta(minutes=1))
    time_machine.move_to(subscription.confirmed_at + dt.timedelta(minutes=10))
    mail.outbox.clear()
    call_command("send_wijk_updates")
    [message] = mail.outbox
    stop = _link(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{stop}>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert stop in message.alternatives[0].content
    # A mail program's one-click POST: no session, no CSRF token (RFC 8058).
    client.handler.enforce_csrf_checks = True
    response = client.post(stop, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()  # the address is gone
    assert client.post(stop).status_code == 200  # twice is fine


def _header_link(message) -> str:
    return message.extra_headers["List-Unsubscribe"].strip("<>").removeprefix(settings.SITE_URL)


def test_opening_the_stop_link_shows_a_button(client, wijk_a):
    _follow(client, wijk_a)
    stop = _header_link(mail.outbox[-1])
    page = client.get(stop)
    assert "Stop de e-mail" in page.content.decode()
    assert Subscription.objects.exists()


def test_the_wijk_page_offers_following(client, wijk_a):
    page = client.get(reverse("initiatives:neighbourhood", kwargs={"slug": wijk_a.slug}))
    html = page.content.decode()
    assert reverse("subscriptions:follow", kwargs={"slug": wijk_a.slug}) in html
    assert 'name="email"' in html


def test_no_address_reaches_a_page_an_export_or_a_log(client, wijk_a, caplog):
    caplog.set_level(logging.DEBUG)
    _confirmed(client, wijk_a)
    _follow(client, wijk_a)
    stop = _header_link(mail.outbox[-1])
    client.get(stop)
    token = stop.rstrip("/").split("/")[-2]
    pages = [
        reverse("initiatives:neighbourhood", kwargs={"slug": wijk_a.slug}),
        reverse("initiatives:neighbourhood_csv", kwargs={"slug": wijk_a.slug}),
        reverse("initiatives:neighbourhood_feed", kwargs={"slug": wijk_a.slug}),
        reverse("initiatives:neighbourhoods"),
        reverse("initiatives:open_data_neighbourhoods_csv"),
        stop,
    ]
    for path in pages:
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert ADDRESS.lower().encode() not in body.lower(), path
    assert ADDRESS.lower() not in caplog.text.lower()
    assert token not in caplog.text


def test_services_normalise_the_address(wijk_a):
    services.subscribe(wijk_a, "  Iemand@Example.NL ", "weekly", "nl")
    assert Subscription.objects.get().email == "iemand@example.nl"
