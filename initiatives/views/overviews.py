"""Per-wijk overviews and comparisons for council members and the public; open data.

Every figure is aggregated in the database (InitiativeQuerySet's per-wijk methods): a page
costs the same few queries whatever the number of initiatives (at most 10 with the session,
user and roles of a logged-in user; the tests pin the counts). Who sees which set is asked
of ``rules.can_see_all_figures``; titles and texts shown are always of published
initiatives, and open data is always public-only, whoever asks.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from assessments.models import Score
from budgets.models import BudgetPot
from initiatives import charts, comparison, opendata, pagecache, population, rules
from initiatives.comparison import comparison_columns, trend_columns
from initiatives.figures import (
    FIGURE_BY_KEY,
    NO_DATA,
    Section,
    WijkFigures,
    empty_figures,
    euro,
    integer,
    page_figures,
    pot_sums,
    pot_years,
    wijk_figures,
)
from initiatives.forms.overviews import ALL_TIME, Period, PeriodForm, period_for
from initiatives.forms.public import started_token
from initiatives.models import Initiative
from initiatives.pagecache import cache_public_page
from neighbourhoods.models import Neighbourhood, Priority
from results.models import Result
from subscriptions.forms import FollowForm
from wijkaanpak.money import money

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
ON_TIME = FIGURE_BY_KEY["on_time"]


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
        return Initiative.objects.counted()
    return Initiative.objects.published().counted()


def _scope(request: HttpRequest, years: list[int] | None = None) -> Scope:
    """The initiatives the figures cover for this user, and the period filter.

    ``years`` with data, when the caller already has them; else asked of the database.
    """
    base = _base(request)
    if years is None:
        years = [moment.year for moment in base.datetimes("submitted_at", "year")]
    form = PeriodForm({"period": request.GET.get("period", "all")}, years=years)
    period = form.selected()
    if form.errors:
        # Shown as all years, which the page's scopes (``_period_scopes``) do not cover.
        pagecache.refuse(request)
    return Scope(
        base.submitted_between(period.start, period.end),
        rules.can_see_all_figures(request.user),
        period,
        form,
    )


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
                integer(sum(row.priority_counts) + row.figures["no_priority"]),
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
            (
                row.neighbourhood.name,
                [100 * (row.on_time_share or 0)],
                row.display(ON_TIME, no_data),
            )
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
        [(label, [row.value(key)], integer(row.value(key))) for key, label in groups],
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
        [(one.label, [value], integer(value)) for one, value in zip(series, values, strict=True)],
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


def _pot_table(pots: Iterable) -> list[dict]:
    """A wijk page's budget pots (``with_cofunding()``), as the page shows them."""
    return [
        {
            "name": pot.name,
            "year": pot.year,
            "priority": pot.priority.label if pot.priority else "",
            "amount": euro(pot.amount),
            "granted": euro(pot.granted),
            "left": euro(pot.left),
            "cofunding": euro(pot.cofunding),
            "per_euro": NO_DATA
            if pot.cofunding_per_euro is None
            else money(pot.cofunding_per_euro),
        }
        for pot in pots
    ]


# --- Links to pages other issues build ------------------------------------------------------


def _detail_url(pk: int) -> str:
    return reverse("initiatives:detail", kwargs={"pk": pk})


def _list_url(neighbourhood: Neighbourhood) -> str:
    # The public list filters on the wijk's slug (initiatives.filters.InitiativeFilter).
    return f"{reverse('initiatives:list')}?wijk={neighbourhood.slug}"


# --- Pages --------------------------------------------------------------------------------


def _period_scopes(request: HttpRequest) -> pagecache.Scopes | None:
    """The years the asked-for period covers, and the same period a year earlier (the trend
    beside it); an unknown period is refused by ``_scope``."""
    try:
        period = period_for(request.GET.get("period", ALL_TIME))
    except ValueError:
        return None
    if period.start is None:
        return None
    return pagecache.of_period(period.start.replace(year=period.start.year - 1), period.end)


