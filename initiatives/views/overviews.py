"""Per-wijk overviews and comparisons for council members and the public; open data.

Every figure is aggregated in the database (InitiativeQuerySet's per-wijk methods): a page
costs the same few queries whatever the number of initiatives (at most 10 with the session,
user and roles of a logged-in user; the tests pin the counts). Who sees which set is asked
of ``rules.can_see_all_figures``; titles and texts shown are always of published
initiatives, and open data is always public-only, whoever asks.
"""

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce, DenseRank, RowNumber, TruncMonth
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from initiatives import charts, rules
from initiatives.forms.overviews import Period, PeriodForm
from initiatives.models import Initiative
from initiatives.pagecache import cache_public_page
from neighbourhoods.models import Neighbourhood, Priority

LATEST_PER_PRIORITY = 5
LATEST_PUBLISHED = 10
TREND_MONTHS = 12
CHART_COLOURS = [
    (charts.OKABE_ITO["orange"], "diagonal"),
    (charts.OKABE_ITO["sky_blue"], "dots"),
    (charts.OKABE_ITO["bluish_green"], "cross"),
    (charts.OKABE_ITO["reddish_purple"], "horizontal"),
    (charts.OKABE_ITO["yellow"], "diagonal"),
]
NO_PRIORITY_COLOUR = (charts.OKABE_ITO["grey"], "")
BAR_COLOUR = charts.OKABE_ITO["blue"]
NO_DATA = "\u2013"  # an en dash: "no data" (explained under the table)


# --- Who sees which figures, over which period ------------------------------------------


@dataclass(frozen=True)
class Scope:
    initiatives: QuerySet  # the set the figures cover, already limited to the period
    all_initiatives: bool
    period: Period
    form: PeriodForm


def _base(request: HttpRequest) -> QuerySet:
    """All initiatives for those who see all figures, published ones for everyone else."""
    if rules.can_see_all_figures(request.user):
        return Initiative.objects.all()
    return Initiative.objects.published()


def _scope(request: HttpRequest, years: list[int] | None = None) -> Scope:
    """The initiatives the figures cover for this user, and the period filter.

    ``years`` with data, when the caller already has them; else asked of the database.
    """
    base = _base(request)
    if years is None:
        years = [moment.year for moment in base.datetimes("submitted_at", "year")]
    form = PeriodForm({"period": request.GET.get("period", "all")}, years=years)
    period = form.selected()
    return Scope(
        base.submitted_between(period.start, period.end),
        rules.can_see_all_figures(request.user),
        period,
        form,
    )


# --- Figures per wijk --------------------------------------------------------------------

EMPTY_FIGURES = {
    "total": 0,
    "new": 0,
    "running": 0,
    "realised": 0,
    "declined": 0,
    "referred": 0,
    "withdrawn": 0,
    "no_priority": 0,
    "answered": 0,
    "answered_on_time": 0,
    "overdue_open": 0,
    "median_days": None,
    "amount_requested": None,
    "amount_granted": None,
    "help_offers": None,
    "supports": None,
}


@dataclass
class WijkFigures:
    neighbourhood: Neighbourhood
    figures: dict
    priority_counts: list[int]  # in the order of the priorities

    @property
    def measured(self) -> int:
        """Initiatives whose promptness is known: answered, or open and past the due date."""
        return self.figures["answered"] + self.figures["overdue_open"]

    @property
    def on_time_share(self) -> float | None:
        return self.figures["answered_on_time"] / self.measured if self.measured else None

    def value(self, key: str):
        return self.figures[key] or 0


def wijk_figures(
    neighbourhoods: Iterable[Neighbourhood], priorities: list[Priority], initiatives: QuerySet
) -> list[WijkFigures]:
    """One row per wijk (also wijken without initiatives) in two aggregate queries."""
    today = timezone.localdate()
    figures = initiatives.figures_by_neighbourhood(today)
    counts = initiatives.priority_counts_by_neighbourhood()
    return [
        WijkFigures(
            neighbourhood=wijk,
            figures=figures.get(wijk.pk, EMPTY_FIGURES),
            priority_counts=[counts.get((wijk.pk, priority.pk), 0) for priority in priorities],
        )
        for wijk in neighbourhoods
    ]


