"""Account e-mail, sent by the tasks worker: the request only queues it; and the retries
every e-mail task of the site shares (``send_or_retry``).

The task carries the user's id, never the address or the link: the worker makes the reset
token itself, so a queued task holds no secret.
"""

import logging
from datetime import timedelta
from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import Task, task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# Minutes to wait after failed attempt 1, 2, 3 and 4; the 5th failure is the last.
RETRY_MINUTES = (2, 4, 8, 16)
MAX_ATTEMPTS = len(RETRY_MINUTES) + 1


def enqueue_in_transaction(task: Task, **kwargs) -> None:
    """Queue ``task`` so that it stands or falls with the transaction that causes it.

    The database backend writes the task's row into the same database: queued inside the
    transaction, the data and the mail about it commit, or roll back, together; a failure to
    queue undoes the change instead of losing its mail. Any other backend runs the task (or
    hands it elsewhere) at once, before the data is committed, so it waits for the commit.
    """
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(**kwargs)
    else:
        transaction.on_commit(partial(task.enqueue, **kwargs))


def requeue_abandoned_tasks(limit: timedelta) -> int:
    """Put tasks that have been RUNNING for longer than ``limit`` back in the queue.

    A worker killed hard (out of memory, a lost node) leaves its task RUNNING and nothing
    picks it up again. A task still running after ``limit`` is taken to be abandoned: it
    runs again, so delivery is at least once (a mail may, rarely, arrive twice), never lost.
    """
    abandoned = DBTaskResult.objects.running().filter(started_at__lt=timezone.now() - limit)
    ids = list(abandoned.values_list("id", flat=True))
    if ids:
        DBTaskResult.objects.running().filter(id__in=ids).update(status="READY", started_at=None)
        logger.warning(
            "%s task(s) running for longer than %s went back to the queue: %s",
            len(ids),
            limit,
            ", ".join(map(str, ids)),
        )
    return len(ids)


class MailNotSent(Exception):
    """A mail failed its last attempt and is given up.

    The task's result says so in the admin (Task results, status Failed, this exception).
    """


def send_or_retry(message: EmailMessage, task: Task, attempt: int, **kwargs) -> None:
    """Send ``message``; when that fails, queue ``task`` again with ``kwargs`` for later.

    The attempt travels in the task's arguments: a re-queued task is a new row for the
    tasks backend, which counts attempts per row (``context.attempt`` would stay 1). A
    backend that cannot defer (the immediate one, in the request) does not retry.
    """
    try:
        message.send()
    except Exception as error:
        if attempt < MAX_ATTEMPTS and task.get_backend().supports_defer:
            delay = timedelta(minutes=RETRY_MINUTES[attempt - 1])
            task.using(run_after=timezone.now() + delay).enqueue(**kwargs, attempt=attempt + 1)
            logger.warning(
                "E-mail %s failed (attempt %s of %s); retrying in %s",
                task.name,
                attempt,
                MAX_ATTEMPTS,
                delay,
            )
            raise
        logger.error(
            "E-mail %s failed (attempt %s of %s); given up: %s",
            task.name,
            attempt,
            MAX_ATTEMPTS,
            type(error).__name__,
        )
        raise MailNotSent(f"{task.name}: given up after attempt {attempt}") from error


@task
def send_password_reset(
    user_id: int, domain: str, use_https: bool, language: str, attempt: int = 1
) -> None:
    """The reset link, to the user's own address (Django's templates and token)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return  # deactivated or changed since the request: nothing to send
    values = {
        "email": user.email,
        "domain": domain,
        "site_name": domain,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if use_https else "http",
    }
    with translation.override(language):
        subject = render_to_string("registration/password_reset_subject.txt", values)
        body = render_to_string("registration/password_reset_email.html", values)
    message = EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email])
    send_or_retry(
        message,
        send_password_reset,
        attempt,
        user_id=user_id,
        domain=domain,
        use_https=use_https,
        language=language,
    )
