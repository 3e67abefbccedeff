import pytest
from django.urls import reverse

from assessments.models import Criterion, Score
from tests.factories import InitiativeFactory, InitiatorFactory


@pytest.fixture
def initiative(wijk_a):
    """A new initiative in wijk A with a tracking link, by an initiator with an address."""
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, title="Huiswerkklas in het buurthuis", with_token=True
    )
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


def scored(prefix: str, criteria: list[Criterion], value: str = Score.Value.MEETS) -> dict:
    """Every criterion scored ``value`` with a sentence, as the form posts it."""
    data = {}
    for criterion in criteria:
        data[f"{prefix}-score_{criterion.pk}"] = value
        data[f"{prefix}-sentence_{criterion.pk}"] = f"Zin bij {criterion.name}."
    return data


def assess(initiative, kind: str, actor, criteria: list[Criterion], values: list[str]):
    """An assessment of ``kind`` scoring each criterion with the value at its place."""
    from assessments.services import record_assessment

    scores = [
        (criterion, value, f"{criterion.name}: {value}.")
        for criterion, value in zip(criteria, values, strict=True)
    ]
    return record_assessment(initiative, kind, scores, actor=actor)
