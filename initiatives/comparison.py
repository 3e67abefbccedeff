"""The comparison of all wijken: its columns, their groups, and this period against a year earlier.

The table shows one group of columns at a time (``?columns=money``) beside the wijk, so that
it fits a screen; ``GROUPS`` is the one table of which figure stands in which group (a figure
may stand in several). A figure with a comparison label that no group names lands in
"Overig", so a new figure is never lost; "Alle kolommen" shows every one.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from initiatives.figures import (
    FIGURE_BY_KEY,
    FIGURES,
    NO_DATA,
    PRIORITIES,
    WijkFigures,
    empty_figures,
    euro,
    integer,
)
from initiatives.forms.overviews import ALL_TIME, Period, period_for
from neighbourhoods.models import Priority


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    sort_value: Callable[[WijkFigures], object]
    display: Callable[[WijkFigures], str]
    numeric: bool = True
    figure: str = ""  # the figure's key (PRIORITIES for a priority), for the groups


@dataclass(frozen=True)
class Group:
    key: str  # in the address: ?columns=<key>
    label: str | Promise
    figures: tuple[str, ...]  # figure keys in the order shown; PRIORITIES for the priorities


YEAR_ON_YEAR = "year-on-year"
MORE = "more"
ALL = "all"
GROUPS = [
    Group(
        "status",
        gettext_lazy("Status"),
        ("total", "new", "running", "realised", "declined", "referred"),
    ),
    Group("priorities", gettext_lazy("Prioriteiten"), (PRIORITIES, "no_priority")),
    Group(
        "response",
        gettext_lazy("Reactie"),
        ("median_days", "on_time", "feedback_answers", "feedback_satisfied_share"),
    ),
    Group(
        "money",
        gettext_lazy("Geld"),
        (
            "amount_requested",
            "amount_granted",
            "budget",
            "budget_granted",
            "budget_left",
            "cofunding",
            "cofunding_per_euro",
        ),
    ),
    Group(
        "support",
        gettext_lazy("Steun en signalen"),
        ("supports", "verified_supports", "help_offers", "voices", "residents_reached"),
    ),
    Group(
        "per-1000",
        gettext_lazy("Per 1.000 inwoners"),
        (
            "residents",
            "total",
            "initiatives_per_1000",
            "voices",
            "voices_per_1000",
            "verified_supports",
            "verified_supports_per_1000",
            "amount_granted",
            "amount_granted_per_1000",
        ),
    ),
    Group(YEAR_ON_YEAR, gettext_lazy("Een jaar eerder"), ()),
]
GROUP_MORE = Group(MORE, gettext_lazy("Overig"), ())
GROUP_ALL = Group(ALL, gettext_lazy("Alle kolommen"), ())
DEFAULT_GROUP = "status"

# The comparison table's sort keys stay as they were published in links.
_SORT_KEYS = {
    "median_days": "median",
    "on_time": "on-time",
    "amount_requested": "requested",
    "amount_granted": "granted",
    "no_priority": "no_priority",
}


def name_column() -> Column:
    return Column(
        "name",
        _("Wijk"),
        lambda row: row.neighbourhood.name.lower(),
        lambda row: row.neighbourhood.name,
        numeric=False,
    )


def comparison_columns(priorities: list[Priority]) -> list[Column]:
    """The comparison table's columns: the wijk, then every figure with a ``label``."""
    columns = [name_column()]
    for figure in FIGURES:
        if figure == PRIORITIES:
            columns += [
                Column(
                    f"priority-{priority.slug}",
                    priority.label,
                    lambda row, index=index: row.priority_counts[index],
                    lambda row, index=index: integer(row.priority_counts[index]),
                    figure=PRIORITIES,
                )
                for index, priority in enumerate(priorities)
            ]
        elif figure.label is not None:
            columns.append(
                Column(
                    _SORT_KEYS.get(figure.key, figure.key),
                    str(figure.label),
                    lambda row, figure=figure: row.sort_value(figure),
                    lambda row, figure=figure: row.display(figure),
                    figure=figure.key,
                )
            )
    return columns


def groups() -> list[Group]:
    """The groups to choose from; "Overig" only when some figure is in no group."""
    named = {key for group in GROUPS for key in group.figures}
    unnamed = any(
        figure != PRIORITIES and figure.label is not None and figure.key not in named
        for figure in FIGURES
    )
    return [*GROUPS, *([GROUP_MORE] if unnamed else []), GROUP_ALL]


