"""The council's figures per wijk: one table, from which every place that shows them is built.

Each ``Figure`` is one row: how the database computes it per wijk, how it reads in the
comparison table and on a wijk's page, and its column in the open data (``wijken.csv``).
The grouped query (``InitiativeQuerySet.figures_by_neighbourhood``), the empty row of a wijk
without initiatives, the comparison table's columns, the wijk page's figures and the CSV
header are all derived from ``FIGURES``; the priorities (one count per priority, whatever
priorities the municipality has) take the place of ``PRIORITIES`` in that order.

To add a figure: one ``Figure(...)`` in ``FIGURES`` (its aggregate, labels and open-data
column; new columns go at the end of the CSV, documented in docs/open-data.md). A figure
that is not a plain aggregate (the on-time share) gives ``derive`` instead.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from initiatives.aggregates import Median, cofunding_sum, verified_support_sum
from initiatives.population import per_1000, wijk_annotations, wijk_values
from initiatives.workflow import Status, overdue_condition
from neighbourhoods.models import Neighbourhood, Priority
from wijkaanpak.money import money

NO_DATA = "\u2013"  # an en dash: "no data" (explained under the table)


class Format(StrEnum):
    COUNT = "count"  # a whole number: 1.234
    DAYS = "days"  # working days, one decimal when not whole; may be unknown
    SHARE = "share"  # a fraction of the measured initiatives; may be unknown
    EURO = "euro"  # an amount in euros, rounded to whole euros on pages
    RATIO = "ratio"  # euros per euro, two decimals; may be unknown
    PEOPLE = "people"  # residents or households (CBS); may be unknown
    PER_1000 = "per_1000"  # per 1,000 residents, one decimal; unknown without residents
    EURO_PER_1000 = "euro_per_1000"  # euros per 1,000 residents, whole; may be unknown


MAYBE_UNKNOWN = (Format.DAYS, Format.SHARE, Format.RATIO, Format.PEOPLE, Format.PER_1000)
MAYBE_UNKNOWN += (Format.EURO_PER_1000,)


class Section(StrEnum):
    """Where a figure stands on a wijk's page (besides the charts)."""

    RESPONSE = "response"  # "Hoe snel reageert de gemeente?"
    MONEY = "money"  # "Geld en hulp"
    RESULTS = "results"  # "Wat heeft het opgeleverd?"


# An aggregate over the initiatives of one wijk; it gets the model and the local date.
Aggregate = Callable[[type[models.Model], date], models.Aggregate]


def _count_status(*statuses: Status) -> Aggregate:
    return lambda model, today: models.Count("pk", filter=Q(status__in=statuses))


def _no_priority(model: type[models.Model], today: date) -> models.Aggregate:
    has_priority = Exists(model.priorities.through.objects.filter(initiative_id=OuterRef("pk")))
    return models.Count("pk", filter=~Q(has_priority))


_ANSWERED = Q(first_response_at__isnull=False)
_COMPLETED = Q(status=Status.COMPLETED)


@dataclass(frozen=True)
class Figure:
    key: str
    format: Format
    # How the database computes it per wijk; or ``derive`` from the other figures.
    aggregate: Aggregate | None = None
    derive: Callable[[dict], object] | None = None
    label: str | Promise | None = None  # a column of the comparison table
    page_label: str | Promise | None = None  # on a wijk's page, at ``place``
    place: tuple[Section, int] | None = None  # the section and the position in it
    column: str | None = None  # the open-data column in wijken.csv
    # Or the sum of this column over the wijk's budget pots of the period (budgets app).
    pot_sum: str | None = None
    # A share's part and whole (keys of other figures), shown beside it: "75% (3 van 4)";
    # None: the on-time share's.
    parts: tuple[str, str] | None = None


PRIORITIES = "priorities"  # where the per-priority counts go, in ``FIGURES``' order


def _on_time_share(values: dict) -> float | None:
    """Answered on time, of the initiatives whose promptness is known (answered, or late)."""
    measured = values["answered"] + values["overdue_open"]
    return values["answered_on_time"] / measured if measured else None


def _budget_left(values: dict) -> Decimal | None:
    if values.get("budget") is None:
        return None
    return values["budget"] - (values.get("budget_granted") or 0)


