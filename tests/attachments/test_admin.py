"""The admin lists attachments read-only, of the broker's own wijken only."""

import pytest
from django.urls import reverse

from tests.attachments.conftest import add_photo
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_a_broker_sees_the_attachments_of_their_wijk_only(client, broker_a, wijk_a, wijk_b):
    broker_a.is_staff = True
    broker_a.save(update_fields=["is_staff"])
    own = add_photo(InitiativeFactory(neighbourhood=wijk_a))
    other = add_photo(InitiativeFactory(neighbourhood=wijk_b))
    client.force_login(type(broker_a).objects.get(pk=broker_a.pk))
    response = client.get(reverse("admin:attachments_attachment_changelist"))
    assert response.status_code == 200
    assert reverse("attachments:file", kwargs={"key": own.key}) in response.text
    assert other.key not in response.text
    assert client.get(reverse("admin:attachments_attachment_add")).status_code == 403
