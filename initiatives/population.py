"""Figures per 1,000 residents: the wijk's population (CBS) and its voices beside the figures.

A period's figures use the newest CBS year up to the period's year (all years: the newest
there is): the wijken are annotated with it by subqueries, so the comparison and open data
cost no extra query, and a wijk's page one. The voices of the period are counted the same
way (the voices app's table, by relation name).
"""

from datetime import datetime, timedelta
from decimal import Decimal

from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from neighbourhoods.models import Neighbourhood, Population

# The keys these put into a wijk's figures (``WijkFigures.figures``).
POPULATION_FIELDS = {
    "residents": "residents",
    "population_year": "year",
    "population_sample": "is_sample",
    "households": "households",
    "share_children": "share_children",
}
VOICES = "voice_count"


def population_year(start: datetime | None, end: datetime | None) -> int | None:
    """The last calendar year a period covers, whose CBS figures it uses; None: all."""
    if end is None:
        return None
    return (end - timedelta(microseconds=1)).year


def wijk_annotations(start: datetime | None, end: datetime | None) -> dict:
    """Annotations of a ``Neighbourhood`` queryset: its population and its voices."""
    latest = Population.objects.filter(neighbourhood=OuterRef("pk")).latest_until(
        population_year(start, end)
    )
    voice = Neighbourhood.voices.rel.related_model
    voices = voice.objects.filter(neighbourhood=OuterRef("pk")).order_by()
    if start is not None:
        voices = voices.filter(heard_on__gte=start.date())
    if end is not None:
        voices = voices.filter(heard_on__lt=end.date())
    return {
        **{key: Subquery(latest.values(field)[:1]) for key, field in POPULATION_FIELDS.items()},
        VOICES: Coalesce(
            Subquery(
                voices.values("neighbourhood").annotate(count=models.Count("pk")).values("count")
            ),
            0,
        ),
    }


def wijk_values(wijk: Neighbourhood) -> dict:
    """The annotated values of one wijk (of ``wijk_annotations``)."""
    return {key: getattr(wijk, key) for key in [*POPULATION_FIELDS, VOICES]}


def one_wijk(wijk: Neighbourhood, start: datetime | None, end: datetime | None) -> dict:
    """The same values for a wijk already fetched: one query."""
    return (
        Neighbourhood.objects.filter(pk=wijk.pk)
        .values(**wijk_annotations(start, end))
        .order_by()
        .first()
    )


def per_1000(key: str):
    """A ``derive``: the figure ``key`` per 1,000 residents; unknown without residents."""

    def derive(values: dict) -> Decimal | None:
        residents = values.get("residents")
        if not residents:
            return None
        return Decimal(values.get(key) or 0) * 1000 / residents

    return derive


def source_note(rows: list[dict]) -> str:
    """Which population figures a page uses: "Inwoners: CBS, 2024" (or sample figures)."""
    years = sorted({row["population_year"] for row in rows if row.get("residents")})
    if not years:
        return _("Van deze wijken zijn nog geen inwonertallen bekend.")
    listed = ", ".join(str(year) for year in years)
    if any(row.get("population_sample") for row in rows if row.get("residents")):
        return ngettext(
            "Inwoners: voorbeeldcijfers in de vorm van het CBS (niet van het CBS), jaar %(years)s.",
            "Inwoners: voorbeeldcijfers in de vorm van het CBS (niet van het CBS), jaren "
            "%(years)s.",
            len(years),
        ) % {"years": listed}
    return ngettext(
        "Inwoners: CBS, kerncijfers wijken en buurten %(years)s.",
        "Inwoners: CBS, kerncijfers wijken en buurten %(years)s.",
        len(years),
    ) % {"years": listed}
