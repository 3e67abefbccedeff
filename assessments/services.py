"""Recording an assessment with the decision it belongs to.

The views call ``record_assessment`` inside the same ``transaction.atomic()`` as the
decision's own service (``initiatives.services.change_status``,
``budgets.services.grant_money``): a refused decision saves no scores, and scores that fail
to save take the decision back with them.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from assessments.models import Assessment, Criterion, Score
from initiatives import rules
from initiatives.models import Initiative
from initiatives.timeline import EntryKind

# The timeline entry each kind of decision writes.
ENTRY_KINDS: dict[str, str] = {
    Assessment.Kind.DECLINED: EntryKind.STATUS_CHANGE,
    Assessment.Kind.APPROVED: EntryKind.STATUS_CHANGE,
    Assessment.Kind.GRANT: EntryKind.AMOUNT_GRANTED,
}


def record_assessment(
    initiative: Initiative,
    kind: str,
    scores: list[tuple[Criterion, str, str]],
    *,
    actor,
    now: datetime | None = None,
) -> Assessment | None:
    """Save the scores of the decision just taken on ``initiative``; none given, nothing saved.

    Called right after the decision's service in one transaction, so the newest timeline
    entry of the decision's kind is the decision's own (the initiative's row stays locked
    until the transaction ends).
    """
    if not scores:
        return None
    if not rules.can_manage(actor, initiative):
        raise PermissionDenied
    with transaction.atomic():
        entries = initiative.timeline.filter(kind=ENTRY_KINDS[kind])
        entry = entries.order_by("-created_at", "-pk").first()
        assessment = Assessment.objects.create(
            initiative=initiative,
            kind=kind,
            entry=entry,
            created_by=actor,
            created_at=now or timezone.now(),
        )
        Score.objects.bulk_create(
            Score(assessment=assessment, criterion=criterion, value=value, sentence=sentence)
            for criterion, value, sentence in scores
        )
    return assessment
