"""Aggregates the ORM does not ship: the median, computed inside the database on both backends."""

import statistics

from django.db.models import Aggregate, FloatField


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
