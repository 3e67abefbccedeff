import pytest
from django.urls import reverse

from initiatives.models import Status
from tests.answers.test_browser import check  # noqa: F401 - language, one h1, axe
from tests.factories import InitiativeFactory, InitiativePartnerFactory, InitiatorFactory

# Fixtures: the overviews' hand-computed data set (with results on p1, p2) and its day.
from tests.initiatives.overviews.conftest import dataset, today  # noqa: F401


@pytest.fixture
def completed(wijk_a):
    """A completed, published initiative in wijk A with two linked partners."""
    initiative = InitiativeFactory(
        neighbourhood=wijk_a,
        status=Status.COMPLETED,
        published=True,
        public_title="Speelmiddag op het plein",
        amount_granted=500,
    )
    InitiatorFactory(initiative=initiative)
    InitiativePartnerFactory.create_batch(2, initiative=initiative)
    return initiative


def record_url(initiative) -> str:
    return reverse("results:record", kwargs={"pk": initiative.pk})
