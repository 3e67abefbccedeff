"""Aggregates the ORM does not ship: the median, computed inside the database on both backends;
and the council figures' sums over other apps' tables, reached by relation name."""

import statistics
from datetime import date

from django.db import models
from django.db.models import Aggregate, FloatField, OuterRef, Subquery


class _MedianAccumulator:
    """SQLite has no median; this Python aggregate runs inside SQLite's GROUP BY."""

    def __init__(self) -> None:
        self.values: list[float] = []

    def step(self, value: float | None) -> None:
        if value is not None:
            self.values.append(value)

    def finalize(self) -> float | None:
        return float(statistics.median(self.values)) if self.values else None


class Median(Aggregate):
    """The median of a column per group; NULLs are ignored, an empty group gives NULL.

    PostgreSQL computes it with ``percentile_cont``. On SQLite (the laptop default) the same
    query calls a small aggregate function registered on the connection, so a page issues the
    same number of queries on both databases and never fetches the individual values.
    """

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()
    allow_distinct = False

    def as_sqlite(self, compiler, connection, **extra_context):
        connection.ensure_connection()
        # Registering again is harmless; it keeps working after a reconnect.
        connection.connection.create_aggregate("wijkaanpak_median", 1, _MedianAccumulator)
        return self.as_sql(
            compiler,
            connection,
            function="wijkaanpak_median",
            template="%(function)s(%(expressions)s)",
            **extra_context,
        )


def cofunding_sum(model: type[models.Model], today: date) -> models.Aggregate:
    """Partners' contributions (money and in kind, at their value) to these initiatives."""
    contribution = model.contributions.rel.related_model
    per_initiative = (
        contribution.objects.filter(initiative=OuterRef("pk"))
        .order_by()
        .values("initiative")
        .annotate(value=models.Sum("value"))
        .values("value")
    )
    return models.Sum(Subquery(per_initiative))


def verified_support_sum(model: type[models.Model], today: date) -> models.Aggregate:
    """Addresses in the wijk that confirmed their support, summed over the initiatives."""
    verified = model.verified_supports.rel.related_model
    per_initiative = (
        verified.objects.filter(initiative=OuterRef("pk"))
        .order_by()
        .values("initiative")
        .annotate(count=models.Count("pk"))
        .values("count")
    )
    return models.Sum(Subquery(per_initiative))