def _cofunding_per_euro(values: dict) -> Decimal | None:
    """Co-funding raised per euro the municipality granted to the same initiatives."""
    granted = values.get("amount_granted")
    return (values.get("cofunding") or Decimal(0)) / granted if granted else None


# Withdrawn initiatives count in the total only, not in the comparison table.
FIGURES: list[Figure | str] = [
    Figure(
        "total",
        Format.COUNT,
        lambda model, today: models.Count("pk"),
        label=gettext_lazy("Totaal"),
        column="total",
    ),
    Figure(
        "new",
        Format.COUNT,
        _count_status(Status.SUBMITTED),
        label=gettext_lazy("Nieuw"),
        column="new",
    ),
    Figure(
        "running",
        Format.COUNT,
        _count_status(Status.INTAKE, Status.PREPARING, Status.IN_PROGRESS),
        label=gettext_lazy("Loopt"),
        column="running",
    ),
    Figure(
        "realised",
        Format.COUNT,
        _count_status(Status.COMPLETED),
        label=gettext_lazy("Gerealiseerd"),
        column="realised",
    ),
    Figure(
        "declined",
        Format.COUNT,
        _count_status(Status.DECLINED),
        label=gettext_lazy("Afgewezen"),
        column="declined",
    ),
    Figure(
        "referred",
        Format.COUNT,
        _count_status(Status.REFERRED),
        label=gettext_lazy("Doorverwezen"),
        column="referred",
    ),
    Figure("withdrawn", Format.COUNT, _count_status(Status.WITHDRAWN), column="withdrawn"),
    PRIORITIES,
    Figure(
        "no_priority",
        Format.COUNT,
        _no_priority,
        label=gettext_lazy("Geen prioriteit"),
        column="priority_none",
    ),
    Figure(
        "median_days",
        Format.DAYS,
        lambda model, today: Median("response_working_days"),
        label=gettext_lazy("Werkdagen tot eerste reactie (mediaan)"),
        page_label=gettext_lazy("Werkdagen tot de eerste reactie (mediaan)"),
        place=(Section.RESPONSE, 1),
        column="median_response_working_days",
    ),
    Figure(
        "answered",
        Format.COUNT,
        lambda model, today: models.Count("pk", filter=_ANSWERED),
        column="answered",
    ),
    Figure(
        "answered_on_time",
        Format.COUNT,
        # The first response fell (local date) on or before its due date.
        lambda model, today: models.Count(
            "pk", filter=_ANSWERED & Q(first_response_at__date__lte=F("first_response_due"))
        ),
        column="answered_on_time",
    ),
    Figure(
        "overdue_open",
        Format.COUNT,
        # Open, still without a first response, and past its due date.
        lambda model, today: models.Count("pk", filter=overdue_condition(today)),
        page_label=gettext_lazy("Lopend, nog geen reactie en te laat"),
        place=(Section.RESPONSE, 3),
        column="overdue_unanswered",
    ),
    Figure(
        "on_time",
        Format.SHARE,
        derive=_on_time_share,
        label=gettext_lazy("Op tijd gereageerd"),
        page_label=gettext_lazy("Op tijd gereageerd"),
        place=(Section.RESPONSE, 2),
        column="on_time_share",
    ),
    Figure(
        "amount_requested",
        Format.EURO,
        lambda model, today: models.Sum("amount_requested"),
        label=gettext_lazy("Gevraagd"),
        page_label=gettext_lazy("Gevraagd bedrag"),
        place=(Section.MONEY, 1),
        column="amount_requested",
    ),
    Figure(
        "amount_granted",
        Format.EURO,
        lambda model, today: models.Sum("amount_granted"),
        label=gettext_lazy("Toegekend"),
        page_label=gettext_lazy("Toegekend bedrag"),
        place=(Section.MONEY, 2),
        column="amount_granted",
    ),
    Figure(
        "help_offers",
        Format.COUNT,
        lambda model, today: models.Sum("help_offer_count"),
        label=gettext_lazy("Hulpaanbiedingen"),
        page_label=gettext_lazy("Hulpaanbiedingen"),
        place=(Section.MONEY, 3),
        column="help_offers",
    ),
    Figure(
        "supports",
        Format.COUNT,
        lambda model, today: models.Sum("support_count"),
        label=gettext_lazy("Steunbetuigingen"),
        page_label=gettext_lazy("Steunbetuigingen"),
        place=(Section.MONEY, 4),
        column="supports",
    ),
    Figure(
        "budget",
        Format.EURO,
        pot_sum="amount",
        label=gettext_lazy("Wijkbudget"),
        page_label=gettext_lazy("Wijkbudget"),
        place=(Section.MONEY, 5),
        column="budget",
    ),
    Figure(
        "budget_granted",
        Format.EURO,
        pot_sum="granted",
        label=gettext_lazy("Uit wijkbudget toegekend"),
        page_label=gettext_lazy("Uit het wijkbudget toegekend"),
        place=(Section.MONEY, 6),
        column="budget_granted",
    ),
    Figure(
        "budget_left",
        Format.EURO,
        derive=_budget_left,
        label=gettext_lazy("Wijkbudget over"),
        page_label=gettext_lazy("Nog over in het wijkbudget"),
        place=(Section.MONEY, 7),
        column="budget_left",
    ),
    Figure(
        "cofunding",
        Format.EURO,
        cofunding_sum,
        label=gettext_lazy("Cofinanciering"),
        page_label=gettext_lazy("Bijdragen van partners (cofinanciering)"),
        place=(Section.MONEY, 8),
        column="cofunding",
    ),
    Figure(
        "cofunding_per_euro",
        Format.RATIO,
        derive=_cofunding_per_euro,
        label=gettext_lazy("Cofinanciering per euro van de gemeente"),
        page_label=gettext_lazy("Cofinanciering per euro van de gemeente"),
        place=(Section.MONEY, 9),
        column="cofunding_per_euro",
    ),
    Figure(
        "verified_supports",
        Format.COUNT,
        verified_support_sum,
        label=gettext_lazy("Steun vanaf een adres in de wijk"),
        page_label=gettext_lazy("Steun bevestigd vanaf een adres in de wijk"),
        place=(Section.MONEY, 10),
        column="verified_supports",
    ),
    Figure(
        # Typed in by a broker with the resident: phone, spreekuur, house visit, ...
        "entered_for_residents",
        Format.COUNT,
        lambda model, today: models.Count("pk", filter=~Q(channel="online")),
        page_label=gettext_lazy("Ingevoerd door een sociaal makelaar, samen met de bewoner"),
        place=(Section.RESPONSE, 4),
        column="entered_for_residents",
    ),
    # What completed initiatives achieved, as their brokers recorded it (results app).
    Figure(
        "residents_reached",
        Format.COUNT,
        lambda model, today: models.Sum("result__residents_reached", filter=_COMPLETED),
        label=gettext_lazy("Bewoners bereikt"),
        page_label=gettext_lazy("Bewoners bereikt"),
        place=(Section.RESULTS, 1),
        column="residents_reached",
    ),
    Figure(
        "volunteers",
        Format.COUNT,
        lambda model, today: models.Sum("result__volunteers", filter=_COMPLETED),
        page_label=gettext_lazy("Vrijwilligers"),
        place=(Section.RESULTS, 2),
        column="volunteers",
    ),
    Figure(
        "results_recorded",
        Format.COUNT,
        lambda model, today: models.Count("result", filter=_COMPLETED),
        page_label=gettext_lazy("Afgeronde initiatieven met een vastgelegd resultaat"),
        place=(Section.RESULTS, 3),
        column="results_recorded",
    ),
    # Per 1,000 residents (the newest CBS year up to the period's: initiatives.population).
    Figure(
        "residents",
        Format.PEOPLE,
        derive=lambda v: v.get("residents"),
        label=gettext_lazy("Inwoners"),
        column="residents",
    ),
    Figure(
        "voices",
        Format.COUNT,
        derive=lambda v: v.get("voice_count") or 0,
        label=gettext_lazy("Signalen"),
        column="voices",
    ),
    Figure(
        "initiatives_per_1000",
        Format.PER_1000,
        derive=per_1000("total"),
        label=gettext_lazy("Initiatieven per 1.000 inwoners"),
        column="initiatives_per_1000",
    ),
    Figure(
        "voices_per_1000",
        Format.PER_1000,
        derive=per_1000("voices"),
        label=gettext_lazy("Signalen per 1.000 inwoners"),
        column="voices_per_1000",
    ),
    Figure(
        "verified_supports_per_1000",
        Format.PER_1000,
        derive=per_1000("verified_supports"),
        label=gettext_lazy("Steun vanaf een adres per 1.000 inwoners"),
        column="verified_supports_per_1000",
    ),
    Figure(
        "amount_granted_per_1000",
        Format.EURO_PER_1000,
        derive=per_1000("amount_granted"),
        label=gettext_lazy("Toegekend per 1.000 inwoners"),
        column="amount_granted_per_1000",
    ),
    # How the initiators of closed initiatives felt helped, asked afterwards (feedback app):
    # the 1-5 score only, never what they wrote. 4 or 5 counts as helped.
    Figure(
        "feedback_answers",
        Format.COUNT,
        lambda model, today: models.Count("feedback", filter=Q(feedback__helped__isnull=False)),
        label=gettext_lazy("Antwoorden achteraf"),
        page_label=gettext_lazy("Initiatiefnemers die de vragen achteraf beantwoordden"),
        place=(Section.RESPONSE, 6),
        column="feedback_answers",
    ),
    Figure(
        "feedback_satisfied",
        Format.COUNT,
        lambda model, today: models.Count("feedback", filter=Q(feedback__helped__gte=4)),
        column="feedback_satisfied",
    ),
    Figure(
        "feedback_satisfied_share",
        Format.SHARE,
        derive=lambda v: (
            v["feedback_satisfied"] / v["feedback_answers"] if v.get("feedback_answers") else None
        ),
        parts=("feedback_satisfied", "feedback_answers"),
        label=gettext_lazy("Voelde zich geholpen"),
        page_label=gettext_lazy("Initiatiefnemers die zich geholpen voelden (4 of 5 van 5)"),
        place=(Section.RESPONSE, 5),
        column="feedback_satisfied_share",
    ),
]
FIGURE_BY_KEY = {figure.key: figure for figure in FIGURES if isinstance(figure, Figure)}
AGGREGATED = [figure for figure in FIGURE_BY_KEY.values() if figure.aggregate is not None]
DERIVED = [figure for figure in FIGURE_BY_KEY.values() if figure.derive is not None]
POT_SUMS = [figure for figure in FIGURE_BY_KEY.values() if figure.pot_sum is not None]


