"""The figure table (initiatives.figures) is the one source of every place that shows figures."""

import re
from pathlib import Path

import pytest

from initiatives import comparison, figures, opendata
from initiatives.figures import FIGURE_BY_KEY, PRIORITIES, Format, WijkFigures
from initiatives.models import Initiative
from initiatives.opendata import INITIATIVE_COLUMNS, csv_cell
from neighbourhoods.models import Priority

DOC = Path(__file__).resolve().parents[3] / "docs" / "open-data.md"


def _documented_columns(heading: str) -> list[str]:
    """The column names in the table under ``heading`` in docs/open-data.md, in order."""
    section = DOC.read_text().split(heading, 1)[1].split("\n#", 1)[0]
    names: list[str] = []
    for line in section.splitlines():
        if line.startswith("| `"):
            names += re.findall(r"`([a-z0-9_<>]+)`", line.split("|")[1])
    return names


def test_every_aggregate_of_the_query_comes_from_the_table(dataset, today, wijk_a):
    values = Initiative.objects.figures_by_neighbourhood(today)[wijk_a.pk]
    assert set(values) == {figure.key for figure in figures.AGGREGATED}


@pytest.mark.django_db
def test_the_empty_row_is_what_the_database_gives_a_wijk_without_initiatives(wijk_a, today):
    # Counts are 0 and sums or medians unknown, as in SQL over no rows.
    assert figures.empty_figures(Initiative) == Initiative.objects.none().aggregate(
        **figures.aggregates(Initiative, today)
    )


def test_derived_figures_are_computed_from_the_aggregated_ones():
    row = WijkFigures(
        neighbourhood=None,
        figures={"answered": 3, "answered_on_time": 1, "overdue_open": 1},
        priority_counts=[],
    )
    assert row.on_time_share == 0.25
    assert row.display(FIGURE_BY_KEY["on_time"]) == "25% (1 van 4)"
    assert row.open_data(FIGURE_BY_KEY["on_time"]) == "0.250"


@pytest.mark.django_db
def test_comparison_columns_and_open_data_columns_follow_the_table():
    priorities = list(Priority.objects.all())
    labelled = [f for f in figures.FIGURES if f != PRIORITIES and f.label is not None]
    columns = comparison.comparison_columns(priorities)
    assert [c.label for c in columns] == [
        "Wijk",
        *[str(f.label) for f in labelled[:6]],
        *[p.label for p in priorities],
        *[str(f.label) for f in labelled[6:]],
    ]
    names = [name for name, _value in opendata.open_data_columns(priorities)]
    published = [f.column for f in figures.FIGURES if f != PRIORITIES and f.column]
    assert names == [
        "wijk",
        "wijk_slug",
        "wijk_cbs_code",
        *published[:7],
        *[f"priority_{p.slug}" for p in priorities],
        *published[7:],
    ]


def test_every_open_data_column_is_documented_in_order():
    documented = _documented_columns("## Figures per wijk")
    published = ["wijk", "wijk_slug", "wijk_cbs_code"]
    for figure in figures.FIGURES:
        if figure == PRIORITIES:
            published.append("priority_<slug>")
        elif figure.column:
            published.append(figure.column)
    assert documented == published
    assert _documented_columns("## Initiatives") == INITIATIVE_COLUMNS


def test_every_figure_has_a_format_and_one_source():
    for figure in FIGURE_BY_KEY.values():
        assert isinstance(figure.format, Format)
        sources = [figure.aggregate, figure.derive, figure.pot_sum]
        assert sum(source is not None for source in sources) == 1, figure.key
        if figure.page_label is not None:
            assert figure.place is not None, figure.key


def test_one_csv_cell_rule_for_open_data_and_the_admin():
    assert csv_cell(["kinderen", "werkloosheid"]) == "kinderen|werkloosheid"
    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_cell("-1 stoep") == "'-1 stoep"
    assert csv_cell(-1) == -1  # numbers are numbers, not formulas
    assert csv_cell(None) == ""
