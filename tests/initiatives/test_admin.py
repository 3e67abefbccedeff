"""The admin at /beheer/: who gets in, what brokers see of other wijken, and the actions."""

import csv
import io

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.db import connection
from django.forms import MultiWidget
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, reverse_lazy

from initiatives.admin import InitiativeAdmin, InitiatorInline
from initiatives.models import EntryKind, Initiative, Status, TimelineEntry
from initiatives.rules import Role
from tests.factories import (
    HelpOfferFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    InitiatorFactory,
    PartnerFactory,
    SupportFactory,
    TimelineEntryFactory,
    UserFactory,
    priority,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse_lazy("admin:initiatives_initiative_changelist")
ROLES = ["superuser", "coordinator", "broker_a", "administrator", "council_member", "anonymous"]
# Brokers and coordinators need is_staff to enter the admin; council members never have it.
STAFF_ROLES = {"coordinator", "broker_a", "broker_b"}


def make_staff(user):
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def login(client, request):
    """Log in as one of the cast by role name; brokers and coordinators as staff."""

    def log_in(role: str):
        if role == "anonymous":
            return None
        user = request.getfixturevalue(role)
        if role in STAFF_ROLES:
            make_staff(user)
        client.force_login(user)
        return user

    return log_in


def change_url(obj) -> str:
    return reverse(f"admin:initiatives_{obj._meta.model_name}_change", args=[obj.pk])


def list_url(model) -> str:
    return reverse(f"admin:initiatives_{model._meta.model_name}_changelist")


def status_url(initiative) -> str:
    return reverse("admin:initiatives_initiative_status", args=[initiative.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def form_data(response) -> dict:
    """What a browser would post back from a rendered admin change form, unchanged."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if isinstance(bound.field.widget, MultiWidget):
                for index, part in enumerate(bound.field.widget.decompress(value)):
                    data[f"{bound.html_name}_{index}"] = str(part)
            elif value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = str(value)
    return data


def run_action(client, action: str, *initiatives, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [i.pk for i in initiatives], **extra},
    )


@pytest.fixture
def initiative_a(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, title="Moestuin Poelenburg")
    InitiatorFactory(initiative=initiative, name="Fatima de Vries")
    return initiative


@pytest.fixture
def initiative_b(wijk_b):
    initiative = InitiativeFactory(neighbourhood=wijk_b, title="Buurtfeest Kogerveld")
    InitiatorFactory(initiative=initiative, name="Henk Jansen")
    return initiative


@pytest.fixture
def around_a(initiative_a):
    """One of everything that can happen around wijk A's initiative."""
    return {
        "timeline": TimelineEntryFactory(initiative=initiative_a),
        "help_offer": HelpOfferFactory(initiative=initiative_a, name="Jan Bakker"),
        "support": SupportFactory(initiative=initiative_a),
        "partner_link": InitiativePartnerFactory(initiative=initiative_a),
    }


@pytest.fixture
def around_b(initiative_b):
    return {
        "timeline": TimelineEntryFactory(initiative=initiative_b, public_text="Feest in B"),
        "help_offer": HelpOfferFactory(initiative=initiative_b, name="Kees Kogerveld"),
        "support": SupportFactory(initiative=initiative_b),
        "partner_link": InitiativePartnerFactory(
            initiative=initiative_b, role="Zorgt voor de muziek"
        ),
    }


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


# --- Export --------------------------------------------------------------------------------------


def test_csv_export_contains_no_personal_data_and_no_internal_notes(client, login, wijk_a):
    login("broker_a")
    published = InitiativeFactory(
        neighbourhood=wijk_a,
        published=True,
        title="CANARY-TITLE-PUBLISHED-55",
        public_title="Moestuin voor iedereen",
        priorities=[priority("kinderen"), priority("werkloosheid")],
    )
    private = InitiativeFactory(neighbourhood=wijk_a, title="CANARY-TITLE-19283")
    for initiative in (published, private):
        InitiatorFactory(
            initiative=initiative,
            name="CANARY-NAME-81723",
            email="canary-email-4410@bewoner.example",
            phone="0699887766",
        )
        TimelineEntryFactory(
            initiative=initiative, kind=EntryKind.NOTE, internal_note="CANARY-NOTE-66120"
        )
        HelpOfferFactory(initiative=initiative, name="CANARY-HELPER-7001")

    response = run_action(client, "export_csv", published, private)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    for canary in (
        "CANARY-NAME-81723",
        "canary-email-4410",
        "0699887766",
        "CANARY-NOTE-66120",
        "CANARY-TITLE-19283",
        "CANARY-TITLE-PUBLISHED-55",
        "CANARY-HELPER-7001",
    ):
        assert canary not in body
    rows = list(csv.DictReader(io.StringIO(body)))
    assert list(rows[0]) == [
        "id",
        "public_title",
        "wijk",
        "cbs_code",
        "status",
        "priorities",
        "submitted_at",
        "first_response_at",
        "closed_at",
        "amount_requested",
        "amount_granted",
        "support_count",
        "help_offer_count",
        "is_published",
    ]
    by_id = {int(row["id"]): row for row in rows}
    assert by_id[published.pk]["public_title"] == "Moestuin voor iedereen"
    assert by_id[published.pk]["priorities"] == "kinderen|werkloosheid"
    assert by_id[published.pk]["is_published"] == "true"
    assert by_id[private.pk]["public_title"] == ""
    assert by_id[private.pk]["wijk"] == "Poelenburg"
    assert by_id[private.pk]["amount_requested"] == "750.00"


def test_csv_export_defuses_spreadsheet_formulas(client, login, wijk_a):
    login("broker_a")
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, published=True, public_title="=HYPERLINK(1)"
    )
    response = run_action(client, "export_csv", initiative)
    row = next(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert row["public_title"] == "'=HYPERLINK(1)"


# --- Help offers ---------------------------------------------------------------------------------


def test_mark_connected_action_connects_the_offer(client, login, around_a):
    broker = login("broker_a")
    offer = around_a["help_offer"]
    response = client.post(
        list_url(offer), {"action": "mark_connected", ACTION_CHECKBOX_NAME: [offer.pk]}
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.is_connected and offer.connected_at is not None
    assert offer.initiative.timeline.get(kind=EntryKind.HELP_CONNECTED).actor == broker
    assert "1 hulpaanbod is gekoppeld" in " ".join(messages_of(response))


def test_broker_sees_the_helpers_contact_details_in_own_wijk(client, login, around_a):
    login("broker_a")
    response = client.get(change_url(around_a["help_offer"]))
    assert "jan@helper.example" in response.text


# --- Query counts --------------------------------------------------------------------------------


def changelist_queries(client, count: int, wijk, broker) -> int:
    Initiative.objects.all().delete()
    for _ in range(count):
        initiative = InitiativeFactory(
            neighbourhood=wijk, assigned_broker=broker, priorities=[priority("kinderen")]
        )
        InitiatorFactory(initiative=initiative)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.text.count('class="action-select"') == count
    return len(queries)


def test_changelist_query_count_does_not_grow_with_the_rows(
    client, login, wijk_a, django_assert_num_queries
):
    broker = login("broker_a")
    assert changelist_queries(client, 3, wijk_a, broker) == changelist_queries(
        client, 15, wijk_a, broker
    )
    # 1 session, 2 user, 3-4 the user's model permissions (own, through groups),
    # 5-6 rules: roles and wijken, 7-9 filter options (wijken, priorities, brokers),
    # 10-11 counts (filtered, all), 12 the page of rows with wijk and broker joined,
    # 13 their priorities, 14-15 date hierarchy (first and last date, the days).
    with django_assert_num_queries(15):
        client.get(CHANGELIST)


# --- Accounts ------------------------------------------------------------------------------------


def test_administrator_cannot_make_themselves_superuser(client, login):
    administrator = login("administrator")
    url = reverse("admin:auth_user_change", args=[administrator.pk])
    data = form_data(client.get(url))
    data.update(is_superuser="on", _save="Opslaan")
    client.post(url, data)
    administrator.refresh_from_db()
    assert not administrator.is_superuser


def test_administrator_gives_a_broker_a_role(client, login):
    login("administrator")
    user = UserFactory(username="nieuwe_makelaar")
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = form_data(client.get(url))
    broker_group = user.groups.model.objects.get(name=Role.BROKER)
    data.update(groups=[str(broker_group.pk)], is_staff="on", _save="Opslaan")
    response = client.post(url, data)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == [Role.BROKER]


def test_administrator_cannot_change_a_superuser(client, login, superuser):
    login("administrator")
    url = reverse("admin:auth_user_change", args=[superuser.pk])
    data = form_data(client.get(url))
    data.update(email="overname@example.com", _save="Opslaan")
    assert client.post(url, data).status_code == 403
    password_url = reverse("admin:auth_user_password_change", args=[superuser.pk])
    assert client.get(password_url).status_code == 403