def _integer(value) -> str:
    return formats.number_format(value or 0, force_grouping=True)


def _days(value: float | None) -> str:
    if value is None:
        return NO_DATA
    return formats.number_format(value, 0 if float(value).is_integer() else 1)


def _share(share: float | None) -> str:
    return NO_DATA if share is None else f"{round(share * 100)}%"


def _on_time(row: WijkFigures, no_data: str = NO_DATA) -> str:
    """The share answered on time and the counts it is a share of: 50% (1 van 2)."""
    if row.on_time_share is None:
        return no_data
    return _("%(share)s (%(on_time)s van %(measured)s)") % {
        "share": _share(row.on_time_share),
        "on_time": row.figures["answered_on_time"],
        "measured": row.measured,
    }


def _euro(value: Decimal | None) -> str:
    return "€ " + formats.number_format(round(value or 0), force_grouping=True)


# --- The comparison table: columns and sorting ------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    sort_value: Callable[[WijkFigures], object]
    display: Callable[[WijkFigures], str]
    numeric: bool = True


def _figure_column(key: str, label: str) -> Column:
    return Column(key, label, lambda row: row.value(key), lambda row: _integer(row.value(key)))


def _priority_column(index: int, priority: Priority) -> Column:
    return Column(
        f"priority-{priority.slug}",
        priority.label,
        lambda row: row.priority_counts[index],
        lambda row: _integer(row.priority_counts[index]),
    )


def comparison_columns(priorities: list[Priority]) -> list[Column]:
    return [
        Column(
            "name",
            _("Wijk"),
            lambda r: r.neighbourhood.name.lower(),
            lambda r: r.neighbourhood.name,
            numeric=False,
        ),
        _figure_column("total", _("Totaal")),
        _figure_column("new", _("Nieuw")),
        _figure_column("running", _("Loopt")),
        _figure_column("realised", _("Gerealiseerd")),
        _figure_column("declined", _("Afgewezen")),
        _figure_column("referred", _("Doorverwezen")),
        *(_priority_column(index, priority) for index, priority in enumerate(priorities)),
        _figure_column("no_priority", _("Geen prioriteit")),
        Column(
            "median",
            _("Werkdagen tot eerste reactie (mediaan)"),
            lambda r: r.figures["median_days"],
            lambda r: _days(r.figures["median_days"]),
        ),
        Column(
            "on-time",
            _("Op tijd gereageerd"),
            lambda r: r.on_time_share,
            _on_time,
        ),
        Column(
            "requested",
            _("Gevraagd"),
            lambda r: r.value("amount_requested"),
            lambda r: _euro(r.figures["amount_requested"]),
        ),
        Column(
            "granted",
            _("Toegekend"),
            lambda r: r.value("amount_granted"),
            lambda r: _euro(r.figures["amount_granted"]),
        ),
        _figure_column("help_offers", _("Hulpaanbiedingen")),
        _figure_column("supports", _("Steunbetuigingen")),
    ]


def _sorted(
    rows: list[WijkFigures], columns: list[Column], key: str, descending: bool
) -> list[WijkFigures]:
    column = next(column for column in columns if column.key == key)
    ordered = sorted(rows, key=lambda row: row.neighbourhood.name.lower())
    # Rows without a value (no median yet) go last in both directions.
    known = [row for row in ordered if column.sort_value(row) is not None]
    unknown = [row for row in ordered if column.sort_value(row) is None]
    return sorted(known, key=column.sort_value, reverse=descending) + unknown


def _sort_request(request: HttpRequest, columns: list[Column]) -> tuple[str, bool]:
    """Only whitelisted keys; anything else sorts by name, ascending."""
    key = request.GET.get("sort", "name")
    if key not in {column.key for column in columns}:
        key = "name"
    return key, request.GET.get("dir") == "desc"


# --- Charts -------------------------------------------------------------------------------


