import pytest

from tests.factories import InitiativeFactory, InitiatorFactory


@pytest.fixture
def initiative(wijk_a):
    """A new initiative in wijk A (Poelenburg), due on 9 March 2026, by Fatima de Vries."""
    initiative = InitiativeFactory(neighbourhood=wijk_a, title="Huiswerkklas in het buurthuis")
    InitiatorFactory(initiative=initiative)
    return initiative
