"""What every action on the workspace page shares: who may post, and how."""

import pytest
from django.urls import reverse

from initiatives.models import Initiative, TimelineEntry
from tests.factories import HelpOfferFactory, PartnerFactory

from .conftest import versioned

pytestmark = pytest.mark.django_db


def _actions(initiative) -> list[tuple[str, dict, dict]]:
    """(url name, extra kwargs, POST data) of every action, each valid for a broker of wijk A."""
    offer = HelpOfferFactory(initiative=initiative)
    partner = PartnerFactory()
    return [
        ("workspace_contact", {}, {}),
        (
            "workspace_status",
            {},
            versioned(initiative, "status", to="intake", public_text="We bellen u deze week."),
        ),
        ("workspace_assign", {}, versioned(initiative, "take")),
        (
            "workspace_publish",
            {},
            versioned(initiative, "publish", public_title="Huiswerkklas", public_summary="Hulp."),
        ),
        ("workspace_unpublish", {}, versioned(initiative, "unpublish", reason="")),
        ("workspace_amount", {}, versioned(initiative, "amount", amount="100", note="")),
        ("workspace_message", {}, {"message-text": "Mogen we u bellen?"}),
        ("workspace_note", {}, {"note-text": "Eerst met school overleggen."}),
        ("workspace_update", {}, {"update-text": "De eerste les was een succes."}),
        ("workspace_partner", {}, {"partner-partner": partner.pk, "partner-role": "Ruimte"}),
        ("workspace_connect_help", {"offer_pk": offer.pk}, {}),
    ]


ACTION_NAMES = [
    "workspace_contact",
    "workspace_status",
    "workspace_assign",
    "workspace_publish",
    "workspace_unpublish",
    "workspace_amount",
    "workspace_message",
    "workspace_note",
    "workspace_update",
    "workspace_partner",
    "workspace_connect_help",
]


def _action(initiative, name: str) -> tuple[str, dict]:
    for action_name, kwargs, data in _actions(initiative):
        if action_name == name:
            url = reverse(f"initiatives:{name}", kwargs={"pk": initiative.pk, **kwargs})
            return url, data
    raise AssertionError(name)


def _state(initiative) -> tuple:
    fresh = Initiative.objects.get(pk=initiative.pk)
    return (
        fresh.version,
        fresh.status,
        fresh.is_published,
        fresh.assigned_broker_id,
        fresh.amount_granted,
        TimelineEntry.objects.filter(initiative=initiative).count(),
        fresh.partner_links.count(),
        fresh.help_offers.filter(is_connected=True).count(),
    )


@pytest.mark.parametrize("name", ACTION_NAMES)
def test_anonymous_user_is_sent_to_the_login_page(client, initiative, name):
    url, data = _action(initiative, name)
    before = _state(initiative)
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"
    assert _state(initiative) == before


@pytest.mark.parametrize("name", ACTION_NAMES)
def test_council_member_gets_403_and_nothing_changes(client, initiative, council_member, name):
    url, data = _action(initiative, name)
    before = _state(initiative)
    client.force_login(council_member)
    assert client.post(url, data).status_code == 403
    assert _state(initiative) == before


@pytest.mark.parametrize("name", ACTION_NAMES)
def test_broker_of_other_wijk_gets_403_and_nothing_changes(client, initiative, broker_b, name):
    url, data = _action(initiative, name)
    before = _state(initiative)
    client.force_login(broker_b)
    assert client.post(url, data).status_code == 403
    assert _state(initiative) == before


@pytest.mark.parametrize("name", ACTION_NAMES)
def test_actions_refuse_get_with_405(client, initiative, broker_a, name):
    url, _data = _action(initiative, name)
    client.force_login(broker_a)
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("name", ACTION_NAMES)
def test_an_unknown_initiative_gives_404(client, initiative, broker_a, name):
    url, data = _action(initiative, name)
    client.force_login(broker_a)
    url = url.replace(f"/{initiative.pk}/", "/999999999/", 1)
    assert client.post(url, data).status_code == 404


@pytest.mark.parametrize("name", ACTION_NAMES)
def test_a_user_set_inactive_is_refused(client, initiative, broker_a, name):
    url, data = _action(initiative, name)
    before = _state(initiative)
    client.force_login(broker_a)
    broker_a.is_active = False
    broker_a.save(update_fields=["is_active"])
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert _state(initiative) == before
