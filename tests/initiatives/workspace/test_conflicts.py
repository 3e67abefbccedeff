"""Two brokers on one initiative: the second one is told what changed, and loses nothing."""

import pytest
from django.urls import reverse

from initiatives import services
from initiatives.models import Initiative, Status
from tests.factories import BudgetPotFactory

from .conftest import versioned

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(wijk_a):
    from tests.factories import broker_of

    return broker_of(wijk_a, username="collega", first_name="Karin", last_name="Collega")


def test_a_status_change_on_an_old_version_shows_what_changed_and_keeps_the_text(
    client, initiative, broker_a, colleague, time_machine
):
    time_machine.move_to("2026-03-03 09:00 +01:00", tick=False)
    initiative.refresh_from_db()
    # Broker A loads the page: the form carries this version.
    stale = versioned(
        initiative,
        "status",
        to="declined",
        public_text="Dit past helaas niet in het budget.",
        internal_note="Besproken met team.",
    )
    time_machine.move_to("2026-03-03 09:05 +01:00", tick=False)
    services.change_status(
        initiative, Status.INTAKE, actor=colleague, public_text="Ik bel u morgen."
    )
    client.force_login(broker_a)
    response = client.post(
        reverse("initiatives:workspace_status", kwargs={"pk": initiative.pk}), stale
    )
    assert response.status_code == 409
    text = response.text
    assert "Iemand anders heeft dit initiatief net gewijzigd." in text
    # What changed: who, when, what.
    assert "Karin Collega" in text
    assert "Ingediend → In gesprek" in text
    assert "3 maart 2026 09:05" in text
    # What broker A typed is still there, now on the current version.
    assert "Dit past helaas niet in het budget." in text
    assert "Besproken met team." in text
    current = Initiative.objects.get(pk=initiative.pk)
    assert f'name="status-version" value="{current.version}"' in text
    assert current.status == Status.INTAKE


def test_resubmitting_after_a_conflict_works(client, initiative, broker_a, colleague):
    stale = versioned(initiative, "publish", public_title="Huiswerk", public_summary="Samen leren.")
    services.assign(initiative, colleague, actor=colleague)
    client.force_login(broker_a)
    url = reverse("initiatives:workspace_publish", kwargs={"pk": initiative.pk})
    assert client.post(url, stale).status_code == 409
    assert not Initiative.objects.get(pk=initiative.pk).is_published
    fresh = Initiative.objects.get(pk=initiative.pk)
    retry = versioned(fresh, "publish", public_title="Huiswerk", public_summary="Samen leren.")
    assert client.post(url, retry).status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).is_published


@pytest.mark.parametrize(
    ("name", "prefix", "values"),
    [
        ("workspace_assign", "take", {}),
        ("workspace_unpublish", "unpublish", {"reason": ""}),
        ("workspace_amount", "amount", {"amount": "50"}),
    ],
)
def test_every_versioned_action_notices_a_conflict(
    client, initiative, broker_a, colleague, name, prefix, values
):
    services.change_status(initiative, Status.INTAKE, actor=colleague, public_text="Hallo.")
    initiative.refresh_from_db()
    stale = versioned(initiative, prefix, **values)
    if prefix == "amount":
        stale["amount-pot"] = BudgetPotFactory(neighbourhood=initiative.neighbourhood).pk
    services.add_note(initiative, "tussendoor", actor=colleague)
    services.assign(initiative, colleague, actor=colleague)
    before = Initiative.objects.get(pk=initiative.pk)
    client.force_login(broker_a)
    response = client.post(reverse(f"initiatives:{name}", kwargs={"pk": initiative.pk}), stale)
    assert response.status_code == 409
    after = Initiative.objects.get(pk=initiative.pk)
    assert (after.version, after.assigned_broker_id, after.amount_granted) == (
        before.version,
        before.assigned_broker_id,
        before.amount_granted,
    )


@pytest.mark.parametrize(
    "seen",
    [
        "0001-01-01T00:00:00+14:00",  # parses, but overflows when converted to UTC
        "9999-12-31T23:59:59-14:00",
        "1999-12-31T23:59:59+00:00",  # before any version was written
        "2100-01-01T00:00:00+00:00",
        "2026-03-02T09:00:00",  # no time zone
        "gisteren",
    ],
)
@pytest.mark.parametrize(
    ("name", "prefix", "values"),
    [
        ("workspace_publish", "publish", {"public_title": "Huiswerk", "public_summary": "Leren."}),
        ("workspace_status", "status", {"to": "intake", "public_text": "We bellen u."}),
    ],
)
def test_a_tampered_seen_moment_is_a_form_error_not_a_500(
    client, initiative, broker_a, name, prefix, values, seen
):
    data = versioned(initiative, prefix, **values)
    data[f"{prefix}-seen"] = seen
    client.force_login(broker_a)
    response = client.post(reverse(f"initiatives:{name}", kwargs={"pk": initiative.pk}), data)
    assert response.status_code == 200
    assert "Laad de pagina opnieuw en probeer het nog eens." in response.text
    assert 'value="Huiswerk"' in response.text or "We bellen u." in response.text
    after = Initiative.objects.get(pk=initiative.pk)
    assert (after.version, after.status, after.is_published) == (
        initiative.version,
        Status.SUBMITTED,
        False,
    )