def pot_years(start: datetime | None, end: datetime | None) -> tuple[int, int] | None:
    """The budget years a period covers (pots are per year): a quarter counts its year."""
    if start is None or end is None:
        return None
    return start.year, (end - timedelta(microseconds=1)).year


def pot_sums(pots: Iterable) -> dict:
    """The pot figures of one wijk from its pots (already fetched); None without pots."""
    pots = list(pots)
    return {
        figure.key: sum((getattr(pot, figure.pot_sum) for pot in pots), Decimal(0))
        if pots
        else None
        for figure in POT_SUMS
    }


def pot_annotations(years: tuple[int, int] | None) -> dict[str, Subquery]:
    """The pot figures per wijk, to annotate a ``Neighbourhood`` queryset with."""
    pot = Neighbourhood.budget_pots.rel.related_model
    pots = pot.objects.filter(neighbourhood=OuterRef("pk")).order_by()
    if years is not None:
        pots = pots.filter(year__gte=years[0], year__lte=years[1])
    return {
        figure.key: Subquery(
            pots.values("neighbourhood").annotate(total=models.Sum(figure.pot_sum)).values("total")
        )
        for figure in POT_SUMS
    }


def empty_figures(model: type[models.Model]) -> dict:
    """A wijk without initiatives: counts are 0, sums and medians unknown (as SQL gives)."""
    return {
        figure.key: 0 if isinstance(figure.aggregate(model, date.min), models.Count) else None
        for figure in AGGREGATED
    }


