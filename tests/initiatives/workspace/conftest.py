import pytest
from django.urls import reverse

from tests.factories import InitiativeFactory, InitiatorFactory


@pytest.fixture
def initiative(wijk_a):
    """A new initiative in wijk A, with an initiator who has an e-mail address."""
    initiative = InitiativeFactory(neighbourhood=wijk_a, title="Huiswerkklas in het buurthuis")
    InitiatorFactory(initiative=initiative)
    return initiative


def detail_url(initiative) -> str:
    return reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})


def versioned(initiative, prefix: str, **values) -> dict:
    """POST data for a form that carries the version the user saw."""
    return {
        f"{prefix}-version": initiative.version,
        f"{prefix}-seen": initiative.updated_at.isoformat(),
        **{f"{prefix}-{name}": value for name, value in values.items()},
    }
