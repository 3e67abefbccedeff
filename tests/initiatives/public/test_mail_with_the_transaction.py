"""With the database tasks backend, mail is queued inside the transaction that causes it.

The initiative (or the entry) and its task rows commit or roll back together: a failure to
queue undoes the submission, so the resident can simply send the form again, and nothing is
saved without the mail about it.
"""

import pytest
from django.db import DatabaseError, transaction
from django.test import Client
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from initiatives import services
from initiatives.models import Initiative, Status
from tests.factories import InitiativeFactory, InitiatorFactory

from .conftest import started


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def brokers_task_cannot_be_queued(monkeypatch):
    """The second of the two tasks a submission queues fails (a lost connection, say)."""
    enqueue = DatabaseBackend.enqueue

    def fail_for_brokers(self, task, args, kwargs):
        if task.name == "notify_brokers_submitted":
            raise DatabaseError("server closed the connection unexpectedly")
        return enqueue(self, task, args, kwargs)

    monkeypatch.setattr(DatabaseBackend, "enqueue", fail_for_brokers)
    return monkeypatch


def test_a_failure_to_queue_the_mail_undoes_the_submission_and_a_retry_shows_the_link(
    transactional_db, database_tasks, brokers_task_cannot_be_queued, submission
):
    resident = Client(raise_request_exception=False)
    submission["started"] = started()
    assert resident.post("/idee/", submission).status_code == 500
    assert not Initiative.objects.exists()
    assert not DBTaskResult.objects.exists()

    brokers_task_cannot_be_queued.undo()
    response = resident.post("/idee/", submission, follow=True)
    assert response.redirect_chain == [("/idee/ontvangen/", 302)]
    assert "/volgen/" in response.text  # the private link, shown once
    initiative = Initiative.objects.get()
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "initiatives.tasks.notify_brokers_submitted",
        "initiatives.tasks.notify_initiator_submitted",
    ]
    assert all(
        row.args_kwargs["kwargs"] == {"initiative_id": initiative.pk}
        for row in DBTaskResult.objects.all()
    )


def _submit(wijk, broker):
    services.submit_initiative(
        title="Huiswerkklas",
        description="Hulp na school.",
        neighbourhood=wijk,
        name="Fatima",
        email="fatima@bewoner.example",
    )


def _reply(initiative, broker):
    services.reply_as_initiator(initiative, "Dank u, dinsdag kan ik.")


def _withdraw(initiative, broker):
    services.withdraw_as_initiator(initiative)


def _offer_help(initiative, broker):
    services.offer_help(initiative, name="Kees", email="kees@bewoner.example")


def _change_status(initiative, broker):
    services.change_status(initiative, Status.INTAKE, actor=broker, public_text="We bellen u.")


def _send_message(initiative, broker):
    services.send_message(initiative, "Wanneer kunnen we praten?", actor=broker)


@pytest.mark.parametrize(
    "action", [_submit, _reply, _withdraw, _offer_help, _change_status, _send_message]
)
def test_every_service_that_mails_queues_inside_its_transaction(
    action, database_tasks, wijk_a, broker_a
):
    initiative = InitiativeFactory(neighbourhood=wijk_a, published=True)
    InitiatorFactory(initiative=initiative)
    target = wijk_a if action is _submit else initiative
    with pytest.raises(RuntimeError), transaction.atomic():
        action(target, broker_a)
        assert DBTaskResult.objects.exists()  # queued already, before any commit
        raise RuntimeError("something later in the same transaction fails")
    assert not DBTaskResult.objects.exists()  # and gone with the rest of it
