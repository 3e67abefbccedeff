from decimal import Decimal

import pytest
from django.urls import reverse

from initiatives.models import EntryKind, Initiative, Status, TimelineEntry
from tests.factories import InitiativeFactory

from .conftest import versioned

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_intake(wijk_a):
    return InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)


def url(initiative) -> str:
    return reverse("initiatives:workspace_amount", kwargs={"pk": initiative.pk})


def test_broker_records_the_amount_granted_in_dutch_notation(client, in_intake, broker_a):
    client.force_login(broker_a)
    data = versioned(in_intake, "amount", amount="750,50", note="Uit het wijkbudget.")
    assert client.post(url(in_intake), data).status_code == 302
    assert Initiative.objects.get(pk=in_intake.pk).amount_granted == Decimal("750.50")
    entry = TimelineEntry.objects.get(initiative=in_intake, kind=EntryKind.AMOUNT_GRANTED)
    assert entry.actor == broker_a
    assert "Uit het wijkbudget." in entry.internal_note


@pytest.mark.parametrize("amount", ["-5", "abc", "1e400", "99999999999999999", "1,234,5", ""])
def test_bad_amounts_are_form_errors(client, in_intake, broker_a, amount):
    client.force_login(broker_a)
    response = client.post(url(in_intake), versioned(in_intake, "amount", amount=amount))
    assert response.status_code == 200
    assert 'href="#id_amount-amount"' in response.text
    assert Initiative.objects.get(pk=in_intake.pk).amount_granted is None


def test_no_money_before_intake_is_a_form_error_keeping_the_amount(client, initiative, broker_a):
    client.force_login(broker_a)
    data = versioned(initiative, "amount", amount="10", note="Voor de koffie.")
    response = client.post(url(initiative), data)
    assert response.status_code == 200
    assert "Geld toekennen kan pas als u met de initiatiefnemer in gesprek bent." in response.text
    assert 'value="10"' in response.text
    assert 'value="Voor de koffie."' in response.text
    assert Initiative.objects.get(pk=initiative.pk).amount_granted is None
