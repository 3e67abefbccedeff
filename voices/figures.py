"""What a wijk says, counted: per priority, per quarter, its tags, and what has no initiative.

Every figure is one grouped query over the voices of the period; a summary or a tag is only
shown from a voice the broker marked publishable (counts include every voice).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils.translation import gettext

from neighbourhoods.models import Neighbourhood, Priority
from voices.models import Voice

RECENT = 3  # publishable summaries per priority
TOP_TAGS = 3
QUARTERS = 4  # the trend: the last four quarters with voices


@dataclass
class PriorityVoices:
    priority: Priority | None  # None: voices about no priority
    voices: int = 0
    residents: int = 0
    quarters: list[tuple[str, int]] = field(default_factory=list)  # ("2026 K3", residents)
    tags: list[tuple[str, int]] = field(default_factory=list)
    recent: list[dict] = field(default_factory=list)  # summary, heard_on


def in_period(voices: QuerySet, start: datetime | None, end: datetime | None) -> QuerySet:
    """Voices heard in [start, end) (the overviews' period; None leaves that side open)."""
    if start is not None:
        voices = voices.filter(heard_on__gte=_day(start))
    if end is not None:
        voices = voices.filter(heard_on__lt=_day(end))
    return voices


def _day(moment: datetime) -> date:
    return moment.date()


def wijk_says(wijk: Neighbourhood, start: datetime | None, end: datetime | None) -> dict:
    """Everything "Wat de wijk zegt" shows for one wijk and period: five queries."""
    voices = in_period(Voice.objects.filter(neighbourhood=wijk), start, end).order_by()
    priorities = {priority.pk: priority for priority in Priority.objects.all()}
    rows: dict[int | None, PriorityVoices] = {}

    def row(pk: int | None) -> PriorityVoices:
        if pk not in rows:
            rows[pk] = PriorityVoices(priorities.get(pk) if pk else None)
        return rows[pk]

    # Per priority and quarter in one query; a voice lies in one quarter, so the sums over
    # the quarters are the priority's totals.
    per_quarter = defaultdict(dict)
    for item in (
        voices.annotate(year=ExtractYear("heard_on"), quarter=ExtractQuarter("heard_on"))
        .values("priorities", "year", "quarter")
        .annotate(voices=Count("pk"), residents=Sum("residents"))
    ):
        found = row(item["priorities"])
        found.voices += item["voices"]
        found.residents += item["residents"]
        per_quarter[item["priorities"]][(item["year"], item["quarter"])] = item["residents"]
    for pk, quarters in per_quarter.items():
        latest = sorted(quarters)[-QUARTERS:]
        row(pk).quarters = [
            (
                gettext("%(year)s K%(quarter)s") % {"year": year, "quarter": quarter},
                quarters[year, quarter],
            )
            for year, quarter in latest
        ]
    publishable = voices.filter(is_publishable=True)
    for item in (
        publishable.filter(tags__isnull=False)
        .values("priorities", "tags__name")
        .annotate(residents=Sum("residents"))
        .order_by("-residents", "tags__name")
    ):
        found = row(item["priorities"])
        if len(found.tags) < TOP_TAGS:
            found.tags.append((item["tags__name"], item["residents"]))
    # The latest publishable summaries, one row per voice and priority.
    for voice in publishable.values("pk", "summary", "heard_on", "priorities").order_by(
        "-heard_on", "-pk"
    )[:60]:
        found = row(voice["priorities"])
        if len(found.recent) < RECENT:
            found.recent.append(voice)
    ordered = [rows[pk] for pk in priorities if pk in rows]
    if None in rows:
        ordered.append(rows[None])
    return {"rows": ordered, "without_initiative": without_initiative(publishable)}


def without_initiative(publishable: QuerySet) -> list[tuple[str, int]]:
    """Tags residents raised that no initiative grew from yet: (tag, residents), most first."""
    return [
        (item["tags__name"], item["residents"])
        for item in publishable.filter(initiatives__isnull=True, tags__isnull=False)
        .values("tags__name")
        .annotate(residents=Sum("residents"))
        .order_by("-residents", "tags__name")[:TOP_TAGS]
        if item["residents"] > 1
    ]


def per_wijk_and_priority(start: datetime | None, end: datetime | None) -> dict:
    """Residents and voices per wijk per priority, for the comparison of all wijken."""
    voices = in_period(Voice.objects.filter(neighbourhood__is_active=True), start, end).order_by()
    cells: dict[int, dict] = defaultdict(dict)
    for item in voices.values("neighbourhood", "priorities").annotate(
        voices=Count("pk"), residents=Sum("residents")
    ):
        cells[item["neighbourhood"]][item["priorities"]] = (item["residents"], item["voices"])
    return cells


def open_data_rows():
    """Aggregates only: per wijk, priority and quarter, the voices and residents."""
    return (
        Voice.objects.filter(neighbourhood__is_active=True)
        .annotate(year=ExtractYear("heard_on"), quarter=ExtractQuarter("heard_on"))
        .values(
            "neighbourhood__name",
            "neighbourhood__slug",
            "neighbourhood__cbs_code",
            "priorities__slug",
            "year",
            "quarter",
        )
        .annotate(voices=Count("pk"), residents=Sum("residents"))
        .order_by("neighbourhood__name", "priorities__slug", "year", "quarter")
    )
