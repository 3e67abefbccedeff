"""Co-funding: a partner's contribution in money or in kind, recorded by a broker."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from budgets import services as budget_services
from budgets.models import Contribution, ContributionKind
from initiatives import services
from initiatives.models import EntryKind, TimelineEntry
from tests.factories import InitiativeFactory, PartnerFactory
from tests.initiatives.workspace.conftest import detail_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(wijk_a):
    return InitiativeFactory(neighbourhood=wijk_a)


@pytest.fixture
def partner():
    return PartnerFactory(name="Woningcorporatie Parteon")


def url(initiative) -> str:
    return reverse("initiatives:workspace_contribution", kwargs={"pk": initiative.pk})


def test_a_broker_records_a_contribution_in_kind_on_the_timeline(initiative, partner, broker_a):
    contribution = budget_services.add_contribution(
        initiative,
        partner,
        kind=ContributionKind.SPACE,
        value=Decimal("1200.00"),
        description="  De zaal op woensdag. ",
        actor=broker_a,
    )
    assert (contribution.partner, contribution.kind, contribution.value) == (
        partner,
        "space",
        Decimal(1200),
    )
    assert contribution.description == "De zaal op woensdag."
    entry = TimelineEntry.objects.get(initiative=initiative, kind=EntryKind.CONTRIBUTION_ADDED)
    assert entry.actor == broker_a
    assert entry.is_internal
    assert entry.internal_note == "Woningcorporatie Parteon: Ruimte, € 1.200,00"


def test_a_broker_of_another_wijk_may_not_record_one(initiative, partner, broker_b):
    with pytest.raises(PermissionDenied):
        budget_services.add_contribution(
            initiative, partner, kind="money", value=Decimal(1), actor=broker_b
        )


def test_an_inactive_partner_or_a_negative_value_is_refused(initiative, broker_a):
    with pytest.raises(services.WorkflowError):
        budget_services.add_contribution(
            initiative, PartnerFactory(is_active=False), kind="money", value=1, actor=broker_a
        )
    with pytest.raises(services.WorkflowError):
        budget_services.add_contribution(
            initiative, PartnerFactory(), kind="money", value=Decimal(-1), actor=broker_a
        )
    assert not Contribution.objects.exists()


def test_the_workspace_form_records_money_in_dutch_notation(client, initiative, partner, broker_a):
    client.force_login(broker_a)
    data = {
        "contribution-partner": partner.pk,
        "contribution-kind": "money",
        "contribution-value": "1250,50",
        "contribution-description": "",
    }
    response = client.post(url(initiative), data)
    assert response.status_code == 302
    assert Contribution.objects.get().value == Decimal("1250.50")
    page = client.get(detail_url(initiative))
    assert "Woningcorporatie Parteon: Geld, € 1.250,50" in page.text
    client.cookies["django_language"] = "en"
    page = client.get(detail_url(initiative))
    assert "Woningcorporatie Parteon: Money, €1,250.50" in page.text


@pytest.mark.parametrize("value", ["-1", "veel", "", "1e400"])
def test_a_bad_value_is_a_form_error_keeping_what_was_typed(
    client, initiative, partner, broker_a, value
):
    client.force_login(broker_a)
    data = {
        "contribution-partner": partner.pk,
        "contribution-kind": "hours",
        "contribution-value": value,
        "contribution-description": "Twintig uur begeleiding",
    }
    response = client.post(url(initiative), data)
    assert response.status_code == 200
    assert 'href="#id_contribution-value"' in response.text
    assert 'value="Twintig uur begeleiding"' in response.text
    assert not Contribution.objects.exists()


def test_a_broker_of_another_wijk_gets_403(client, initiative, partner, broker_b):
    client.force_login(broker_b)
    data = {
        "contribution-partner": partner.pk,
        "contribution-kind": "money",
        "contribution-value": "5",
    }
    assert client.post(url(initiative), data).status_code == 403
    assert not Contribution.objects.exists()


def test_get_is_not_allowed(client, initiative, broker_a):
    client.force_login(broker_a)
    assert client.get(url(initiative)).status_code == 405


def test_anonymous_is_sent_to_log_in(client, initiative):
    response = client.post(url(initiative), {})
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
