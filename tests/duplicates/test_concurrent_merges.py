"""Two brokers merge at the same moment: opposite ways, or one duplicate into two targets.

Real threads with their own connections and commits, on PostgreSQL: both rows are locked in
primary-key order, so opposite merges do not deadlock, and the second sees the first's
outcome on the locked rows and is refused.
"""

import threading

import pytest
from django.db import connection, connections

from duplicates.models import Merge
from duplicates.services import merge_initiatives
from initiatives.models import Initiative, Status
from initiatives.services import WorkflowError
from tests.factories import InitiativeFactory, SupportFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks between connections: PostgreSQL"
)


def _race(actor, moves: list[tuple[int, int]]) -> list[str]:
    start = threading.Barrier(len(moves))
    outcomes: list[str] = []

    def merge(duplicate_pk: int, into_pk: int) -> None:
        try:
            start.wait(timeout=10)
            merge_initiatives(
                Initiative.objects.get(pk=duplicate_pk),
                Initiative.objects.get(pk=into_pk),
                actor=actor,
            )
            outcomes.append("merged")
        except WorkflowError as error:
            outcomes.append(str(error))
        except Exception as error:  # any other failure is shown by the assertion
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=merge, args=move) for move in moves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_opposite_merges_of_one_pair_one_wins_without_deadlock(transactional_db, wijk_a, broker_a):
    first, second = (
        InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE, support_count=1) for _ in "ab"
    )
    SupportFactory(initiative=first, browser_key="b1")
    SupportFactory(initiative=second, browser_key="b2")
    outcomes = _race(broker_a, [(first.pk, second.pk), (second.pk, first.pk)])
    assert sorted(outcomes)[-1] == "merged" and outcomes.count("merged") == 1, outcomes
    merge = Merge.objects.get()
    assert Initiative.objects.get(pk=merge.duplicate_id).status == Status.MERGED
    assert Initiative.objects.get(pk=merge.into_id).support_count == 2


@pytest.mark.django_db(transaction=True)
def test_one_duplicate_into_two_targets_at_once_one_wins(transactional_db, wijk_a, broker_a):
    duplicate, one, other = (
        InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE, support_count=n)
        for n in (1, 0, 0)
    )
    SupportFactory(initiative=duplicate, browser_key="b1")
    outcomes = _race(broker_a, [(duplicate.pk, one.pk), (duplicate.pk, other.pk)])
    assert outcomes.count("merged") == 1, outcomes
    assert Merge.objects.get().duplicate_id == duplicate.pk
    counts = sorted(
        Initiative.objects.filter(pk__in=[one.pk, other.pk]).values_list("support_count", flat=True)
    )
    assert counts == [0, 1]