def aggregates(model: type[models.Model], today: date) -> dict[str, models.Aggregate]:
    """The per-wijk aggregates for ``.values("neighbourhood").annotate(**...)``."""
    return {figure.key: figure.aggregate(model, today) for figure in AGGREGATED}


# --- One wijk's row ------------------------------------------------------------------------


@dataclass
class WijkFigures:
    neighbourhood: Neighbourhood
    figures: dict  # the aggregated values by key, as the database gave them
    priority_counts: list[int]  # in the order of the priorities

    def __post_init__(self) -> None:
        self.figures = {**self.figures}
        for figure in DERIVED:
            self.figures[figure.key] = figure.derive(self.figures)

    @property
    def measured(self) -> int:
        """Initiatives whose promptness is known: answered, or open and past the due date."""
        return self.figures["answered"] + self.figures["overdue_open"]

    @property
    def on_time_share(self) -> float | None:
        return self.figures["on_time"]

    def value(self, key: str):
        return self.figures[key] or 0

    def sort_value(self, figure: Figure):
        """Counts and amounts without data sort as 0; unknown days and shares go last."""
        value = self.figures[figure.key]
        return value if figure.format in MAYBE_UNKNOWN else value or 0

    def display(self, figure: Figure, no_data: str = NO_DATA) -> str:
        """The figure as a page shows it, in the active language's number format."""
        value = self.figures[figure.key]
        if figure.format == Format.COUNT:
            return integer(value)
        if figure.format == Format.EURO:
            return euro(value)
        if value is None:
            return no_data
        if figure.format in (Format.PEOPLE, Format.EURO_PER_1000):
            return integer(value) if figure.format == Format.PEOPLE else euro(value)
        if figure.format == Format.PER_1000:
            return formats.number_format(value, 1, force_grouping=True)
        if figure.format == Format.DAYS:
            return formats.number_format(value, 0 if float(value).is_integer() else 1)
        if figure.format == Format.RATIO:
            return money(value)
        if figure.parts:
            part, whole = (self.figures[key] for key in figure.parts)
        else:
            part, whole = self.figures["answered_on_time"], self.measured
        return _("%(share)s (%(on_time)s van %(measured)s)") % {
            "share": share(value),
            "on_time": part,
            "measured": whole,
        }

    def open_data(self, figure: Figure) -> object:
        """The figure as open data: plain numbers, no grouping, empty when unknown."""
        value = self.figures[figure.key]
        if figure.format == Format.COUNT:
            return value or 0
        if figure.format == Format.EURO:
            return f"{value or 0:.2f}"
        if value is None:
            return ""
        if figure.format in (Format.RATIO, Format.EURO_PER_1000):
            return f"{value:.2f}"
        if figure.format in (Format.PEOPLE, Format.PER_1000):
            return f"{value:.1f}" if figure.format == Format.PER_1000 else value
        return f"{value:g}" if figure.format == Format.DAYS else f"{value:.3f}"


