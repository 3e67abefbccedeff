"""Attachments' tests: every test stores its files in a folder of its own (``media``)."""

import pytest
from django.urls import reverse

from attachments.files import prepare
from attachments.services import add_attachments, publish_attachment
from initiatives.models import Status
from tests.attachments import samples
from tests.factories import InitiativeFactory, InitiatorFactory
from tests.initiatives.public.conftest import started, submission  # noqa: F401


@pytest.fixture(autouse=True)
def _own_media(media):
    return media


@pytest.fixture
def initiative(wijk_a):
    """An open, published initiative of wijk A with a working private link."""
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, status=Status.INTAKE, published=True, with_token=True
    )
    InitiatorFactory(initiative=initiative)
    return initiative


def add_photo(initiative, *, actor=None, fmt: str = "JPEG", **kwargs):
    [attachment] = add_attachments(
        initiative, [prepare(samples.upload(samples.image_bytes(fmt, **kwargs)))], actor=actor
    )
    return attachment


def add_pdf(initiative, actor, name: str = "offerte.pdf"):
    prepared = prepare(samples.upload(samples.PDF, name=name), allow_pdf=True)
    [attachment] = add_attachments(initiative, [prepared], actor=actor, original_names=[name])
    return attachment


def publish(attachment, actor, alt_text: str = "Het grasveld achter de school"):
    return publish_attachment(attachment, actor=actor, alt_text=alt_text)


def follow(client, initiative) -> None:
    """Open the initiative's private link in this client (the tracking session)."""
    client.get(reverse("initiatives:track", kwargs={"token": initiative.token}))
