"""C0 control characters never get into the data, whichever form a text comes through.

One such character in a public text made a wijk's Atom feed fail (XML 1.0 cannot hold it)
for everyone until the text was edited. Forms remove them (tab and newline stay; a carriage
return becomes a newline), so the feed, the exports and the e-mails hold clean text.
"""

import inspect
import json

import pytest
from django import forms
from django.core import mail
from django.urls import reverse

import initiatives.forms.overviews
import initiatives.forms.public
import initiatives.forms.workspace
from initiatives.models import Initiative, Initiator, Partner, TimelineEntry
from tests.factories import (
    InitiativeFactory,
    InitiatorFactory,
    PostcodeAreaFactory,
    TimelineEntryFactory,
    UserFactory,
)
from tests.initiatives.public.conftest import started
from tests.initiatives.workspace.conftest import versioned
from wijkaanpak.forms import StyledFormMixin, clean_text

pytestmark = pytest.mark.django_db

# Every C0 control character except tab, newline and carriage return.
CONTROLS = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r")


def dirty(text: str) -> str:
    return f"{text}\x0b{CONTROLS}"


def assert_clean(text: str) -> None:
    assert not any(character in text for character in CONTROLS), repr(text)


def test_clean_text_removes_c0_controls_and_keeps_tab_and_newlines():
    assert clean_text(f"a{CONTROLS}b") == "ab"
    assert clean_text("regel 1\r\nregel 2\rregel 3\n\tingesprongen") == (
        "regel 1\nregel 2\nregel 3\n\tingesprongen"
    )
    assert clean_text("café \u00a0 \u2013 ✓ \x7f") == "café \u00a0 \u2013 ✓ \x7f"


@pytest.mark.parametrize(
    "module",
    [initiatives.forms.public, initiatives.forms.workspace, initiatives.forms.overviews],
)
def test_every_form_of_the_site_uses_the_shared_mixin(module):
    for name, value in inspect.getmembers(module, inspect.isclass):
        ours = value.__module__ == module.__name__ and not name.endswith("Mixin")
        if ours and issubclass(value, forms.BaseForm):
            assert issubclass(value, StyledFormMixin), name


@pytest.fixture
def published(wijk_a, broker_a, client, django_capture_on_commit_callbacks):
    """An initiative a broker published and gave an update, both typed with controls."""
    initiative = InitiativeFactory(neighbourhood=wijk_a, status="intake")
    InitiatorFactory(initiative=initiative)
    client.force_login(broker_a)
    detail = reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})
    data = versioned(
        initiative,
        "publish",
        public_title=dirty("Speeltuin"),
        public_summary=dirty("Bewoners knappen de speeltuin op."),
    )
    response = client.post(detail + "publiceren/", data)
    assert response.status_code == 302
    response = client.post(detail + "voortgang/", {"update-text": dirty("Het hek staat er.")})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail + "bericht/", {"message-text": dirty("Mogen we bellen?")})
    assert response.status_code == 302
    client.logout()
    initiative.refresh_from_db()
    return initiative


def test_texts_a_broker_types_are_stored_without_controls(published):
    assert published.public_title == "Speeltuin"
    assert_clean(published.public_summary)
    for entry in TimelineEntry.objects.filter(initiative=published):
        assert_clean(entry.public_text)


def test_the_wijk_feed_works_with_texts_typed_with_controls(client, published):
    response = client.get(reverse("initiatives:neighbourhood_feed", kwargs={"slug": "poelenburg"}))
    assert response.status_code == 200
    assert b"Speeltuin" in response.content
    assert b"Het hek staat er." in response.content


def test_the_feed_leaves_out_controls_that_are_already_in_the_database(client, wijk_a):
    stored = CONTROLS.replace("\x00", "")  # PostgreSQL cannot store NUL at all
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, published=True, public_title=f"Oude tekst{stored}"
    )
    TimelineEntryFactory(initiative=initiative, public_text=f"Oud nieuws{stored}")
    response = client.get(reverse("initiatives:neighbourhood_feed", kwargs={"slug": "poelenburg"}))
    assert response.status_code == 200
    assert "Oude tekst" in response.text
    assert_clean(response.text)


def test_the_exports_hold_no_controls(client, published):
    for name in ("initiatives:open_data_csv", "initiatives:open_data_json"):
        response = client.get(reverse(name))
        text = b"".join(response.streaming_content).decode()
        assert "Speeltuin" in text
        assert_clean(text)
        if name.endswith("json"):
            assert "\\u000b" not in text and "\\u001b" not in text
            json.loads(text)


def test_the_email_to_the_initiator_holds_no_controls(published):
    message = next(m for m in mail.outbox if "Mogen we bellen?" in m.body)
    assert_clean(message.body)
    assert_clean(message.alternatives[0].content)


def test_a_resident_submission_is_stored_without_controls(client, wijk_a):
    PostcodeAreaFactory(postcode="1506", neighbourhood=wijk_a)
    submission = {
        "title": dirty("Huiswerkklas"),
        "description": "Regel een\r\nRegel twee\x00\x07",
        "postcode": "1506 ab",
        "name": dirty("Fatima"),
        "email": "fatima@bewoner.example",
        "consent": "on",
        "website": "",
        "started": started(),
        "submission_key": "6f1c2b8e-3a1f-4c55-9d0e-1b2c3d4e5f60",
    }
    response = client.post(reverse("initiatives:submit"), submission)
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.title == "Huiswerkklas"
    assert initiative.description == "Regel een\nRegel twee"
    assert Initiator.objects.get().name == "Fatima"


def test_texts_typed_in_the_admin_are_stored_without_controls(client, db):
    client.force_login(UserFactory(username="admin", is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:initiatives_partner_add"),
        {"name": dirty("Buurthuis"), "kind": "other", "notes": dirty("Sleutel"), "is_active": "on"},
    )
    assert response.status_code == 302
    partner = Partner.objects.get()
    assert partner.name == "Buurthuis"
    assert_clean(partner.notes)
