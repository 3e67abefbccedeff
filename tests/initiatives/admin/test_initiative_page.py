"""The admin's initiative page: its form, status changes, publishing and assigning."""

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from initiatives.admin import InitiativeAdmin, InitiatorInline
from initiatives.models import EntryKind, Initiative, Status
from initiatives.rules import Role
from tests.factories import (
    InitiativeFactory,
    PartnerFactory,
    UserFactory,
    priority,
)
from tests.initiatives.admin.helpers import (
    CHANGELIST,
    change_url,
    form_data,
    messages_of,
    run_action,
    status_url,
)

pytestmark = pytest.mark.django_db


# --- The initiative's page ---------------------------------------------------------------------


def test_broker_sees_contact_details_and_the_look_is_logged(client, login, initiative_a):
    broker = login("broker_a")
    response = client.get(change_url(initiative_a))
    assert "Fatima de Vries" in response.text
    assert "fatima@bewoner.example" in response.text
    assert initiative_a.timeline.filter(kind=EntryKind.CONTACT_VIEWED, actor=broker).exists()


def test_contact_details_inline_is_left_out_for_who_may_not_see_them(
    rf, initiative_a, council_member
):
    request = rf.get("/")
    request.user = council_member
    model_admin = InitiativeAdmin(Initiative, admin.site)
    assert InitiatorInline not in model_admin.get_inlines(request, initiative_a)
    assert not InitiatorInline(Initiative, admin.site).has_view_permission(request, initiative_a)


def test_posting_the_change_form_does_not_change_status_or_publication(client, login, initiative_a):
    login("broker_a")
    data = form_data(client.get(change_url(initiative_a)))
    data.update(
        status=Status.COMPLETED,
        is_published="on",
        version="99",
        support_count="500",
        public_title="Samen een moestuin",
        public_summary="Bewoners maken een moestuin.",
        priorities=[str(priority("kinderen").pk)],
        _save="Opslaan",
    )
    response = client.post(change_url(initiative_a), data)
    assert response.status_code == 302
    initiative_a.refresh_from_db()
    assert initiative_a.status == Status.SUBMITTED
    assert initiative_a.is_published is False
    assert initiative_a.support_count == 0
    assert initiative_a.public_title == "Samen een moestuin"
    assert list(initiative_a.priorities.values_list("slug", flat=True)) == ["kinderen"]
    assert initiative_a.version == 2


def test_a_published_initiative_keeps_its_public_text(client, login, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, published=True)
    login("broker_a")
    data = form_data(client.get(change_url(initiative)))
    data.update(public_title="  ", _save="Opslaan")
    response = client.post(change_url(initiative), data)
    assert response.status_code == 200
    assert "openbare titel en samenvatting nodig" in response.text
    initiative.refresh_from_db()
    assert initiative.public_title == initiative.title


def test_broker_cannot_move_an_initiative_to_another_wijk(client, login, initiative_a, wijk_b):
    login("broker_a")
    data = form_data(client.get(change_url(initiative_a)))
    data.update(neighbourhood=str(wijk_b.pk), _save="Opslaan")
    client.post(change_url(initiative_a), data)
    initiative_a.refresh_from_db()
    assert initiative_a.neighbourhood_id != wijk_b.pk


def test_coordinator_can_move_an_initiative_to_another_wijk(client, login, initiative_a, wijk_b):
    login("coordinator")
    data = form_data(client.get(change_url(initiative_a)))
    data.update(neighbourhood=str(wijk_b.pk), _save="Opslaan")
    response = client.post(change_url(initiative_a), data)
    assert response.status_code == 302
    initiative_a.refresh_from_db()
    assert initiative_a.neighbourhood_id == wijk_b.pk


def test_linking_a_partner_on_the_page_goes_through_the_service(client, login, initiative_a):
    broker = login("broker_a")
    partner = PartnerFactory(name="Basisschool De Vlinder")
    data = form_data(client.get(change_url(initiative_a)))
    data.update(
        {
            "partner_links-TOTAL_FORMS": "1",
            "partner_links-0-partner": str(partner.pk),
            "partner_links-0-role": "Geeft les in de moestuin",
            "_save": "Opslaan",
        }
    )
    response = client.post(change_url(initiative_a), data)
    assert response.status_code == 302
    link = initiative_a.partner_links.get()
    assert (link.partner, link.role) == (partner, "Geeft les in de moestuin")
    entry = initiative_a.timeline.get(kind=EntryKind.PARTNER_LINKED)
    assert entry.actor == broker


# --- Status change through the page in between -------------------------------------------------