def priority_series(priorities: list[Priority]) -> list[charts.Series]:
    series = [
        charts.Series(priority.slug, priority.label, *CHART_COLOURS[index % len(CHART_COLOURS)])
        for index, priority in enumerate(priorities)
    ]
    return [*series, charts.Series("none", _("Geen prioriteit"), *NO_PRIORITY_COLOUR)]


def _priorities_chart(rows: list[WijkFigures], priorities: list[Priority]) -> charts.BarChart:
    return charts.bar_chart(
        "chart-priorities",
        _("Initiatieven per wijk, verdeeld over de prioriteiten"),
        [
            (
                row.neighbourhood.name,
                [*row.priority_counts, row.figures["no_priority"]],
                _integer(sum(row.priority_counts) + row.figures["no_priority"]),
            )
            for row in rows
        ],
        priority_series(priorities),
        label_heading=_("Wijk"),
        value_heading=_("Samen"),
    )


def _on_time_chart(rows: list[WijkFigures]) -> charts.BarChart:
    no_data = _("geen gegevens")
    return charts.bar_chart(
        "chart-on-time",
        _("Deel van de initiatieven dat op tijd een eerste reactie kreeg, per wijk"),
        [
            (row.neighbourhood.name, [100 * (row.on_time_share or 0)], _on_time(row, no_data))
            for row in rows
        ],
        [charts.Series("on-time", _("Op tijd"), BAR_COLOUR)],
        maximum=100,
        label_heading=_("Wijk"),
        value_heading=_("Op tijd"),
    )


def _status_chart(row: WijkFigures) -> charts.BarChart:
    groups = [
        ("new", _("Nieuw")),
        ("running", _("Loopt")),
        ("realised", _("Gerealiseerd")),
        ("declined", _("Afgewezen")),
        ("referred", _("Doorverwezen")),
        ("withdrawn", _("Ingetrokken")),
    ]
    return charts.bar_chart(
        "chart-status",
        _("Initiatieven per status"),
        [(label, [row.value(key)], _integer(row.value(key))) for key, label in groups],
        [charts.Series("status", _("Aantal"), BAR_COLOUR)],
        label_heading=_("Status"),
        value_heading=_("Aantal"),
    )


def _wijk_priorities_chart(row: WijkFigures, priorities: list[Priority]) -> charts.BarChart:
    series = priority_series(priorities)
    values = [*row.priority_counts, row.figures["no_priority"]]
    return charts.bar_chart(
        "chart-priorities",
        _("Initiatieven per prioriteit"),
        [(one.label, [value], _integer(value)) for one, value in zip(series, values, strict=True)],
        [charts.Series("count", _("Aantal"), BAR_COLOUR)],
        label_heading=_("Prioriteit"),
        value_heading=_("Aantal"),
    )