def _wijk_scopes(request: HttpRequest, slug: str) -> pagecache.Scopes:
    return pagecache.of_wijk(slug)


COMPARISON_QUERY = ("period", "columns", "sort", "dir", "kaart")


@require_safe
@cache_public_page(scopes=_period_scopes, query=COMPARISON_QUERY)
def neighbourhoods(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    priorities = list(Priority.objects.all())
    rows = wijk_figures(
        Neighbourhood.objects.active(),
        priorities,
        scope.initiatives,
        timezone.localdate(),
        pot_years(scope.period.start, scope.period.end),
        (scope.period.start, scope.period.end),
    )
    group = comparison.chosen_group(request.GET.get("columns"))
    # A year earlier costs a query (and the wijken again): only where the table shows it.
    earlier = (
        comparison.earlier_rows(_base(request), scope.period, rows)
        if group.key in (comparison.YEAR_ON_YEAR, comparison.ALL)
        else None
    )
    figure_columns = comparison_columns(priorities)
    trends = trend_columns(earlier)
    columns = [*figure_columns, *trends]
    sort, descending = comparison.sort_request(request.GET, columns)
    rows = comparison.sorted_rows(rows, columns, sort, descending)
    shown = comparison.columns_of(group, figure_columns, trends)
    header = comparison.header(shown, sort, descending)
    return render(
        request,
        "initiatives/overviews/neighbourhoods.html",
        {
            "scope": scope,
            "header": header,
            "table": [
                (row, row.neighbourhood.name, [column.display(row) for column in shown[1:]])
                for row in rows
            ],
            "groups": comparison.groups(),
            "group": group,
            "year_earlier": comparison.year_earlier(scope.period),
            "population_note": population.source_note([row.figures for row in rows]),
            "permalink": comparison.permalink(request, COMPARISON_QUERY),
            "today": timezone.localdate(),
            "priorities_chart": _priorities_chart(rows, priorities),
            "on_time_chart": _on_time_chart(rows),
            "priorities": priorities,
        },
    )


def _latest_published(wijk: Neighbourhood) -> tuple[list[dict], dict[int, list[dict]]]:
    """The wijk's latest published initiatives, and per priority id its latest ones."""
    rows = Initiative.objects.in_neighbourhood(wijk).latest_per_priority(
        LATEST_PUBLISHED, LATEST_PER_PRIORITY
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
@cache_public_page(scopes=_wijk_scopes, query=("period",))
def neighbourhood(request: HttpRequest, slug: str) -> HttpResponse:
    wijk = get_object_or_404(Neighbourhood.objects.active(), slug=slug)
    # One query gives the wijk's trend and the years with data in any wijk (the periods).
    per_month = _base(request).submitted_per_month(neighbourhood=wijk)
    scope = _scope(request, sorted({month.year for month in per_month}))
    initiatives = scope.initiatives.in_neighbourhood(wijk)
    priorities = initiatives.priorities_with_counts()
    # The wijk's budget pots of the period, each with its co-funding: one query.
    pots = list(
        BudgetPot.objects.filter(neighbourhood=wijk)
        .in_years(pot_years(scope.period.start, scope.period.end))
        .select_related("priority")
        .with_cofunding()
    )
    row = WijkFigures(
        neighbourhood=wijk,
        figures={
            **initiatives.figures_by_neighbourhood(timezone.localdate()).get(
                wijk.pk, empty_figures(Initiative)
            ),
            **pot_sums(pots),
            # Its population (newest CBS year up to the period's) and voices: one query.
            **population.one_wijk(wijk, scope.period.start, scope.period.end),
        },
        priority_counts=[priority.count for priority in priorities],
    )
    # The same period a year earlier: one query (none for all years).
    earlier = comparison.year_earlier(scope.period)
    if earlier is not None:
        before = WijkFigures(
            wijk,
            _base(request)
            .submitted_between(earlier.start, earlier.end)
            .in_neighbourhood(wijk)
            .figures_by_neighbourhood(timezone.localdate())
            .get(wijk.pk, empty_figures(Initiative)),
            [],
        )
    published, latest = _latest_published(wijk)
    # What completed initiatives achieved, per priority (results app): asked only when the
    # figures say there are results.
    results = Result.objects.per_priority(initiatives) if row.value("results_recorded") else {}
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
                    **_results_of(results.get(priority.pk)),
                }
                for priority in priorities
            ],
            "per_1000": comparison.per_1000(row),
            "residents": row.display(FIGURE_BY_KEY["residents"], "")
            if row.figures["residents"]
            else "",
            "population_note": population.source_note([row.figures]),
            "year_earlier": earlier,
            "trends": comparison.wijk_trends(row, before) if earlier else [],
            "permalink": comparison.permalink(request, ("period",)),
            "today": timezone.localdate(),
            "response_figures": page_figures(row, Section.RESPONSE),
            "money_figures": page_figures(row, Section.MONEY),
            # Per criterion, the scores of approvals and refusals in the period: one query.
            "criteria_outcomes": Score.objects.outcome_counts(initiatives),
            "result_figures": page_figures(row, Section.RESULTS),
            "pots": _pot_table(pots),
            "published": published,
            "list_url": _list_url(wijk),
            "status_chart": _status_chart(row),
            "priorities_chart": _wijk_priorities_chart(row, priorities),
            "trend_chart": _trend_chart(per_month),
            # Following the wijk by e-mail (subscriptions): the form posts to its own page.
            "follow_form": FollowForm(),
            "started": started_token(),
        },
    )


