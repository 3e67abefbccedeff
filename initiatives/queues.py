"""The brokers' work queues: one row per queue in ``QUEUE_SPECS``.

A queue's rows are its ``condition`` (the same for every broker and every day) narrowed by
``narrowing`` (whose work, which day). The condition is also the queue's partial index
condition (``queue_indexes``, listed in ``Initiative.Meta.indexes``): an index whose
condition drifts from its query silently stops being used, so both come from here. The
index lists a queue's rows in the order the workspace shows them, so a page reads 25 index
entries and a count reads only that queue's entries. A new queue is a ``Queue`` member and
a row; ``makemigrations`` then adds its index.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from initiatives.workflow import AWAITING_FIRST_RESPONSE, OPEN_STATUSES, Status, past_due


class Queue(models.TextChoices):
    NEW = "new", _("Nieuw")
    ATTENTION = "attention", _("Actie nodig")
    MINE = "mine", _("Van mij")
    OVERDUE = "overdue", _("Te laat")
    WAITING = "waiting", _("Wacht op antwoord")
    ALL = "all", _("Alles")


# The order every queue lists its rows in (and its index keeps them in).
QUEUE_ORDER = ("first_response_due", "submitted_at", "pk")
_INDEX_ORDER = ["first_response_due", "submitted_at", "id"]

_OPEN = Q(status__in=sorted(OPEN_STATUSES))
# The resident wrote or offered help and no broker has acted on it yet (any day).
_RESIDENT_WAITS = Q(initiator_replied_at__isnull=False) | Q(help_waiting_since__isnull=False)


def _follow_up_due(user_id: int, today: date) -> Q:
    return _RESIDENT_WAITS | Q(follow_up_on__lte=today)


def _everyone(user_id: int, today: date) -> Q:
    return Q()


@dataclass(frozen=True)
class QueueSpec:
    # The queue's rows, whoever looks and whenever; the partial index's condition.
    condition: Q
    # What narrows it for one broker on one day; served by the index's columns.
    narrowing: Callable[[int, date], Q] = _everyone
    # The index's leading column: the wijk (brokers see their wijken), or the assignee.
    leading: str = "neighbourhood"


QUEUE_SPECS: dict[str, QueueSpec] = {
    Queue.NEW: QueueSpec(Q(status=Status.SUBMITTED, assigned_broker__isnull=True)),
    # The broker's own open work; the wijk is checked in the index's last column.
    # "What needs me now": a reply or help offer waits, or a follow-up date has come.
    Queue.ATTENTION: QueueSpec(
        (_OPEN & _RESIDENT_WAITS) | Q(follow_up_on__isnull=False), _follow_up_due
    ),
    Queue.MINE: QueueSpec(
        _OPEN, lambda user_id, today: Q(assigned_broker=user_id), leading="assigned_broker"
    ),
    # Still unanswered; the due date is a range on the index's second column.
    Queue.OVERDUE: QueueSpec(AWAITING_FIRST_RESPONSE, lambda user_id, today: past_due(today)),
    Queue.WAITING: QueueSpec(_OPEN & Q(waiting_for_initiator_since__isnull=False)),
    Queue.ALL: QueueSpec(Q()),
}


def queue_condition(queue: str, user_id: int, today: date) -> Q:
    """The rows of ``queue`` for the broker ``user_id`` on ``today``."""
    spec = QUEUE_SPECS[queue]
    return spec.condition & spec.narrowing(user_id, today)


def index_name(queue: str) -> str:
    return f"initiative_queue_{queue}_idx"


def queue_indexes() -> list[models.Index]:
    """One partial index per queue, in the queue's order (for ``Initiative.Meta.indexes``)."""
    indexes = []
    for queue, spec in QUEUE_SPECS.items():
        fields = [spec.leading, *_INDEX_ORDER]
        if spec.leading != "neighbourhood":
            fields.append("neighbourhood")
        indexes.append(
            models.Index(
                fields=fields,
                condition=spec.condition if spec.condition else None,
                name=index_name(queue),
            )
        )
    return indexes
