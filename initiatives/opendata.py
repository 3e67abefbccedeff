"""Open data: the published initiatives as records, and the streams that write them.

One record per published initiative with stable column names (``INITIATIVE_COLUMNS``,
documented in docs/open-data.md; new columns go at the end), streamed from plain
``values()`` so a national export never holds all rows at once. ``csv_cell`` is the one
way a value becomes a CSV cell here, also for the admin's export: formulas defused, lists
joined with "|". The per-wijk figures (``wijken.csv``) take their columns from
``initiatives.figures``.
"""

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from itertools import chain

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Case, F, Q, QuerySet, When
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from initiatives.figures import FIGURES, PRIORITIES
from initiatives.workflow import Status
from neighbourhoods.models import Priority

INITIATIVE_COLUMNS = [
    "id",
    "title",
    "summary",
    "wijk",
    "wijk_cbs_code",
    "priorities",
    "status",
    "published_date",
    "submitted_date",
    "first_response_date",
    "response_working_days",
    "amount_requested",
    "amount_granted",
    "supports",
    "help_offers",
    "url",
    "residents_reached",
    "volunteers",
]
EXPORT_CHUNK = 2000
# A cell starting with one of these is a formula to a spreadsheet program.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "|"
# What a completed initiative achieved (results app), once its broker made the result public.
PUBLIC_RESULT = Q(status=Status.COMPLETED, result__is_public=True)


def csv_cell(value) -> object:
    """A value as a CSV cell: empty for None, lists joined, formulas kept as text."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value  # a leading ' makes a spreadsheet show the text itself
    return value


def local_date(moment) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def amount(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def initiative_records(request: HttpRequest, initiatives: QuerySet) -> Iterator[dict]:
    """Published initiatives as open-data records, streamed from plain values()."""
    rows = (
        initiatives.published()
        .counted()  # a merged duplicate is not listed: its target is
        .with_priority_slugs()
        .annotate(
            public_residents_reached=Case(When(PUBLIC_RESULT, then=F("result__residents_reached"))),
            public_volunteers=Case(When(PUBLIC_RESULT, then=F("result__volunteers"))),
        )
        .order_by("pk")
        .values(
            "pk",
            "public_title",
            "title",
            "public_summary",
            "neighbourhood__name",
            "neighbourhood__cbs_code",
            "priority_slugs",
            "status",
            "published_at",
            "submitted_at",
            "first_response_at",
            "response_working_days",
            "amount_requested",
            "amount_granted",
            "support_count",
            "help_offer_count",
            "public_residents_reached",
            "public_volunteers",
        )
    )
    for row in rows.iterator(chunk_size=EXPORT_CHUNK):
        detail = reverse("initiatives:detail", kwargs={"pk": row["pk"]})
        yield {
            "id": row["pk"],
            "title": row["public_title"] or row["title"],
            "summary": row["public_summary"],
            "wijk": row["neighbourhood__name"],
            "wijk_cbs_code": row["neighbourhood__cbs_code"],
            "priorities": sorted(slug for slug in (row["priority_slugs"] or "").split("|") if slug),
            "status": row["status"],
            "published_date": local_date(row["published_at"]),
            "submitted_date": local_date(row["submitted_at"]),
            "first_response_date": local_date(row["first_response_at"]),
            "response_working_days": row["response_working_days"],
            "amount_requested": amount(row["amount_requested"]),
            "amount_granted": amount(row["amount_granted"]),
            "supports": row["support_count"],
            "help_offers": row["help_offer_count"],
            "url": request.build_absolute_uri(detail),
            "residents_reached": row["public_residents_reached"],
            "volunteers": row["public_volunteers"],
        }


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer in a stream."""

    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, header: list[str], rows: Iterable[Iterable]) -> HttpResponse:
    """A streamed CSV file; every cell goes through ``csv_cell``."""
    writer = csv.writer(_Echo())
    lines = (writer.writerow([csv_cell(value) for value in row]) for row in chain([header], rows))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    return _attachment(response, filename)


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Public data only, never dependent on cookies: any site may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def initiatives_csv(request: HttpRequest, initiatives: QuerySet, filename: str) -> HttpResponse:
    records = initiative_records(request, initiatives)
    return csv_response(
        filename,
        INITIATIVE_COLUMNS,
        ([record[name] for name in INITIATIVE_COLUMNS] for record in records),
    )


def initiatives_json(request: HttpRequest, initiatives: QuerySet, filename: str) -> HttpResponse:
    def lines() -> Iterator[str]:
        yield "["
        for index, record in enumerate(initiative_records(request, initiatives)):
            yield ("," if index else "") + "\n" + json.dumps(record, cls=DjangoJSONEncoder)
        yield "\n]\n"

    response = StreamingHttpResponse(lines(), content_type="application/json")
    return _attachment(response, filename)


# --- wijken.csv: the columns of the council figures (initiatives.figures) -------------------


def open_data_columns(priorities: list[Priority]) -> list[tuple[str, Callable]]:
    """The columns of wijken.csv: stable names, plain numbers (docs/open-data.md)."""
    columns: list[tuple[str, Callable]] = [
        ("wijk", lambda row: row.neighbourhood.name),
        ("wijk_slug", lambda row: row.neighbourhood.slug),
        ("wijk_cbs_code", lambda row: row.neighbourhood.cbs_code),
    ]
    for figure in FIGURES:
        if figure == PRIORITIES:
            columns += [
                (f"priority_{priority.slug}", lambda row, index=index: row.priority_counts[index])
                for index, priority in enumerate(priorities)
            ]
        elif figure.column is not None:
            columns.append((figure.column, lambda row, figure=figure: row.open_data(figure)))
    return columns
