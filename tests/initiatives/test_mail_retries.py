"""Failed e-mail: retried after 2, 4, 8 and 16 minutes, then given up where admins see it.

The worker is django_tasks_db's own (``db_worker --batch``), on the database backend; the mail
server is the only thing replaced, by one that refuses every message.
"""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from initiatives import tasks
from tests.factories import InitiativeFactory, InitiatorFactory


@pytest.fixture
def refused_mail(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def refuse(self, *args, **kwargs):
        raise OSError("SMTP server unreachable")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    # The worker closes "old" connections between tasks; inside a test that is ours.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


@pytest.fixture
def initiative(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    InitiatorFactory(initiative=initiative)
    return initiative


def run_worker() -> None:
    call_command("db_worker", batch=True, verbosity=0, startup_delay=False)


def waiting() -> DBTaskResult | None:
    return DBTaskResult.objects.filter(status="READY").first()


def test_two_failures_in_a_row_wait_two_then_four_minutes(refused_mail, initiative):
    started = timezone.now()
    with time_machine.travel(started, tick=False):
        tasks.notify_initiator_submitted.enqueue(initiative_id=initiative.pk)
        run_worker()
    second = waiting()
    assert second.run_after == started + timedelta(minutes=2)
    assert second.args_kwargs["kwargs"] == {"initiative_id": initiative.pk, "attempt": 2}

    with time_machine.travel(second.run_after, tick=False):
        run_worker()
    third = waiting()
    assert third.run_after == second.run_after + timedelta(minutes=4)
    assert third.args_kwargs["kwargs"] == {"initiative_id": initiative.pk, "attempt": 3}
    assert DBTaskResult.objects.filter(status="FAILED").count() == 2


def test_the_fifth_failure_stops_and_is_logged_as_an_error(
    refused_mail, initiative, caplog, client, superuser
):
    moment = timezone.now()
    with time_machine.travel(moment, tick=False):
        tasks.notify_initiator_submitted.enqueue(initiative_id=initiative.pk)
        run_worker()
    delays = []
    while (next_try := waiting()) is not None and len(delays) < 10:
        delays.append(next_try.run_after - moment)
        moment = next_try.run_after
        with caplog.at_level(logging.WARNING), time_machine.travel(moment, tick=False):
            run_worker()

    assert delays == [timedelta(minutes=m) for m in (2, 4, 8, 16)]
    assert DBTaskResult.objects.filter(status="FAILED").count() == 5
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in errors] == [
        "E-mail notify_initiator_submitted failed (attempt 5 of 5); given up: OSError"
    ]
    assert errors[0].exc_info is None  # one line; the traceback is in the task result

    # Administrators see the mail that was given up among the task results.
    given_up = DBTaskResult.objects.get(exception_class_path="wijkaanpak.tasks.MailNotSent")
    client.force_login(superuser)
    page = client.get(
        reverse("admin:django_tasks_database_dbtaskresult_change", args=[given_up.pk])
    )
    assert page.status_code == 200
    assert "MailNotSent" in page.text


def test_the_immediate_backend_does_not_retry(initiative, monkeypatch, caplog):
    def refuse(self, *args, **kwargs):
        raise OSError("SMTP server unreachable")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    result = tasks.notify_initiator_submitted.enqueue(initiative_id=initiative.pk)
    assert result.status == "FAILED"
    assert not DBTaskResult.objects.exists()
