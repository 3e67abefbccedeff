"""The initiatives' and timeline's querysets: every question the pages ask of the database.

Kept apart from the models so ``models.py`` holds the tables and this module the queries;
``initiatives.queues`` and ``initiatives.figures`` give the conditions and aggregates the
queries are built from. Nothing here asks who the user is: callers pass a scope or a user
id (``rules.managed_initiatives``), so the models never import the rules.
"""

import hashlib
from datetime import date, datetime

from django.db import models
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, DenseRank, RowNumber, TruncMonth
from django.utils import timezone

from initiatives.figures import aggregates
from initiatives.queues import Queue, queue_condition
from initiatives.timeline import BY_RESIDENT, INITIATOR_VISIBLE, PERSONAL_TEXT, PUBLIC_VISIBLE
from initiatives.workflow import CLOSED_STATUSES, OPEN_STATUSES, Status, overdue_condition
from neighbourhoods.models import Neighbourhood, Priority


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InitiativeQuerySet(models.QuerySet):
    def published(self) -> "InitiativeQuerySet":
        return self.filter(is_published=True)

    def counted(self) -> "InitiativeQuerySet":
        """What the figures count: a merged duplicate counts in the initiative it joined."""
        return self.exclude(status=Status.MERGED)

    def open(self) -> "InitiativeQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def closed(self) -> "InitiativeQuerySet":
        return self.filter(status__in=CLOSED_STATUSES)

    def in_neighbourhood(self, neighbourhood: Neighbourhood) -> "InitiativeQuerySet":
        return self.filter(neighbourhood=neighbourhood)

    def overdue(self, today: date) -> "InitiativeQuerySet":
        return self.filter(overdue_condition(today))

    def with_overdue(self, today: date) -> "InitiativeQuerySet":
        """Annotate ``is_overdue`` on every row, from the same condition."""
        return self.annotate(
            is_overdue=ExpressionWrapper(overdue_condition(today), output_field=BooleanField())
        )

    def for_tracking_token(self, token: str) -> "InitiativeQuerySet":
        # The token is looked up by its hash: an index lookup on a value the attacker
        # cannot choose, so response time says nothing about how close a guess was.
        return self.filter(tracking_token_hash=hash_token(token))

    # --- Brokers' workspace queues (initiatives.queues) ---

    def within(self, scope: frozenset[int] | None) -> "InitiativeQuerySet":
        """The initiatives of the wijken in ``scope``; None means every wijk.

        ``rules.managed_initiatives(user)`` passes the user's scope: the question who
        manages what is answered there, not here.
        """
        return self if scope is None else self.filter(neighbourhood__in=scope)

    def queue(self, queue: str, user_id: int, today: date) -> "InitiativeQuerySet":
        return self.filter(queue_condition(queue, user_id, today))

    def queue_counts(self, user_id: int, today: date) -> dict[str, int]:
        """The size of every queue in one query: one ``COUNT`` per queue, ``UNION ALL``.

        A count per queue rather than one pass with a filtered COUNT per queue, so each
        count reads only its own partial index (``initiative_queue_*``) instead of every
        row of the broker's wijken. A queue that cannot have rows (no wijken) is left out
        of the union by Django and counts 0.
        """
        rows = self.order_by()
        counts = [
            rows.filter(queue_condition(queue, user_id, today))
            .annotate(queue=Value(queue))
            .values("queue")
            .annotate(count=models.Count("pk"))
            .values_list("queue", "count")
            for queue in Queue.values
        ]
        return dict.fromkeys(Queue.values, 0) | dict(
            counts[0].union(*counts[1:], all=True).order_by()
        )

    # --- Per-wijk overviews and open data (initiatives.figures) ---

    def submitted_between(
        self, start: datetime | None, end: datetime | None
    ) -> "InitiativeQuerySet":
        """Initiatives submitted in [start, end); None leaves that side open."""
        queryset = self
        if start is not None:
            queryset = queryset.filter(submitted_at__gte=start)
        if end is not None:
            queryset = queryset.filter(submitted_at__lt=end)
        return queryset

    def with_verified_count(self) -> "InitiativeQuerySet":
        """Each with ``verified_count``: addresses in the wijk that confirmed their support."""
        verified = self.model.verified_supports.rel.related_model
        counts = (
            verified.objects.filter(initiative=OuterRef("pk"))
            .order_by()
            .values("initiative")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return self.annotate(verified_count=Coalesce(Subquery(counts), 0))

    def figures_by_neighbourhood(self, today: date) -> dict[int, dict]:
        """The council's figures (``figures.FIGURES``) per wijk id, in one grouped query."""
        rows = self.order_by().values("neighbourhood").annotate(**aggregates(self.model, today))
        return {row.pop("neighbourhood"): row for row in rows}

    def priority_counts_by_neighbourhood(self) -> dict[tuple[int, int], int]:
        """Initiatives per (wijk id, priority id): one grouped join with the through-table.

        For querysets not yet filtered on priorities (a second filter on them would join
        the through-table twice).
        """
        rows = (
            self.order_by()
            .filter(priorities__isnull=False)
            .values_list("neighbourhood", "priorities")
            .annotate(count=models.Count("pk"))
        )
        return {(wijk, priority): count for wijk, priority, count in rows}

    def submitted_per_month(self, neighbourhood: Neighbourhood | None = None) -> dict[date, int]:
        """Initiatives per calendar month (local time) of submission, keyed by the 1st.

        With ``neighbourhood``, every month with data in *any* wijk is a key (0 where the
        wijk had none): a wijk's page takes the years its period filter offers from them, in
        the same query.
        """
        count = models.Count("pk")
        if neighbourhood is not None:
            count = models.Count("pk", filter=Q(neighbourhood=neighbourhood))
        rows = (
            self.filter(submitted_at__isnull=False)
            .order_by()
            .annotate(month=TruncMonth("submitted_at"))
            .values_list("month")
            .annotate(count=count)
        )
        return {timezone.localtime(month).date(): count for month, count in rows}

    def priorities_with_counts(self) -> list[Priority]:
        """Every priority with ``count``: how many of these initiatives have it (one query)."""
        counts = (
            self.model.priorities.through.objects.filter(
                priority=OuterRef("pk"), initiative__in=self.order_by().values("pk")
            )
            .order_by()
            .values("priority")
            .annotate(count=models.Count("initiative"))
            .values("count")
        )
        return list(Priority.objects.annotate(count=Coalesce(Subquery(counts), 0)))

    def latest_per_priority(self, latest: int, per_priority: int) -> "InitiativeQuerySet":
        """The ``latest`` newest published, and per priority its ``per_priority`` newest.

        One query: a row per (initiative, priority), or one with no priority, as values
        (pk, public_title, published_at, priority_id, overall, in_priority); one window
        ranks the initiatives, another ranks them within each priority.
        """
        latest_first = [F("published_at").desc(), F("pk").desc()]
        return (
            self.published()
            .annotate(
                priority_id=F("priorities"),
                overall=Window(DenseRank(), order_by=latest_first),
                in_priority=Window(
                    RowNumber(), partition_by=F("priorities"), order_by=latest_first
                ),
            )
            .filter(Q(overall__lte=latest) | Q(in_priority__lte=per_priority))
            .order_by("overall", "priority_id")
            .values_list(
                "pk", "public_title", "published_at", "priority_id", "overall", "in_priority"
            )
        )

    def with_priority_slugs(self) -> "InitiativeQuerySet":
        """Annotate ``priority_slugs``: the slugs joined by "|" (unordered; sort when read)."""
        slugs = (
            self.model.priorities.through.objects.filter(initiative_id=OuterRef("pk"))
            .order_by()
            .values("initiative_id")
            .annotate(slugs=models.StringAgg("priority__slug", delimiter=Value("|")))
            .values("slugs")
        )
        return self.annotate(priority_slugs=Subquery(slugs))


class TimelineEntryQuerySet(models.QuerySet):
    def for_initiator(self) -> "TimelineEntryQuerySet":
        return self.filter(kind__in=INITIATOR_VISIBLE)

    def public(self) -> "TimelineEntryQuerySet":
        return self.filter(kind__in=PUBLIC_VISIBLE)

    def personal_texts(self) -> "TimelineEntryQuerySet":
        """Entries whose public text may name the resident: written to them, or by them."""
        return self.filter(Q(kind__in=PERSONAL_TEXT) | Q(kind__in=BY_RESIDENT, actor__isnull=True))
