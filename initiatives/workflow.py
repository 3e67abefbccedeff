"""The life of an initiative: its statuses and the one table of moves between them.

Forms, views, templates, the admin, the services and the tests read ``TRANSITIONS``;
nothing else lists the allowed moves.
"""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("status", "Ingediend")
    INTAKE = "intake", pgettext_lazy("status", "In gesprek")
    PREPARING = "preparing", pgettext_lazy("status", "In voorbereiding")
    IN_PROGRESS = "in_progress", pgettext_lazy("status", "In uitvoering")
    COMPLETED = "completed", pgettext_lazy("status", "Afgerond")
    DECLINED = "declined", pgettext_lazy("status", "Afgewezen")
    REFERRED = "referred", pgettext_lazy("status", "Doorverwezen")
    WITHDRAWN = "withdrawn", pgettext_lazy("status", "Ingetrokken")
    # Merged into a similar initiative (duplicates.services.merge_initiatives); reopening
    # it undoes the merge.
    MERGED = "merged", pgettext_lazy("status", "Samengevoegd")


# The one transition table. Forms, views, templates, admin and tests read it;
# nothing else may list the allowed moves.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.SUBMITTED: frozenset(
        {Status.INTAKE, Status.DECLINED, Status.REFERRED, Status.WITHDRAWN}
    ),
    Status.INTAKE: frozenset(
        {Status.PREPARING, Status.DECLINED, Status.REFERRED, Status.WITHDRAWN}
    ),
    Status.PREPARING: frozenset({Status.IN_PROGRESS, Status.DECLINED, Status.WITHDRAWN}),
    Status.IN_PROGRESS: frozenset({Status.COMPLETED, Status.WITHDRAWN}),
    Status.DECLINED: frozenset({Status.INTAKE}),
    Status.REFERRED: frozenset({Status.INTAKE}),
    Status.WITHDRAWN: frozenset({Status.INTAKE}),
    Status.COMPLETED: frozenset({Status.INTAKE}),
    Status.MERGED: frozenset({Status.INTAKE}),
}
# Every open status may be merged into a similar initiative (duplicates).
for _status in (Status.SUBMITTED, Status.INTAKE, Status.PREPARING, Status.IN_PROGRESS):
    TRANSITIONS[_status] |= {Status.MERGED}
CLOSED_STATUSES = frozenset(
    {Status.COMPLETED, Status.DECLINED, Status.REFERRED, Status.WITHDRAWN, Status.MERGED}
)
OPEN_STATUSES = frozenset(Status.values) - CLOSED_STATUSES
# Reached only through their own action ("Samenvoegen met dit initiatief"), never through
# the status form or services.change_status: a merge moves supports and help offers too.
OWN_ACTION_STATUSES = frozenset({Status.MERGED})
# Moves whose public text must explain the decision to the initiator; a reopen needs a reason.
REASON_REQUIRED = frozenset({Status.DECLINED, Status.REFERRED})


def allowed_transitions(status: str) -> list[str]:
    """The statuses the status form offers from ``status``, in the order of the choices."""
    reachable = TRANSITIONS[status] - OWN_ACTION_STATUSES
    return [value for value in Status.values if value in reachable]


def is_reopening(from_status: str, to_status: str) -> bool:
    return from_status in CLOSED_STATUSES and to_status == Status.INTAKE


# Open and without a first response: the brokers still owe the initiator an answer.
AWAITING_FIRST_RESPONSE = Q(status__in=sorted(OPEN_STATUSES), first_response_at__isnull=True)


def past_due(today: date) -> Q:
    return Q(first_response_due__lt=today)


def overdue_condition(today: date) -> Q:
    """The one definition of overdue: still awaiting a first response after its due date."""
    return AWAITING_FIRST_RESPONSE & past_due(today)