def _month_starts(count: int) -> list:
    today = timezone.localdate()
    year, month = today.year, today.month
    months = []
    for _index in range(count):
        months.append(today.replace(year=year, month=month, day=1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(months))


def _trend_chart(counts: dict[dt.date, int]) -> charts.ColumnChart:
    """Initiatives submitted per month over the last 12 months, months without any included.

    ``counts``: initiatives per month (keyed by its first day); other months are left out.
    """
    months = _month_starts(TREND_MONTHS)
    points = [
        (
            date_format(month, "M"),
            str(month.year) if month.month == 1 or index == 0 else "",
            date_format(month, "F Y"),
            counts.get(month, 0),
        )
        for index, month in enumerate(months)
    ]
    return charts.column_chart(
        "chart-trend",
        _("Ingediende initiatieven per maand, de laatste 12 maanden"),
        points,
        value_heading=_("Ingediend"),
        label_heading=_("Maand"),
    )


# --- Links to pages other issues build ------------------------------------------------------


def _detail_url(pk: int) -> str:
    return reverse("initiatives:detail", kwargs={"pk": pk})


def _list_url(neighbourhood: Neighbourhood) -> str:
    # The public list filters on the wijk's slug (initiatives.filters.InitiativeFilter).
    return f"{reverse('initiatives:list')}?wijk={neighbourhood.slug}"


# --- Pages --------------------------------------------------------------------------------


@require_safe
@cache_public_page(query=("period", "sort", "dir"))
def neighbourhoods(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    priorities = list(Priority.objects.all())
    rows = wijk_figures(Neighbourhood.objects.active(), priorities, scope.initiatives)
    columns = comparison_columns(priorities)
    sort, descending = _sort_request(request, columns)
    rows = _sorted(rows, columns, sort, descending)
    header = [
        {
            "column": column,
            "sorted": column.key == sort,
            "aria_sort": ("descending" if descending else "ascending")
            if column.key == sort
            else "",
            # A second click on the sorted column reverses it; numbers start high.
            "next_dir": (
                ("asc" if descending else "desc")
                if column.key == sort
                else ("desc" if column.numeric else "asc")
            ),
        }
        for column in columns
    ]
    return render(
        request,
        "initiatives/overviews/neighbourhoods.html",
        {
            "scope": scope,
            "header": header,
            "table": [
                (row, row.neighbourhood.name, [column.display(row) for column in columns[1:]])
                for row in rows
            ],
            "priorities_chart": _priorities_chart(rows, priorities),
            "on_time_chart": _on_time_chart(rows),
        },
    )


def _per_month_and_years(
    base: QuerySet, wijk: Neighbourhood
) -> tuple[dict[dt.date, int], list[int]]:
    """The wijk's initiatives per month of submission, and the years with data in any wijk.

    One query grouped by month over every wijk: its months give the years the period filter
    offers (as ``base.datetimes(…, "year")`` would) and its counts, limited to the wijk, the
    trend. One row per month with data, however many initiatives there are.
    """
    rows = (
        base.filter(submitted_at__isnull=False)
        .order_by()
        .annotate(month=TruncMonth("submitted_at"))
        .values_list("month")
        .annotate(count=Count("pk", filter=Q(neighbourhood=wijk)))
    )
    counts = {timezone.localtime(month).date(): count for month, count in rows}
    return counts, sorted({month.year for month in counts})


def _priorities_with_counts(initiatives: QuerySet) -> list[Priority]:
    """Every priority with ``count``: how many of ``initiatives`` have it (one query)."""
    through = Initiative.priorities.through
    counts = (
        through.objects.filter(
            priority=OuterRef("pk"), initiative__in=initiatives.order_by().values("pk")
        )
        .order_by()
        .values("priority")
        .annotate(count=Count("initiative"))
        .values("count")
    )
    return list(Priority.objects.annotate(count=Coalesce(Subquery(counts), 0)))


def _latest_published(wijk: Neighbourhood) -> tuple[list[dict], dict[int, list[dict]]]:
    """The wijk's latest published initiatives, and per priority id its latest ones.

    One query: a row per (initiative, priority), or one with no priority; one window ranks
    the initiatives, another ranks them within each priority.
    """
    latest_first = [F("published_at").desc(), F("pk").desc()]
    rows = (
        Initiative.objects.published()
        .in_neighbourhood(wijk)
        .annotate(
            priority_id=F("priorities"),
            overall=Window(DenseRank(), order_by=latest_first),
            in_priority=Window(RowNumber(), partition_by=F("priorities"), order_by=latest_first),
        )
        .filter(Q(overall__lte=LATEST_PUBLISHED) | Q(in_priority__lte=LATEST_PER_PRIORITY))
        .order_by("overall", "priority_id")
        .values_list("pk", "public_title", "published_at", "priority_id", "overall", "in_priority")
    )
    published: list[dict] = []
    per_priority: dict[int, list[dict]] = {}
    for pk, public_title, published_at, priority_id, overall, in_priority in rows:
        initiative = {
            # Only the broker's checked public title: the database refuses a published
            # initiative without one.
            "title": public_title,
            "url": _detail_url(pk),
            "published_at": published_at,
        }
        if overall <= LATEST_PUBLISHED and (not published or published[-1]["pk"] != pk):
            published.append({**initiative, "pk": pk})
        if priority_id is not None and in_priority <= LATEST_PER_PRIORITY:
            per_priority.setdefault(priority_id, []).append(initiative)
    return published, per_priority


@require_safe
@cache_public_page(query=("period",))
def neighbourhood(request: HttpRequest, slug: str) -> HttpResponse:
    wijk = get_object_or_404(Neighbourhood.objects.active(), slug=slug)
    per_month, years = _per_month_and_years(_base(request), wijk)
    scope = _scope(request, years)
    initiatives = scope.initiatives.in_neighbourhood(wijk)
    priorities = _priorities_with_counts(initiatives)
    row = WijkFigures(
        neighbourhood=wijk,
        figures=initiatives.figures_by_neighbourhood(timezone.localdate()).get(
            wijk.pk, EMPTY_FIGURES
        ),
        priority_counts=[priority.count for priority in priorities],
    )
    published, latest = _latest_published(wijk)
    # Work names only: never a username or an e-mail address on a public page.
    brokers = [
        f"{first} {last}".strip()
        for first, last in wijk.brokers.filter(is_active=True)
        .order_by("first_name", "last_name")
        .values_list("first_name", "last_name")
        if f"{first}{last}".strip()
    ]
    return render(
        request,
        "initiatives/overviews/neighbourhood.html",
        {
            "neighbourhood": wijk,
            "scope": scope,
            "row": row,
            "brokers": brokers,
            "priorities": [
                {
                    "priority": priority,
                    "count": priority.count,
                    "initiatives": latest.get(priority.pk, []),
                }
                for priority in priorities
            ],
            "median": _days(row.figures["median_days"]),
            "on_time": _share(row.on_time_share),
            "amount_requested": _euro(row.figures["amount_requested"]),
            "amount_granted": _euro(row.figures["amount_granted"]),
            "published": published,
            "list_url": _list_url(wijk),
            "status_chart": _status_chart(row),
            "priorities_chart": _wijk_priorities_chart(row, priorities),
            "trend_chart": _trend_chart(per_month),
        },
    )


# --- Open data ----------------------------------------------------------------------------

# Stable column names: documented in docs/open-data.md; add columns at the end only.
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
]
EXPORT_CHUNK = 2000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _local_date(moment) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _initiative_records(request: HttpRequest, initiatives: QuerySet) -> Iterator[dict]:
    """Published initiatives as open-data records, streamed from plain values()."""
    rows = (
        initiatives.published()
        .with_priority_slugs()
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
        )
    )
    for row in rows.iterator(chunk_size=EXPORT_CHUNK):
        detail = _detail_url(row["pk"])
        yield {
            "id": row["pk"],
            "title": row["public_title"] or row["title"],
            "summary": row["public_summary"],
            "wijk": row["neighbourhood__name"],
            "wijk_cbs_code": row["neighbourhood__cbs_code"],
            "priorities": sorted(slug for slug in (row["priority_slugs"] or "").split("|") if slug),
            "status": row["status"],
            "published_date": _local_date(row["published_at"]),
            "submitted_date": _local_date(row["submitted_at"]),
            "first_response_date": _local_date(row["first_response_at"]),
            "response_working_days": row["response_working_days"],
            "amount_requested": _amount(row["amount_requested"]),
            "amount_granted": _amount(row["amount_granted"]),
            "supports": row["support_count"],
            "help_offers": row["help_offer_count"],
            "url": request.build_absolute_uri(detail) if detail else "",
        }


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer in a stream."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(value)
    text = str(value)
    # A cell starting with = + - @ is a formula to a spreadsheet; a leading ' keeps it text.
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_START) else text


