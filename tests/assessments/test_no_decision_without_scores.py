"""Where a status changes without the scores, declining and approving are refused.

The bulk change in the queue and the admin's status page have no score fields: with
criteria in use, a decision goes one by one through the initiative's workspace page.
"""

import pytest
from django.urls import reverse

from assessments.models import SCORES_ELSEWHERE, Assessment
from initiatives.models import Initiative, Status
from tests.factories import InitiativeFactory, InitiatorFactory
from tests.initiatives.admin.helpers import make_staff, status_url

pytestmark = pytest.mark.django_db

BULK = reverse("initiatives:workspace_bulk")


def make(wijk, **values):
    initiative = InitiativeFactory(neighbourhood=wijk, **values)
    InitiatorFactory(initiative=initiative)
    return initiative


@pytest.mark.parametrize("to", [Status.DECLINED, Status.PREPARING])
def test_a_bulk_decision_is_refused_while_criteria_are_in_use(
    client, wijk_a, broker_a, criteria, to
):
    initiative = make(wijk_a, status=Status.INTAKE)
    client.force_login(broker_a)
    data = {"ids": [initiative.pk], "action": "status", "to": to, "public_text": "Besluit."}
    response = client.post(BULK, data)
    assert str(SCORES_ELSEWHERE) in response.text
    assert Initiative.objects.get(pk=initiative.pk).status == Status.INTAKE


def test_other_bulk_moves_still_work(client, wijk_a, broker_a, criteria):
    initiative = make(wijk_a)
    client.force_login(broker_a)
    data = {"ids": [initiative.pk], "action": "status", "to": Status.INTAKE, "public_text": "Ja."}
    client.post(BULK, data)
    assert Initiative.objects.get(pk=initiative.pk).status == Status.INTAKE


def test_the_admin_refuses_a_decision_while_criteria_are_in_use(
    client, wijk_a, coordinator, criteria
):
    initiative = make(wijk_a, status=Status.INTAKE)
    client.force_login(make_staff(coordinator))
    data = {
        "version": initiative.version,
        "to": Status.DECLINED,
        "public_text": "Past niet.",
    }
    response = client.post(status_url(initiative), data)
    assert response.status_code == 200
    assert str(SCORES_ELSEWHERE) in response.text
    assert Initiative.objects.get(pk=initiative.pk).status == Status.INTAKE
    assert not Assessment.objects.exists()


def test_without_criteria_the_admin_declines_as_before(client, wijk_a, coordinator):
    initiative = make(wijk_a, status=Status.INTAKE)
    client.force_login(make_staff(coordinator))
    data = {"version": initiative.version, "to": Status.DECLINED, "public_text": "Past niet."}
    assert client.post(status_url(initiative), data).status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).status == Status.DECLINED
