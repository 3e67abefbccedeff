"""The SVG chart geometry (initiatives/charts.py)."""

from django.utils import translation

from initiatives.charts import BAR_AREA, WIDTH, Series, bar_chart, column_chart

ONE = [Series("count", "Aantal", "#0072B2")]
TWO = [Series("a", "Kinderen", "#E69F00", "diagonal"), Series("b", "Geen", "#BBBBBB")]


def test_the_longest_bar_fills_the_bar_area_and_others_scale():
    chart = bar_chart("c", "Titel", [("A", [4], "4"), ("B", [1], "1")], ONE)
    assert [row.segments[0].width for row in chart.rows] == [BAR_AREA, BAR_AREA / 4]
    assert chart.rows[1].value_x == BAR_AREA / 4 + 6


def test_a_fixed_maximum_scales_percentages():
    chart = bar_chart("c", "Op tijd", [("A", [50], "50%")], ONE, maximum=100)
    assert chart.rows[0].segments[0].width == BAR_AREA / 2


def test_stacked_segments_follow_each_other_and_carry_their_number_when_it_fits():
    chart = bar_chart("c", "Per prioriteit", [("A", [30, 10], "40"), ("B", [1, 0], "1")], TWO)
    first, second = chart.rows[0].segments
    assert second.x == first.width
    assert first.show_label and second.show_label
    assert chart.rows[1].segments[1].show_label is False  # zero draws nothing
    assert chart.show_legend
    assert [series.key for series in chart.patterns] == ["a"]


def test_the_table_carries_every_number():
    chart = bar_chart("c", "Per prioriteit", [("A", [3, 1], "4")], TWO, value_heading="Samen")
    assert chart.table_head == ["Kinderen", "Geen", "Samen"]
    assert chart.rows[0].cells == ["3", "1", "4"]


def test_all_bars_of_a_series_are_one_path_with_at_most_one_decimal():
    chart = bar_chart("c", "Per prioriteit", [("A", [2, 1], "3"), ("B", [1, 0], "1")], TWO)
    kinderen, geen = chart.shapes
    assert kinderen.fill == "url(#c-pattern-a)" and geen.fill == "#BBBBBB"
    assert kinderen.path == "M0 22h140v24h-140zM0 74h70v24h-70z"
    assert geen.path == "M140 22h70v24h-70z"  # B's zero draws nothing
    assert chart.labelled_segments == [(70, 39, "2"), (175, 39, "1"), (35, 91, "1")]


def test_in_arabic_the_bars_grow_from_the_right_edge_and_their_numbers_stay_apart():
    with translation.override("ar"):
        chart = bar_chart("c", "Per prioriteit", [("A", [30, 10], "40"), ("B", [1, 0], "1")], TWO)
    first, second = chart.rows[0].segments
    assert chart.rtl
    assert first.x + first.width == WIDTH  # the first segment touches the right edge
    assert second.x + second.width == first.x  # the next one follows to its left
    assert chart.rows[0].value_x == WIDTH - BAR_AREA - 6  # the total left of the bar
    assert abs(first.label_x - (WIDTH - first.width / 2)) <= 0.1  # its number in its middle
    with translation.override("nl"):
        assert not bar_chart("c", "Titel", [("A", [4], "4")], ONE).rtl


def test_no_data_gives_an_empty_chart_without_dividing_by_zero():
    chart = bar_chart("c", "Leeg", [("A", [0], "0")], ONE)
    assert chart.rows[0].segments[0].width == 0
    assert column_chart(
        "t", "Leeg", [("jan", "", "januari", 0)], value_heading="n", label_heading="m"
    )


def test_columns_of_a_time_series_share_one_baseline():
    chart = column_chart(
        "t",
        "Per maand",
        [("jan", "2026", "januari 2026", 2), ("feb", "", "februari 2026", 0)],
        value_heading="Ingediend",
        label_heading="Maand",
    )
    full, empty = chart.columns
    assert full.y + full.height == chart.baseline
    assert empty.height == 0
    assert chart.table_rows == [("januari 2026", 2), ("februari 2026", 0)]
    assert chart.path == "M32.4 24h115.2v150h-115.2z"  # the empty month draws nothing
