"""Two brokers grant at the same moment from one pot: together they would overdraw it.

Real threads with their own database connections and real commits (transactional_db), on
PostgreSQL, where the pot's row lock makes the second grant wait for the first and then
see what is left.
"""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from budgets import services as budget_services
from budgets.models import BudgetPot, Grant
from initiatives import services
from initiatives.models import Initiative, Status
from tests.factories import BudgetPotFactory, InitiativeFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks between connections: PostgreSQL"
)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_grants_that_would_overdraw_a_pot_exactly_one_succeeds(
    transactional_db, wijk_a, broker_a, broker_b
):
    pot = BudgetPotFactory(neighbourhood=wijk_a, amount=Decimal(1000))
    first, second = (
        InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE) for _ in range(2)
    )
    start = threading.Barrier(2)
    outcomes: dict[int, str] = {}

    def grant(initiative: Initiative) -> None:
        try:
            start.wait(timeout=10)
            budget_services.grant_money(
                Initiative.objects.get(pk=initiative.pk), Decimal(600), pot=pot, actor=broker_a
            )
            outcomes[initiative.pk] = "granted"
        except services.WorkflowError as error:
            outcomes[initiative.pk] = str(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=grant, args=(initiative,)) for initiative in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == [
        f"In “{pot.name}” is nog € 400,00 over. Voor een hoger bedrag is een coördinator nodig.",
        "granted",
    ]
    pot = BudgetPot.objects.get(pk=pot.pk)
    assert (pot.granted, pot.left) == (Decimal(600), Decimal(400))
    assert Grant.objects.count() == 1