def wijk_figures(
    neighbourhoods: QuerySet,
    priorities: list[Priority],
    initiatives,
    today: date,
    years: tuple[int, int] | None = None,
    period: tuple[datetime | None, datetime | None] = (None, None),
) -> list[WijkFigures]:
    """One row per wijk (also wijken without initiatives) in two aggregate queries.

    The wijken come with their pot figures (``years``: the budget years, None for all), and
    their population and voices of the ``period`` (start, end; ``initiatives.population``).
    """
    figures = initiatives.figures_by_neighbourhood(today)
    counts = initiatives.priority_counts_by_neighbourhood()
    empty = empty_figures(initiatives.model)
    return [
        WijkFigures(
            neighbourhood=wijk,
            figures={
                **figures.get(wijk.pk, empty),
                **{figure.key: getattr(wijk, figure.key) for figure in POT_SUMS},
                **wijk_values(wijk),
            },
            priority_counts=[counts.get((wijk.pk, priority.pk), 0) for priority in priorities],
        )
        for wijk in neighbourhoods.annotate(**pot_annotations(years), **wijk_annotations(*period))
    ]


def page_figures(row: WijkFigures, section: Section) -> list[tuple[str, str]]:
    """A wijk page's figures of one section: (label, value) in ``FIGURES``' order."""
    placed = [figure for figure in FIGURE_BY_KEY.values() if (figure.place or ())[:1] == (section,)]
    return [
        (str(figure.page_label), row.display(figure))
        for figure in sorted(placed, key=lambda figure: figure.place[1])
    ]


# --- Formats shared by the pages -----------------------------------------------------------


def integer(value) -> str:
    return formats.number_format(value or 0, force_grouping=True)


def share(fraction: float | None) -> str:
    return NO_DATA if fraction is None else f"{round(fraction * 100)}%"


def euro(value: Decimal | None) -> str:
    return money(value or 0, 0)