def test_status_action_leads_to_the_status_page(client, login, initiative_a):
    login("broker_a")
    response = run_action(client, "change_status", initiative_a)
    assert response.status_code == 302
    assert response.url == status_url(initiative_a)


def test_status_action_asks_for_exactly_one_initiative(client, login, initiative_a, wijk_a):
    login("broker_a")
    other = InitiativeFactory(neighbourhood=wijk_a)
    response = run_action(client, "change_status", initiative_a, other)
    assert response.status_code == 302
    assert response.url == CHANGELIST
    assert "Kies precies één initiatief" in " ".join(messages_of(response))


def test_status_page_offers_only_the_allowed_transitions(client, login, initiative_a):
    login("broker_a")
    response = client.get(status_url(initiative_a))
    assert response.status_code == 200
    offered = [value for value, _label in response.context["form"].fields["to"].choices]
    assert offered == initiative_a.allowed_transitions()
    assert f'value="{Status.COMPLETED}"' not in response.text


def test_broker_changes_status_on_the_status_page(client, login, initiative_a):
    broker = login("broker_a")
    response = client.post(
        status_url(initiative_a),
        {
            "to": Status.INTAKE,
            "public_text": "We bellen u deze week.",
            "internal_note": "Eerst de buurtvereniging vragen.",
            "version": initiative_a.version,
        },
    )
    assert response.status_code == 302
    assert response.url == change_url(initiative_a)
    initiative_a.refresh_from_db()
    assert initiative_a.status == Status.INTAKE
    assert initiative_a.first_response_at is not None
    entry = initiative_a.timeline.get(kind=EntryKind.STATUS_CHANGE)
    assert (entry.actor, entry.from_status, entry.to_status) == (
        broker,
        Status.SUBMITTED,
        Status.INTAKE,
    )
    assert entry.public_text == "We bellen u deze week."
    assert entry.internal_note == "Eerst de buurtvereniging vragen."


def test_status_page_answers_only_get_and_post(client, login, initiative_a):
    login("broker_a")
    assert client.put(status_url(initiative_a)).status_code == 405
    assert client.delete(status_url(initiative_a)).status_code == 405


