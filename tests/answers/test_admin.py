"""Answer templates in the admin: the workspace form's checks, coordinators only."""

import pytest
from django.urls import reverse

from answers.models import AnswerTemplate
from tests.factories import AnswerTemplateFactory
from tests.initiatives.admin.helpers import make_staff

pytestmark = pytest.mark.django_db

ADD = reverse("admin:answers_answertemplate_add")
CHANGELIST = reverse("admin:answers_answertemplate_changelist")

DATA = {
    "name": "Eerste contact",
    "kind": "message",
    "to_status": "",
    "text_nl": "Beste {voornaam},",
    "text_en": "",
    "is_active": "on",
}


def test_a_coordinator_adds_a_template_in_the_admin(client, coordinator):
    client.force_login(make_staff(coordinator))
    assert client.get(ADD).status_code == 200
    assert client.post(ADD, DATA).status_code == 302
    assert AnswerTemplate.objects.get().text_nl == "Beste {voornaam},"


def test_the_admin_refuses_an_unknown_placeholder(client, coordinator):
    client.force_login(make_staff(coordinator))
    response = client.post(ADD, {**DATA, "text_en": "Dear {name},"})
    assert response.status_code == 200
    assert "Onbekend: {name}." in response.text
    assert not AnswerTemplate.objects.exists()


def test_a_broker_sees_the_templates_but_cannot_add_or_change_them(client, broker_a):
    template = AnswerTemplateFactory(name="Oud")
    client.force_login(make_staff(broker_a))
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(ADD).status_code == 403
    change = reverse("admin:answers_answertemplate_change", args=[template.pk])
    assert client.post(change, {**DATA, "name": "Nieuw"}).status_code == 403
    assert AnswerTemplate.objects.get().name == "Oud"