def _results_of(per_priority: dict | None) -> dict:
    """A priority's results on a wijk page: "32 bewoners bereikt met 4 initiatieven"."""
    if not per_priority:
        return {"results": 0}
    return {"results": per_priority["results"], "residents": integer(per_priority["residents"])}


# --- Open data (initiatives.opendata) -------------------------------------------------------


@require_safe
def open_data_csv(request: HttpRequest) -> HttpResponse:
    return opendata.initiatives_csv(request, Initiative.objects.all(), "initiatieven.csv")


@require_safe
def open_data_json(request: HttpRequest) -> HttpResponse:
    return opendata.initiatives_json(request, Initiative.objects.all(), "initiatieven.json")


# A wijk's open data stays small (hundreds of KB at 100,000 initiatives in all).
@require_safe
@cache_public_page(scopes=_wijk_scopes, collect_stream=True)
def neighbourhood_csv(request: HttpRequest, slug: str) -> HttpResponse:
    wijk = get_object_or_404(Neighbourhood.objects.active(), slug=slug)
    initiatives = Initiative.objects.in_neighbourhood(wijk)
    return opendata.initiatives_csv(request, initiatives, f"initiatieven-{wijk.slug}.csv")


# A wijk's open data stays small (hundreds of KB at 100,000 initiatives in all).
@require_safe
@cache_public_page(scopes=_wijk_scopes, collect_stream=True)
def neighbourhood_json(request: HttpRequest, slug: str) -> HttpResponse:
    wijk = get_object_or_404(Neighbourhood.objects.active(), slug=slug)
    initiatives = Initiative.objects.in_neighbourhood(wijk)
    return opendata.initiatives_json(request, initiatives, f"initiatieven-{wijk.slug}.json")


@require_safe
def open_data_neighbourhoods_csv(request: HttpRequest) -> HttpResponse:
    """The comparison table over published initiatives, whoever asks (open data is public)."""
    priorities = list(Priority.objects.all())
    rows = wijk_figures(
        Neighbourhood.objects.active(),
        priorities,
        Initiative.objects.published().counted(),
        timezone.localdate(),
    )
    columns = opendata.open_data_columns(priorities)
    return opendata.csv_response(
        "wijken.csv",
        [name for name, _value in columns],
        ([value(row) for _name, value in columns] for row in rows),
    )
