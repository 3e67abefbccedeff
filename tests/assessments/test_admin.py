"""Criteria in the admin: coordinators keep them, brokers look; assessments are read-only."""

import pytest
from django.urls import reverse

from assessments.models import Assessment, Criterion, Score
from tests.initiatives.admin.helpers import make_staff

from .conftest import assess

pytestmark = pytest.mark.django_db

ADD = reverse("admin:assessments_criterion_add")
CHANGELIST = reverse("admin:assessments_criterion_changelist")
DATA = {
    "name": "Goed voor de buurt",
    "name_en": "",
    "explanation": "Het idee maakt de buurt beter.",
    "explanation_en": "",
    "order": "6",
    "is_active": "on",
}


def test_a_coordinator_adds_a_criterion_in_the_admin(client, coordinator):
    client.force_login(make_staff(coordinator))
    assert client.get(ADD).status_code == 200
    assert client.post(ADD, DATA).status_code == 302
    assert Criterion.objects.get(name="Goed voor de buurt").order == 6


def test_a_broker_sees_the_criteria_but_cannot_add_or_change_them(client, broker_a, criteria):
    client.force_login(make_staff(broker_a))
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(ADD).status_code == 403
    change = reverse("admin:assessments_criterion_change", args=[criteria[0].pk])
    assert client.post(change, {**DATA, "name": "Nieuw"}).status_code == 403
    assert Criterion.objects.get(pk=criteria[0].pk).name == criteria[0].name


def test_nobody_deletes_a_criterion_or_changes_an_assessment(client, coordinator, wijk_a, criteria):
    from tests.factories import InitiativeFactory

    staff = make_staff(coordinator)
    assessment = assess(
        InitiativeFactory(neighbourhood=wijk_a),
        Assessment.Kind.APPROVED,
        staff,
        criteria,
        [Score.Value.MEETS] * 5,
    )
    client.force_login(staff)
    delete = reverse("admin:assessments_criterion_delete", args=[criteria[0].pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    view = reverse("admin:assessments_assessment_change", args=[assessment.pk])
    response = client.get(view)
    assert response.status_code == 200
    assert "Past bij wat bewoners noemden: meets." in response.text
    assert client.post(view, {"kind": "declined"}).status_code == 403
    assert Assessment.objects.get().kind == "approved"
    assert Criterion.objects.count() == 5
