"""E-mail in Arabic reads right to left: the HTML part says lang="ar" dir="rtl"."""

import pytest
from django.core import mail

from initiatives import services
from initiatives.models import Status
from tests.factories import InitiativeFactory, InitiatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "http://testserver"


@pytest.mark.parametrize(
    ("language", "direction", "subject"),
    [("ar", "rtl", "فكرتكم على الموقع"), ("nl", "ltr", "Uw idee staat op de website")],
)
def test_the_published_mail_reads_in_the_direction_of_the_residents_language(
    wijk_a, broker_a, django_capture_on_commit_callbacks, language, direction, subject
):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE, language=language)
    InitiatorFactory(initiative=initiative, email="amal@bewoner.example")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(
            initiative,
            actor=broker_a,
            public_title="Moestuin achter de flat",
            public_summary="Buren kweken samen groente.",
        )
    (message,) = [one for one in mail.outbox if one.to == ["amal@bewoner.example"]]
    assert message.subject == subject
    html = message.alternatives[0].content
    assert f'<html lang="{language}" dir="{direction}">' in html
