"""A task whose worker died (RUNNING for too long) goes back to the queue and runs again."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from initiatives import tasks
from tests.factories import InitiativeFactory, InitiatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker closes "old" connections between tasks; inside a test that is ours.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


def running_since(minutes: int, initiative_id: int) -> DBTaskResult:
    """The row a worker killed with -9 leaves behind: RUNNING, started ``minutes`` ago."""
    tasks.notify_initiator_submitted.enqueue(initiative_id=initiative_id)
    row = DBTaskResult.objects.latest("enqueued_at")
    row.claim("killed-worker")
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - timedelta(minutes=minutes)
    )
    return row


def test_a_task_running_for_longer_than_the_limit_is_queued_again_and_sent(
    database_tasks, wijk_a, capsys
):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    InitiatorFactory(initiative=initiative)
    abandoned = running_since(120, initiative.pk)
    busy = running_since(5, initiative.pk)

    call_command("recover_tasks", minutes=30)
    assert "1 abandoned task(s) back in the queue." in capsys.readouterr().out

    abandoned.refresh_from_db()
    busy.refresh_from_db()
    assert (abandoned.status, abandoned.started_at) == ("READY", None)
    assert busy.status == "RUNNING"  # a worker may still be at it

    call_command("db_worker", batch=True, verbosity=0, startup_delay=False)
    abandoned.refresh_from_db()
    assert abandoned.status == "SUCCESSFUL"
    assert abandoned.worker_ids[0] == "killed-worker"  # the same row, run by a second worker
    assert [m.to for m in mail.outbox] == [[initiative.initiator.email]]


def test_the_worker_recovers_abandoned_tasks_when_it_starts(database_tasks, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    InitiatorFactory(initiative=initiative)
    abandoned = running_since(120, initiative.pk)

    call_command("run_worker", batch=True, verbosity=0)

    abandoned.refresh_from_db()
    assert abandoned.status == "SUCCESSFUL"
    assert len(mail.outbox) == 1
