"""Each brokers' queue is read from its own partial index (initiatives.queues).

The index conditions are built from the same rows as the queues' queries; these tests
check that the database agrees, for a page of a queue and for the queue counts.
"""

import datetime as dt

import pytest
from django.db import connection

from initiatives.queues import QUEUE_ORDER, Queue, index_name
from initiatives.rules import managed_initiatives
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 20)


def _plan(queryset, index: str) -> str:
    """The query plan; on SQLite, the plan with ``index`` forced (an error if it cannot serve).

    With so few rows a planner rightly scans the table. PostgreSQL is told not to, and the
    table's other droppable indexes are dropped inside the test's transaction (rolled back
    after it): without statistics the planner may otherwise pick any index that serves a
    part of the condition, while the question is whether *this* index matches the query
    Django generates. SQLite has no statistics to go by, but ``INDEXED BY`` fails unless
    the query's condition implies the index's. It proves that only for literal values (not
    bound parameters), so they are written in.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                """
                SELECT indexrelid::regclass::text FROM pg_index
                WHERE indrelid = 'initiatives_initiative'::regclass
                  AND indexrelid::regclass::text <> %s
                  AND indexrelid NOT IN (SELECT conindid FROM pg_constraint)
                """,
                [index],
            )
            for (other,) in cursor.fetchall():
                cursor.execute(f"DROP INDEX {other}")
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            return queryset.explain()
        sql, params = queryset.query.sql_with_params()
        table = '"initiatives_initiative"'
        assert sql.count(f"FROM {table}") == 1
        sql = sql.replace(f"FROM {table}", f"FROM {table} INDEXED BY {index}")
        literals = tuple(f"'{value}'" if isinstance(value, str) else value for value in params)
        cursor.execute(f"EXPLAIN QUERY PLAN {sql % literals}")
        return " ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.parametrize("queue", Queue.values)
def test_a_page_of_a_queue_is_read_from_its_index(queue, broker_a, wijk_a):
    InitiativeFactory.create_batch(3, neighbourhood=wijk_a)
    page = managed_initiatives(broker_a).queue(queue, broker_a.pk, TODAY).order_by(*QUEUE_ORDER)
    assert index_name(queue) in _plan(page[:25], index_name(queue))


@pytest.mark.parametrize("queue", Queue.values)
def test_a_queue_is_counted_from_its_index(queue, broker_a, wijk_a):
    InitiativeFactory.create_batch(3, neighbourhood=wijk_a)
    count = managed_initiatives(broker_a).queue(queue, broker_a.pk, TODAY).order_by().values("pk")
    assert index_name(queue) in _plan(count, index_name(queue))
