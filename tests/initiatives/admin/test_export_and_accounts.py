"""The admin's CSV export, help offers, query counts and user accounts."""

import csv
import io

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.models import EntryKind, Initiative
from initiatives.rules import Role
from tests.factories import (
    HelpOfferFactory,
    InitiativeFactory,
    InitiatorFactory,
    TimelineEntryFactory,
    UserFactory,
    priority,
)
from tests.initiatives.admin.helpers import (
    CHANGELIST,
    change_url,
    form_data,
    list_url,
    messages_of,
    run_action,
)

pytestmark = pytest.mark.django_db


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
    assert by_id[private.pk]["amount_requested"] == "€ 750,00"


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
