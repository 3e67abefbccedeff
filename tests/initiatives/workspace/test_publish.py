import pytest
from django.urls import reverse

from initiatives.models import EntryKind, Initiative, Status, TimelineEntry
from tests.factories import InitiativeFactory

from .conftest import detail_url, versioned

pytestmark = pytest.mark.django_db


def url(initiative, name: str = "workspace_publish") -> str:
    return reverse(f"initiatives:{name}", kwargs={"pk": initiative.pk})


def test_broker_publishes_with_a_checked_title_and_summary(client, initiative, broker_a):
    client.force_login(broker_a)
    data = versioned(
        initiative,
        "publish",
        public_title="  Huiswerkklas  ",
        public_summary="Kinderen krijgen hulp bij huiswerk.",
    )
    assert client.post(url(initiative), data).status_code == 302
    initiative.refresh_from_db()
    assert initiative.is_published
    assert initiative.published_at is not None
    assert initiative.public_title == "Huiswerkklas"
    assert TimelineEntry.objects.filter(initiative=initiative, kind=EntryKind.PUBLISHED).exists()


def test_publishing_needs_title_and_summary(client, initiative, broker_a):
    client.force_login(broker_a)
    data = versioned(initiative, "publish", public_title="Huiswerkklas", public_summary="  ")
    response = client.post(url(initiative), data)
    assert response.status_code == 200
    assert 'href="#id_publish-public_summary"' in response.text
    assert 'value="Huiswerkklas"' in response.text
    assert not Initiative.objects.get(pk=initiative.pk).is_published


def test_a_withdrawn_initiative_cannot_be_published(client, wijk_a, broker_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.WITHDRAWN)
    client.force_login(broker_a)
    assert "Openbaar maken" not in client.get(detail_url(initiative)).text
    data = versioned(initiative, "publish", public_title="Titel", public_summary="Samenvatting")
    response = client.post(url(initiative), data)
    # A wrong status is a refusal on the page, keeping what was typed; not a 403.
    assert response.status_code == 200
    assert "Een ingetrokken initiatief kan niet openbaar worden." in response.text
    assert 'value="Titel"' in response.text
    assert not Initiative.objects.get(pk=initiative.pk).is_published


def test_broker_unpublishes(client, wijk_a, broker_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, published=True)
    client.force_login(broker_a)
    data = versioned(initiative, "unpublish", reason="Er stond een adres in.")
    assert client.post(url(initiative, "workspace_unpublish"), data).status_code == 302
    initiative.refresh_from_db()
    assert not initiative.is_published
    entry = TimelineEntry.objects.get(initiative=initiative, kind=EntryKind.UNPUBLISHED)
    assert entry.internal_note == "Er stond een adres in."


def test_the_unpublish_form_is_offered_only_for_a_published_initiative(client, wijk_a, broker_a):
    private = InitiativeFactory(neighbourhood=wijk_a)
    published = InitiativeFactory(neighbourhood=wijk_a, published=True)
    client.force_login(broker_a)
    action = 'action="{}"'
    assert (
        action.format(url(private, "workspace_unpublish"))
        not in client.get(detail_url(private)).text
    )
    assert (
        action.format(url(published, "workspace_unpublish"))
        in client.get(detail_url(published)).text
    )