def test_status_page_refuses_a_transition_not_in_the_table(client, login, initiative_a):
    login("broker_a")
    response = client.post(
        status_url(initiative_a),
        {"to": Status.COMPLETED, "public_text": "Klaar.", "version": initiative_a.version},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["to"]
    initiative_a.refresh_from_db()
    assert initiative_a.status == Status.SUBMITTED
    assert not initiative_a.timeline.filter(kind=EntryKind.STATUS_CHANGE).exists()


def test_status_page_requires_the_public_text(client, login, initiative_a):
    login("broker_a")
    response = client.post(
        status_url(initiative_a),
        {"to": Status.INTAKE, "public_text": "", "version": initiative_a.version},
    )
    assert response.status_code == 200
    assert 'href="#id_public_text"' in response.text
    initiative_a.refresh_from_db()
    assert initiative_a.status == Status.SUBMITTED


def test_referring_requires_where_it_went(client, login, initiative_a):
    login("broker_a")
    data = {
        "to": Status.REFERRED,
        "public_text": "Dit is een melding voor de gemeente.",
        "version": initiative_a.version,
    }
    response = client.post(status_url(initiative_a), data)
    assert response.status_code == 200
    assert response.context["form"].errors["referred_to"]

    data.update(referred_to="Meldpunt openbare ruimte", referral_reference="M-2026-123")
    response = client.post(status_url(initiative_a), data)
    assert response.status_code == 302
    initiative_a.refresh_from_db()
    assert initiative_a.status == Status.REFERRED
    assert initiative_a.referred_to == "Meldpunt openbare ruimte"
    assert initiative_a.referral_reference == "M-2026-123"


def test_status_page_refuses_a_form_loaded_before_someone_else_changed_it(
    client, login, initiative_a
):
    login("broker_a")
    response = client.post(
        status_url(initiative_a),
        {"to": Status.INTAKE, "public_text": "We bellen u.", "version": 0},
    )
    assert response.status_code == 200
    assert "Iemand anders heeft dit initiatief net gewijzigd" in response.text
    initiative_a.refresh_from_db()
    assert initiative_a.status == Status.SUBMITTED


# --- Publishing ----------------------------------------------------------------------------------


def test_publish_action_publishes_what_has_a_public_text_and_skips_the_rest(client, login, wijk_a):
    broker = login("broker_a")
    ready = InitiativeFactory(
        neighbourhood=wijk_a, public_title="Moestuin", public_summary="Samen tuinieren."
    )
    unchecked = InitiativeFactory(neighbourhood=wijk_a, title="Tuin van Fatima")
    already = InitiativeFactory(neighbourhood=wijk_a, published=True)

    response = run_action(client, "publish", ready, unchecked, already)

    assert response.status_code == 302
    ready.refresh_from_db()
    unchecked.refresh_from_db()
    assert ready.is_published and ready.published_at is not None
    assert ready.timeline.get(kind=EntryKind.PUBLISHED).actor == broker
    assert not unchecked.is_published
    assert not unchecked.timeline.exists()
    text = " ".join(messages_of(response))
    assert "1 initiatief is nu openbaar" in text
    assert "1 initiatief was al openbaar" in text
    assert "“Tuin van Fatima”" in text


def test_publish_refused_by_the_rules_becomes_a_message(client, login, wijk_a):
    login("broker_a")
    withdrawn = InitiativeFactory(
        neighbourhood=wijk_a,
        status=Status.WITHDRAWN,
        public_title="Moestuin",
        public_summary="Samen tuinieren.",
    )
    response = run_action(client, "publish", withdrawn)
    assert response.status_code == 302
    withdrawn.refresh_from_db()
    assert not withdrawn.is_published
    assert "kan niet openbaar worden" in " ".join(messages_of(response))


def test_publish_from_the_initiative_page(client, login, wijk_a):
    login("broker_a")
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, public_title="Moestuin", public_summary="Samen tuinieren."
    )
    response = client.post(
        change_url(initiative),
        {"CHANGE_FORM-action": "publish", ACTION_CHECKBOX_NAME: initiative.pk},
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.is_published


def test_unpublish_action(client, login, wijk_a):
    broker = login("broker_a")
    published = InitiativeFactory(neighbourhood=wijk_a, published=True)
    private = InitiativeFactory(neighbourhood=wijk_a)
    response = run_action(client, "unpublish", published, private)
    published.refresh_from_db()
    assert not published.is_published and published.published_at is None
    assert published.timeline.get(kind=EntryKind.UNPUBLISHED).actor == broker
    text = " ".join(messages_of(response))
    assert "1 initiatief is niet meer openbaar" in text
    assert "1 initiatief was al niet openbaar" in text


def test_actions_only_touch_the_brokers_own_wijk(client, login, initiative_a, initiative_b):
    login("broker_a")
    Initiative.objects.filter(pk=initiative_b.pk).update(
        public_title="Feest", public_summary="Een feest."
    )
    run_action(client, "publish", initiative_b)
    initiative_b.refresh_from_db()
    assert not initiative_b.is_published


# --- Assigning -----------------------------------------------------------------------------------


def test_only_coordinators_are_offered_the_assign_action(client, login, initiative_a):
    broker = login("broker_a")
    assert "assign_to_broker" not in client.get(CHANGELIST).text
    response = run_action(client, "assign_to_broker", initiative_a, broker=broker.pk, apply="1")
    assert response.status_code == 302
    initiative_a.refresh_from_db()
    assert initiative_a.assigned_broker is None
    assert not initiative_a.timeline.filter(kind=EntryKind.ASSIGNED).exists()


def test_coordinator_assigns_through_the_page_in_between(client, login, initiative_a, broker_a):
    coordinator = login("coordinator")
    assert "assign_to_broker" in client.get(CHANGELIST).text

    page = run_action(client, "assign_to_broker", initiative_a)
    assert page.status_code == 200
    assert "Anna Makelaar" in page.text

    response = run_action(client, "assign_to_broker", initiative_a, broker=broker_a.pk, apply="1")
    assert response.status_code == 302
    initiative_a.refresh_from_db()
    assert initiative_a.assigned_broker == broker_a
    entry = initiative_a.timeline.get(kind=EntryKind.ASSIGNED)
    assert entry.actor == coordinator
    assert "1 initiatief is toegewezen aan Anna Makelaar" in " ".join(messages_of(response))


def test_coordinator_cannot_assign_to_a_broker_of_another_wijk(
    client, login, initiative_b, broker_a
):
    login("coordinator")
    response = run_action(client, "assign_to_broker", initiative_b, broker=broker_a.pk, apply="1")
    initiative_b.refresh_from_db()
    assert initiative_b.assigned_broker is None
    assert "werkt niet in de wijk" in " ".join(messages_of(response))


def test_assigning_to_someone_who_is_no_broker_is_refused(client, login, initiative_a):
    login("coordinator")
    resident = UserFactory(username="geen_makelaar", roles=[Role.COUNCIL])
    response = run_action(client, "assign_to_broker", initiative_a, broker=resident.pk, apply="1")
    assert response.status_code == 200
    assert response.context["form"].errors["broker"]
    initiative_a.refresh_from_db()
    assert initiative_a.assigned_broker is None
