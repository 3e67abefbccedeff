"""Markup that residents and brokers type is shown as text on every page and in every e-mail.

Every text field that a page or an e-mail shows holds markup here: a ``<meta http-equiv=
refresh>`` (which a browser follows without a click) and a made-up ``<x-probe>`` element
naming the field. No HTML response and no HTML e-mail may contain either as markup.
"""

import pytest
from django.core import mail
from django.urls import reverse

from initiatives import tasks
from initiatives.models import EntryKind, Status
from tests.factories import (
    HelpOfferFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    InitiatorFactory,
    PartnerFactory,
    TimelineEntryFactory,
    UserFactory,
    broker_of,
)
from tests.initiatives.workspace.conftest import versioned

REFRESH = '<meta http-equiv="refresh" content="1;url=https://evil.example/login">'


def probe(field: str) -> str:
    return f"<x-probe>{field}"


def assert_no_markup(html: str, where: str) -> None:
    assert "<x-probe>" not in html, where
    assert 'http-equiv="refresh"' not in html, where


@pytest.fixture
def world(wijk_a):
    wijk_a.description = probe("wijk.description")
    wijk_a.save(update_fields=["description"])
    broker = broker_of(
        wijk_a,
        username="anna",
        first_name=probe("first_name"),
        last_name=probe("last_name"),
    )
    initiative = InitiativeFactory(
        neighbourhood=wijk_a,
        status=Status.REFERRED,
        title=f"Speeltuin {REFRESH} {probe('title')}",
        description=probe("description"),
        referred_to=probe("referred_to"),
        referral_reference=probe("referral_reference"),
        published=True,
        public_title=f"Speeltuin {REFRESH} {probe('public_title')}",
        public_summary=probe("public_summary"),
        assigned_broker=broker,
        with_token=True,
    )
    InitiatorFactory(initiative=initiative, name=probe("initiator.name"), phone=probe("phone"))
    for kind in EntryKind.values:
        TimelineEntryFactory(
            initiative=initiative,
            kind=kind,
            actor=broker,
            public_text=probe(f"{kind}.public_text"),
            internal_note=probe(f"{kind}.internal_note"),
            to_status=Status.REFERRED if kind == EntryKind.STATUS_CHANGE else "",
        )
    offer = HelpOfferFactory(
        initiative=initiative,
        name=probe("offer.name"),
        phone=probe("offer.phone"),
        message=probe("offer.message"),
    )
    partner = PartnerFactory(
        name=probe("partner.name"),
        contact_name=probe("partner.contact_name"),
        contact_phone=probe("partner.phone"),
        notes=probe("partner.notes"),
    )
    InitiativePartnerFactory(initiative=initiative, partner=partner, role=probe("role"))
    return initiative, broker, offer, partner


def test_public_pages_show_markup_as_text(client, world):
    initiative, *_ = world
    slug = initiative.neighbourhood.slug
    for url, shows_text in (
        (reverse("home"), True),
        (reverse("initiatives:list"), True),
        (reverse("initiatives:detail", kwargs={"pk": initiative.pk}), True),
        (reverse("initiatives:neighbourhoods"), False),
        (reverse("initiatives:neighbourhood", kwargs={"slug": slug}), True),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_markup(response.text, url)
        assert ("&lt;x-probe&gt;" in response.text) == shows_text, url
    initiative.status = Status.IN_PROGRESS  # help is offered to open initiatives only
    initiative.save(update_fields=["status"])
    response = client.get(reverse("initiatives:offer_help", kwargs={"pk": initiative.pk}))
    assert response.status_code == 200
    assert_no_markup(response.text, "offer help")
    assert "&lt;x-probe&gt;public_title" in response.text


def test_the_tracking_pages_show_markup_as_text(client, world):
    initiative, *_ = world
    client.get(reverse("initiatives:track", kwargs={"token": initiative.token}))
    for url in (reverse("initiatives:track_page"), reverse("initiatives:track_withdraw")):
        response = client.get(url)
        assert_no_markup(response.text, url)
    assert (
        "&lt;x-probe&gt;message_to_initiator.public_text"
        in client.get(reverse("initiatives:track_page")).text
    )


def test_workspace_pages_show_markup_as_text(client, world):
    initiative, broker, _, partner = world
    client.force_login(broker)
    detail = reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})
    pages = [
        client.get(reverse("initiatives:workspace") + "?queue=all"),
        client.get(detail),
        client.post(reverse("initiatives:workspace_contact", kwargs={"pk": initiative.pk})),
        client.get(reverse("initiatives:partners")),
        client.get(reverse("initiatives:partner_edit", kwargs={"partner_pk": partner.pk})),
    ]
    for response in pages:
        assert response.status_code == 200
        assert_no_markup(response.text, response.request["PATH_INFO"])
    assert "&lt;x-probe&gt;initiator.name" in pages[2].text


@pytest.mark.parametrize("to", [Status.INTAKE, Status.REFERRED])
def test_the_email_preview_shows_markup_as_text(client, world, to):
    initiative, broker, *_ = world
    initiative.status = Status.SUBMITTED
    initiative.save(update_fields=["status"])
    client.force_login(broker)
    data = versioned(
        initiative,
        "status",
        to=to,
        public_text=f"{REFRESH} {probe('preview.public_text')}",
        referred_to=probe("preview.referred_to"),
        referral_reference=probe("preview.reference"),
    )
    data["preview"] = "1"
    response = client.post(
        reverse("initiatives:workspace_status", kwargs={"pk": initiative.pk}), data
    )
    assert response.status_code == 200
    assert "Voorbeeld van de e-mail aan de initiatiefnemer" in response.text
    assert_no_markup(response.text, "preview")
    assert "&lt;x-probe&gt;preview.public_text" in response.text
    assert "&lt;x-probe&gt;title" in response.text


def test_the_admin_shows_markup_as_text(client, world):
    initiative, *_ = world
    client.force_login(UserFactory(username="admin", is_staff=True, is_superuser=True))
    for url in (
        reverse("admin:initiatives_initiative_changelist"),
        reverse("admin:initiatives_initiative_change", args=[initiative.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_markup(response.text, url)


def test_html_emails_show_markup_as_text(world):
    initiative, _, offer, _ = world
    entries = initiative.timeline.all()
    tasks.notify_initiator_submitted.enqueue(initiative.pk)
    tasks.notify_brokers_submitted.enqueue(initiative.pk)
    to_initiator = [
        EntryKind.STATUS_CHANGE,
        EntryKind.MESSAGE_TO_INITIATOR,
        EntryKind.PUBLIC_UPDATE,
    ]
    for entry in entries.filter(kind__in=to_initiator):
        tasks.notify_initiator.enqueue(entry.pk)
    tasks.notify_initiator_published.enqueue(initiative.pk)
    tasks.confirm_help_offer.enqueue(offer.pk)
    tasks.notify_helper_connected.enqueue(offer.pk)
    for entry in entries.filter(
        kind__in=[EntryKind.STATUS_CHANGE, EntryKind.MESSAGE_FROM_INITIATOR]
    ):
        tasks.notify_brokers_of_initiator.enqueue(entry.pk)
    tasks.notify_brokers_of_help_offer.enqueue(offer.pk)
    assert len(mail.outbox) == 11
    for message in mail.outbox:
        html = message.alternatives[0].content
        assert_no_markup(html, message.subject)
        assert "<x-probe>" not in message.subject