def _csv_response(filename: str, header: list[str], records: Iterable[list]) -> HttpResponse:
    writer = csv.writer(_Echo())
    lines = (writer.writerow(line) for line in _chain([header], records))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    return _attachment(response, filename)


def _chain(*parts: Iterable) -> Iterator:
    for part in parts:
        yield from part


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Public data only, never dependent on cookies: any site may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _initiatives_csv(request: HttpRequest, initiatives: QuerySet, filename: str) -> HttpResponse:
    records = _initiative_records(request, initiatives)
    return _csv_response(
        filename,
        INITIATIVE_COLUMNS,
        ([_csv_cell(record[name]) for name in INITIATIVE_COLUMNS] for record in records),
    )


def _initiatives_json(request: HttpRequest, initiatives: QuerySet, filename: str) -> HttpResponse:
    def lines() -> Iterator[str]:
        yield "["
        for index, record in enumerate(_initiative_records(request, initiatives)):
            yield ("," if index else "") + "\n" + json.dumps(record, cls=DjangoJSONEncoder)
        yield "\n]\n"

    response = StreamingHttpResponse(lines(), content_type="application/json")
    return _attachment(response, filename)


@require_safe
def open_data_csv(request: HttpRequest) -> HttpResponse:
    return _initiatives_csv(request, Initiative.objects.all(), "initiatieven.csv")


