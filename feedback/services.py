"""The follow-up after closing: queue the request once per initiative, record the answer."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from feedback import tasks
from feedback.models import Feedback
from initiatives import rules
from initiatives.models import Initiative, Status
from initiatives.resident_mail import may_mail
from initiatives.services import WorkflowError, _lock
from initiatives.workdays import local_date
from wijkaanpak.tasks import enqueue_in_transaction

# The endings we ask about. Withdrawn: the initiator stopped it themselves.
ASKED_AFTER = (Status.COMPLETED, Status.DECLINED, Status.REFERRED)


def due_for_request(now: datetime):
    """Initiatives closed ``FEEDBACK_AFTER_DAYS`` days ago or longer (by local date),
    never asked, whose initiator we may mail."""
    first_day_too_recent = local_date(now) - timedelta(days=settings.FEEDBACK_AFTER_DAYS - 1)
    cutoff = datetime.combine(first_day_too_recent, time(0), tzinfo=timezone.get_current_timezone())
    return (
        Initiative.objects.filter(
            status__in=ASKED_AFTER,
            closed_at__lt=cutoff,
            feedback__isnull=True,
            initiator__isnull=False,
            initiator__anonymised_at__isnull=True,
            initiator__mail_stopped_at__isnull=True,
        )
        .exclude(initiator__email="")
        .select_related("initiator")
        .order_by("pk")
    )


def queue_requests(*, now: datetime | None = None) -> int:
    """Queue the two questions for every initiative due; return how many were queued.

    The row and the mail's task are written in one transaction: a second run, or one at the
    same moment, finds the row (or fails on it) and sends nothing.
    """
    now = now or timezone.now()
    queued = 0
    for initiative in due_for_request(now):
        if not may_mail(initiative.initiator):
            continue
        try:
            with transaction.atomic():
                Feedback.objects.create(initiative=initiative, requested_at=now)
                enqueue_in_transaction(tasks.send_feedback_request, initiative_id=initiative.pk)
        except IntegrityError:
            continue  # asked already
        queued += 1
    return queued


def answer(
    initiative: Initiative, *, helped: int, improvement: str = "", now: datetime | None = None
) -> Feedback:
    """The initiator's answer (from the tracking page); a later answer replaces it."""
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, None)
        feedback = Feedback.objects.select_for_update().filter(initiative=current).first()
        if not rules.initiator_can_answer_feedback(current, asked=feedback is not None):
            raise WorkflowError(_("Deze vragen kunt u nu niet beantwoorden."))
        feedback.helped = helped
        feedback.improvement = improvement
        feedback.answered_at = now
        feedback.save(update_fields=["helped", "improvement", "answered_at"])
    return feedback