def chosen_group(value: str | None) -> Group:
    """The group asked for; anything unknown gives the default group."""
    return next(
        (group for group in groups() if group.key == value),
        next(group for group in GROUPS if group.key == DEFAULT_GROUP),
    )


def columns_of(group: Group, columns: list[Column], trend: list[Column]) -> list[Column]:
    """The wijk's column and the group's columns, in the group's order."""
    figures = columns[1:]
    if group.key == ALL:
        return [columns[0], *figures, *trend]
    if group.key == YEAR_ON_YEAR:
        return [columns[0], *trend]
    if group.key == MORE:
        named = {key for one in GROUPS for key in one.figures}
        return [columns[0], *(column for column in figures if column.figure not in named)]
    return [
        columns[0],
        *(column for key in group.figures for column in figures if column.figure == key),
    ]


# --- This period against the same period a year earlier ------------------------------------


def year_earlier(period: Period) -> Period | None:
    """The same period one year earlier ("2026-Q1" → "2025-Q1"); None for all years."""
    if period.value == ALL_TIME:
        return None
    year, separator, quarter = period.value.partition("-")
    return period_for(f"{int(year) - 1}{separator}{quarter}")


def _percent(change: Decimal | float, before: Decimal | float) -> str:
    """ " (+40 %)", or nothing when there was nothing to compare with."""
    if not before:
        return ""
    percent = round(100 * change / before)
    return _(" (%(sign)s%(percent)s %%)") % {
        "sign": "+" if percent > 0 else ("\u2212" if percent < 0 else "±"),
        "percent": abs(percent),
    }


def count_change(now: int, before: int) -> str:
    """ "12 meer dan een jaar eerder (+40 %)": the change in words and numbers."""
    change = now - before
    if change == 0:
        return _("evenveel als een jaar eerder")
    if change > 0:
        text = ngettext(
            "%(count)s meer dan een jaar eerder", "%(count)s meer dan een jaar eerder", change
        )
    else:
        text = ngettext(
            "%(count)s minder dan een jaar eerder",
            "%(count)s minder dan een jaar eerder",
            -change,
        )
    return text % {"count": integer(abs(change))} + _percent(change, before)


def euro_change(now: Decimal | None, before: Decimal | None) -> str:
    now, before = now or Decimal(0), before or Decimal(0)
    change = now - before
    if round(change) == 0:
        return _("evenveel als een jaar eerder")
    text = (
        _("%(amount)s meer dan een jaar eerder")
        if change > 0
        else _("%(amount)s minder dan een jaar eerder")
    )
    return text % {"amount": euro(abs(change))} + _percent(change, before)


def share_change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return _("niet te vergelijken: te weinig gegevens")
    points = round(100 * now) - round(100 * before)
    if points == 0:
        return _("gelijk aan een jaar eerder")
    text = (
        ngettext(
            "%(points)s procentpunt hoger dan een jaar eerder",
            "%(points)s procentpunten hoger dan een jaar eerder",
            points,
        )
        if points > 0
        else ngettext(
            "%(points)s procentpunt lager dan een jaar eerder",
            "%(points)s procentpunten lager dan een jaar eerder",
            -points,
        )
    )
    return text % {"points": abs(points)}


@dataclass(frozen=True)
class Trend:
    """One figure now and a year earlier: (label, now, the change in words)."""

    key: str
    label: str
    change: Callable[[WijkFigures, WijkFigures], str]
    delta: Callable[[WijkFigures, WijkFigures], object]


TRENDS = [
    Trend(
        "total",
        gettext_lazy("Initiatieven"),
        lambda now, before: count_change(now.value("total"), before.value("total")),
        lambda now, before: now.value("total") - before.value("total"),
    ),
    Trend(
        "on_time",
        gettext_lazy("Op tijd gereageerd"),
        lambda now, before: share_change(now.on_time_share, before.on_time_share),
        lambda now, before: (
            None
            if now.on_time_share is None or before.on_time_share is None
            else now.on_time_share - before.on_time_share
        ),
    ),
    Trend(
        "amount_granted",
        gettext_lazy("Toegekend"),
        lambda now, before: euro_change(
            now.figures["amount_granted"], before.figures["amount_granted"]
        ),
        lambda now, before: (
            (now.figures["amount_granted"] or 0) - (before.figures["amount_granted"] or 0)
        ),
    ),
]


