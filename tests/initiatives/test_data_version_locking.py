"""The data-version triggers and row locks do not deadlock (migration 0006, services._lock).

On PostgreSQL the version is raised at commit; a foreign-key check queued later in the same
commit then runs while the version row is locked. It must not wait for a broker's lock on
the row it points at, or the broker's own commit (waiting for the version row) closes a cycle.
"""

import threading

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from initiatives import services
from neighbourhoods.models import Priority
from tests.factories import InitiativeFactory


def _connect():
    import psycopg

    settings = connection.settings_dict
    return psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
    )


def test_a_brokers_lock_lets_foreign_key_checks_through(transactional_db, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        services._lock(initiative, expected_version=None)
    lock = next(query["sql"] for query in queries.captured_queries if "SELECT" in query["sql"])
    if connection.vendor != "postgresql":
        assert "FOR " not in lock  # SQLite: one writer at a time, no row locks
        return
    assert lock.endswith("FOR NO KEY UPDATE")

    priority = Priority.objects.first()
    broker, admin = _connect(), _connect()
    # What services._lock sends (checked above).
    broker.execute(
        "SELECT id FROM initiatives_initiative WHERE id = %s FOR NO KEY UPDATE", [initiative.pk]
    )
    # The admin changes a wijk (its raise is queued) and then links the initiative to a
    # priority (its foreign-key check on the initiative is queued after the raise).
    admin.execute("UPDATE neighbourhoods_neighbourhood SET name = name WHERE id = %s", [wijk_a.pk])
    admin.execute(
        "INSERT INTO initiatives_initiative_priorities (initiative_id, priority_id) "
        "VALUES (%s, %s)",
        [initiative.pk, priority.pk],
    )
    errors = []

    def commit(conn) -> None:
        try:
            conn.commit()
        except Exception as error:  # what the other side saw is the result
            errors.append(error)

    admin_commit = threading.Thread(target=commit, args=(admin,))
    admin_commit.start()
    admin_commit.join(2)
    broker.execute("UPDATE initiatives_initiative SET title = title WHERE id = %s", [initiative.pk])
    commit(broker)
    admin_commit.join(10)
    broker.close()
    admin.close()
    assert not errors
