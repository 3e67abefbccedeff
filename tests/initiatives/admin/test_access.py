"""The admin at /beheer/: who gets in, and that brokers see only their own wijken."""

import pytest
from django.urls import reverse

from initiatives.models import TimelineEntry
from tests.factories import (
    PartnerFactory,
)
from tests.initiatives.admin.helpers import (
    CHANGELIST,
    ROLES,
    change_url,
    list_url,
    messages_of,
    status_url,
)

pytestmark = pytest.mark.django_db


# --- Who gets in --------------------------------------------------------------------------

# Brokers and coordinators work with initiatives; functional administrators do not; council
# members are not staff and the admin login refuses them.
INITIATIVE_WORK = {
    "superuser": 200,
    "coordinator": 200,
    "broker_a": 200,
    "administrator": 403,
    "council_member": 302,
    "anonymous": 302,
}
PARTNERS = {**INITIATIVE_WORK, "administrator": 200}


def pages_of_wijk_a(initiative, around) -> dict[str, str]:
    return {
        "initiative list": CHANGELIST,
        "initiative": change_url(initiative),
        "initiative status": status_url(initiative),
        "initiative history": reverse("admin:initiatives_initiative_history", args=[initiative.pk]),
        "timeline list": list_url(TimelineEntry),
        "timeline entry": change_url(around["timeline"]),
        "help offer list": list_url(around["help_offer"]),
        "help offer": change_url(around["help_offer"]),
        "support list": list_url(around["support"]),
        "support": change_url(around["support"]),
        "partner link list": list_url(around["partner_link"]),
        "partner link": change_url(around["partner_link"]),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "page",
    [
        "initiative list",
        "initiative",
        "initiative status",
        "initiative history",
        "timeline list",
        "timeline entry",
        "help offer list",
        "help offer",
        "support list",
        "support",
        "partner link list",
        "partner link",
    ],
)
def test_initiative_pages_answer_each_role_as_expected(
    client, login, role, page, initiative_a, around_a
):
    login(role)
    url = pages_of_wijk_a(initiative_a, around_a)[page]
    response = client.get(url)
    assert response.status_code == INITIATIVE_WORK[role]
    if response.status_code == 302:
        assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["list", "change"])
def test_partner_pages_answer_each_role_as_expected(client, login, role, page):
    partner = PartnerFactory(name="Parteon")
    login(role)
    url = list_url(partner) if page == "list" else change_url(partner)
    response = client.get(url)
    assert response.status_code == PARTNERS[role]
    if response.status_code == 302:
        assert response.url.startswith(reverse("admin:login"))


def test_admin_login_refuses_a_council_member(client, council_member):
    response = client.post(
        reverse("admin:login"),
        {"username": "raadslid", "password": "correct horse battery staple"},
    )
    # The admin has no log-in of its own (it skipped the second step): the site's one.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    assert client.get(CHANGELIST).status_code == 302


def test_nobody_adds_an_initiative_in_the_admin(client, login):
    login("superuser")
    response = client.get(reverse("admin:initiatives_initiative_add"))
    assert response.status_code == 403


# --- Brokers see only their own wijken ----------------------------------------------------------


def test_broker_sees_own_wijk_but_not_another_in_the_list(
    client, login, initiative_a, initiative_b
):
    login("broker_a")
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert "Moestuin Poelenburg" in response.text
    assert "Buurtfeest Kogerveld" not in response.text


def test_coordinator_sees_every_wijk_in_the_list(client, login, initiative_a, initiative_b):
    login("coordinator")
    response = client.get(CHANGELIST)
    assert "Moestuin Poelenburg" in response.text
    assert "Buurtfeest Kogerveld" in response.text


@pytest.mark.parametrize("page", ["initiative", "initiative status", "initiative history"])
def test_broker_of_other_wijk_never_gets_the_initiative_page(
    client, login, page, initiative_a, around_a
):
    login("broker_b")
    response = client.get(pages_of_wijk_a(initiative_a, around_a)[page])
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response.url == reverse("admin:index")
        assert any("bestaat niet" in message for message in messages_of(response))
    assert "Moestuin Poelenburg" not in response.text
    assert "Fatima de Vries" not in response.text


@pytest.mark.parametrize("kind", ["timeline", "help_offer", "support", "partner_link"])
def test_broker_of_other_wijk_never_gets_what_happens_around_it(
    client, login, kind, around_a, around_b
):
    login("broker_a")
    theirs = around_b[kind]
    listing = client.get(list_url(theirs))
    assert listing.status_code == 200
    assert change_url(around_a[kind]) in listing.text
    assert change_url(theirs) not in listing.text
    response = client.get(change_url(theirs))
    assert response.status_code in {302, 403}
    assert "Kogerveld" not in response.text


def test_broker_does_not_see_help_offers_of_another_wijk(client, login, around_a, around_b):
    login("broker_a")
    response = client.get(list_url(around_a["help_offer"]))
    assert "Jan Bakker" in response.text
    assert "Kees Kogerveld" not in response.text