def trend_columns(earlier: dict[int, WijkFigures] | None) -> list[Column]:
    """Per trend: the figure now and its change against a year earlier (none without one)."""
    columns = []
    for trend in TRENDS:
        figure = FIGURE_BY_KEY[trend.key]
        columns.append(
            Column(
                f"now-{trend.key}",
                str(trend.label),
                lambda row, figure=figure: row.sort_value(figure),
                lambda row, figure=figure: row.display(figure),
                figure=YEAR_ON_YEAR,
            )
        )

        def before(row: WijkFigures) -> WijkFigures | None:
            return None if earlier is None else earlier[row.neighbourhood.pk]

        columns.append(
            Column(
                f"change-{trend.key}",
                _("%(figure)s: verschil met een jaar eerder") % {"figure": trend.label},
                lambda row, trend=trend, before=before: (
                    None if before(row) is None else trend.delta(row, before(row))
                ),
                lambda row, trend=trend, before=before: (
                    NO_DATA if before(row) is None else trend.change(row, before(row))
                ),
                figure=YEAR_ON_YEAR,
            )
        )
    return columns


def wijk_trends(row: WijkFigures, before: WijkFigures) -> list[tuple[str, str, str, str]]:
    """A wijk page's year-on-year lines: (label, now, a year earlier, the change in words)."""
    return [
        (
            str(trend.label),
            row.display(FIGURE_BY_KEY[trend.key]),
            before.display(FIGURE_BY_KEY[trend.key]),
            trend.change(row, before),
        )
        for trend in TRENDS
    ]


# --- The table on the page: sorting, headers, a year earlier, the permalink ----------------


def sorted_rows(
    rows: list[WijkFigures], columns: list[Column], key: str, descending: bool
) -> list[WijkFigures]:
    column = next(column for column in columns if column.key == key)
    ordered = sorted(rows, key=lambda row: row.neighbourhood.name.lower())
    # Rows without a value (no median yet) go last in both directions.
    known = [row for row in ordered if column.sort_value(row) is not None]
    unknown = [row for row in ordered if column.sort_value(row) is None]
    return sorted(known, key=column.sort_value, reverse=descending) + unknown


def sort_request(query: QueryDict, columns: list[Column]) -> tuple[str, bool]:
    """Only whitelisted keys; anything else sorts by name, ascending."""
    key = query.get("sort", "name")
    if key not in {column.key for column in columns}:
        key = "name"
    return key, query.get("dir") == "desc"


def header(shown: list[Column], sort: str, descending: bool) -> list[dict]:
    """The header cells: the sorted column's aria-sort, and each column's next direction."""
    return [
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
        for column in shown
    ]


def earlier_rows(
    base: QuerySet, period: Period, rows: list[WijkFigures]
) -> dict[int, WijkFigures] | None:
    """Every wijk's figures in the same period a year earlier: one query; None for all years."""
    earlier = year_earlier(period)
    if earlier is None:
        return None
    initiatives = base.submitted_between(earlier.start, earlier.end)
    figures = initiatives.figures_by_neighbourhood(timezone.localdate())
    empty = empty_figures(base.model)
    return {
        row.neighbourhood.pk: WijkFigures(
            row.neighbourhood, figures.get(row.neighbourhood.pk, empty), []
        )
        for row in rows
    }


def permalink(request: HttpRequest, names: Iterable[str]) -> str:
    """The full address of this view: the page with only the parameters it understands."""
    query = QueryDict(mutable=True)
    for name in names:
        if request.GET.get(name):
            query[name] = request.GET[name]
    path = request.path + (f"?{query.urlencode()}" if query else "")
    return request.build_absolute_uri(path)


PER_1000 = [
    ("total", "initiatives_per_1000"),
    ("voices", "voices_per_1000"),
    ("verified_supports", "verified_supports_per_1000"),
    ("amount_granted", "amount_granted_per_1000"),
]


def per_1000(row: WijkFigures) -> list[tuple[str, str, str]]:
    """A wijk page's counts beside their value per 1,000 residents: (label, count, rate)."""
    return [
        (
            str(FIGURE_BY_KEY[rate].label),
            row.display(FIGURE_BY_KEY[count]),
            row.display(FIGURE_BY_KEY[rate]),
        )
        for count, rate in PER_1000
    ]