@require_safe
def open_data_json(request: HttpRequest) -> HttpResponse:
    return _initiatives_json(request, Initiative.objects.all(), "initiatieven.json")


# A wijk's open data stays small (hundreds of KB at 100,000 initiatives in all).
@require_safe
@cache_public_page(collect_stream=True)
def neighbourhood_csv(request: HttpRequest, slug: str) -> HttpResponse:
    wijk = get_object_or_404(Neighbourhood.objects.active(), slug=slug)
    initiatives = Initiative.objects.in_neighbourhood(wijk)
    return _initiatives_csv(request, initiatives, f"initiatieven-{wijk.slug}.csv")


# A wijk's open data stays small (hundreds of KB at 100,000 initiatives in all).
@require_safe
@cache_public_page(collect_stream=True)
def neighbourhood_json(request: HttpRequest, slug: str) -> HttpResponse:
    wijk = get_object_or_404(Neighbourhood.objects.active(), slug=slug)
    initiatives = Initiative.objects.in_neighbourhood(wijk)
    return _initiatives_json(request, initiatives, f"initiatieven-{wijk.slug}.json")


def neighbourhood_columns(priorities: list[Priority]) -> list[tuple[str, Callable]]:
    """The per-wijk open-data columns: stable names, plain numbers (no formatting)."""

    def median(row: WijkFigures) -> str:
        value = row.figures["median_days"]
        return "" if value is None else f"{value:g}"

    def share(row: WijkFigures) -> str:
        return "" if row.on_time_share is None else f"{row.on_time_share:.3f}"

    figures = [
        "total",
        "new",
        "running",
        "realised",
        "declined",
        "referred",
        "withdrawn",
    ]
    return [
        ("wijk", lambda r: r.neighbourhood.name),
        ("wijk_slug", lambda r: r.neighbourhood.slug),
        ("wijk_cbs_code", lambda r: r.neighbourhood.cbs_code),
        *((key, lambda r, key=key: r.value(key)) for key in figures),
        *(
            (f"priority_{priority.slug}", lambda r, index=index: r.priority_counts[index])
            for index, priority in enumerate(priorities)
        ),
        ("priority_none", lambda r: r.value("no_priority")),
        ("median_response_working_days", median),
        ("answered", lambda r: r.value("answered")),
        ("answered_on_time", lambda r: r.value("answered_on_time")),
        ("overdue_unanswered", lambda r: r.value("overdue_open")),
        ("on_time_share", share),
        ("amount_requested", lambda r: _amount(r.value("amount_requested"))),
        ("amount_granted", lambda r: _amount(r.value("amount_granted"))),
        ("help_offers", lambda r: r.value("help_offers")),
        ("supports", lambda r: r.value("supports")),
    ]


@require_safe
def open_data_neighbourhoods_csv(request: HttpRequest) -> HttpResponse:
    """The comparison table over published initiatives, whoever asks (open data is public)."""
    priorities = list(Priority.objects.all())
    rows = wijk_figures(Neighbourhood.objects.active(), priorities, Initiative.objects.published())
    columns = neighbourhood_columns(priorities)
    return _csv_response(
        "wijken.csv",
        [name for name, _value in columns],
        ([_csv_cell(value(row)) for _name, value in columns] for row in rows),
    )
