"""Server-side SVG charts: Python computes the numbers and the geometry, templates draw them.

No JavaScript and no chart library: a bar is a rectangle whose width is its share of the
largest bar. Every chart also carries the data for a table (the full text alternative; the
SVG's own title is a short summary that points to it), so nothing depends on seeing the
picture or its colours. Colours come from the Okabe-Ito palette (distinguishable with the
common colour-vision deficiencies); series also get a pattern, so they stay apart in
black-and-white print.

In a right-to-left language (Arabic) the bars mirror: they grow from the right edge, the
labels start there, and each total starts just left of its bar and runs leftwards, read right
to left like the page ("80% (4 من 5)": the digits keep their order). Time series (column
charts) keep time running left to right.

The SVG stays small: coordinates have at most one decimal, and all bars of one series (all
columns of a column chart) are one ``<path>``, so a chart's size grows by a few bytes a row.
"""

from dataclasses import dataclass, field

from django.utils import translation

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#BBBBBB",
}
# Narrow, so that a chart is drawn at about its own size even on a phone: the SVG scales
# with the width it gets, and its text (15 user units) must stay at least 12 CSS px at a
# 320-px-wide screen. The stylesheet keeps it from growing much wider (site.css .chart__svg).
WIDTH = 360
BAR_AREA = 210  # the rest is room after the longest bar for its number
ROW_HEIGHT = 52  # a label line above each bar, then the bar
BAR_HEIGHT = 24
FONT_SIZE = 15
LABEL_CHAR_WIDTH = 9  # rough width of a digit at 15px, to decide whether a number fits
COLUMN_CHART_HEIGHT = 230
COLUMN_PLOT_TOP = 24
COLUMN_PLOT_HEIGHT = 150


def coordinate(value: float) -> float | int:
    """One decimal at most, and none for whole numbers: "104.4", "22", never "22.0"."""
    rounded = round(value, 1)
    return int(rounded) if float(rounded).is_integer() else rounded


def _rectangle(x: float, y: float, width: float, height: float) -> str:
    """A rectangle as a path command: much shorter than a <rect> element with attributes."""
    if not width or not height:
        return ""
    return f"M{coordinate(x)} {coordinate(y)}h{coordinate(width)}v{coordinate(height)}" + (
        f"h{coordinate(-width)}z"
    )


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    colour: str
    pattern: str = ""


@dataclass
class Segment:
    series: Series
    value: float
    x: float
    width: float
    label: str
    show_label: bool
    label_x: float = 0


@dataclass
class BarRow:
    label: str
    value_text: str
    label_y: float
    bar_y: float
    value_x: float
    value_y: float
    segments: list[Segment]
    cells: list[str]


@dataclass(frozen=True)
class Shape:
    """All bars of one series: one path, filled with the series' colour or pattern."""

    series: Series
    fill: str
    path: str


@dataclass
class BarChart:
    id: str
    caption: str
    series: list[Series]
    rows: list[BarRow]
    table_head: list[str]
    label_heading: str = ""
    width: int = WIDTH
    height: int = 0
    bar_height: int = BAR_HEIGHT
    show_legend: bool = False
    kind: str = "bars"
    patterns: list[Series] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    # (x, y, text) of the numbers inside stacked segments (drawn with a white halo)
    labelled_segments: list[tuple[float, float, str]] = field(default_factory=list)
    # right to left: bars from the right edge (see the module's docstring)
    rtl: bool = False


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _fill(chart_id: str, series: Series) -> str:
    return f"url(#{chart_id}-pattern-{series.key})" if series.pattern else series.colour


def bar_chart(
    chart_id: str,
    caption: str,
    rows: list[tuple[str, list[float], str]],
    series: list[Series],
    *,
    maximum: float | None = None,
    label_heading: str = "",
    value_heading: str = "",
) -> BarChart:
    """Horizontal bars, one per row, stacked when there is more than one series.

    ``rows`` holds (label, one value per series, text shown after the bar). ``maximum``
    fixes the scale (100 for percentages); by default the longest bar fills the width.
    """
    largest = maximum or max((sum(values) for _label, values, _text in rows), default=0) or 1
    rtl = translation.get_language_bidi()

    def place(x: float, width: float = 0) -> float:
        """Where something from x to x + width lies, measured from the left edge."""
        return coordinate(WIDTH - x - width if rtl else x)

    chart_rows = []
    for index, (label, values, value_text) in enumerate(rows):
        top = index * ROW_HEIGHT
        bar_y = top + 22
        x = 0.0
        segments = []
        for one_series, value in zip(series, values, strict=True):
            width = BAR_AREA * value / largest
            text = _number(value)
            label_width = LABEL_CHAR_WIDTH * len(text) + 8
            segment = Segment(
                series=one_series,
                value=value,
                x=place(x, width),
                width=coordinate(width),
                label=text,
                # Stacked segments carry their own number when it fits; the total follows
                # the bar, and the table always has every number.
                show_label=len(series) > 1 and value > 0 and width >= label_width + 4,
                label_x=place(x + width / 2),
            )
            segments.append(segment)
            x += width
        cells = [_number(value) for value in values] if len(series) > 1 else []
        chart_rows.append(
            BarRow(
                label=label,
                value_text=value_text,
                label_y=top + 16,
                bar_y=bar_y,
                value_x=place(x + 6),
                value_y=bar_y + 17,
                segments=segments,
                cells=[*cells, value_text],
            )
        )
    head = [one.label for one in series] if len(series) > 1 else []
    shapes = [
        Shape(
            one_series,
            _fill(chart_id, one_series),
            "".join(
                _rectangle(row.segments[index].x, row.bar_y, row.segments[index].width, BAR_HEIGHT)
                for row in chart_rows
                if row.segments[index].value
            ),
        )
        for index, one_series in enumerate(series)
    ]
    return BarChart(
        id=chart_id,
        caption=caption,
        series=series,
        rows=chart_rows,
        table_head=[*head, value_heading],
        label_heading=label_heading,
        height=max(len(chart_rows), 1) * ROW_HEIGHT,
        show_legend=len(series) > 1,
        patterns=[one for one in series if one.pattern],
        shapes=shapes,
        labelled_segments=[
            (segment.label_x, row.value_y, segment.label)
            for row in chart_rows
            for segment in row.segments
            if segment.show_label
        ],
        rtl=rtl,
    )


@dataclass
class Column:
    label: str
    sublabel: str
    value: int
    x: float
    y: float
    width: float
    height: float
    centre: float
    value_y: float


@dataclass
class ColumnChart:
    id: str
    caption: str
    columns: list[Column]
    table_head: list[str]
    width: int = WIDTH
    height: int = COLUMN_CHART_HEIGHT
    baseline: int = COLUMN_PLOT_TOP + COLUMN_PLOT_HEIGHT
    label_y: int = COLUMN_PLOT_TOP + COLUMN_PLOT_HEIGHT + 20
    sublabel_y: int = COLUMN_PLOT_TOP + COLUMN_PLOT_HEIGHT + 38
    colour: str = OKABE_ITO["blue"]
    kind: str = "columns"
    table_rows: list[tuple[str, int]] = field(default_factory=list)
    path: str = ""  # every column with a value, as one path


def column_chart(
    chart_id: str,
    caption: str,
    points: list[tuple[str, str, str, int]],
    *,
    value_heading: str,
    label_heading: str,
) -> ColumnChart:
    """Vertical columns in order (a time series); ``points`` are (short label, sublabel,
    full label for the table, value)."""
    largest = max((value for *_labels, value in points), default=0) or 1
    slot = WIDTH / max(len(points), 1)
    width = slot * 0.64
    columns = []
    for index, (label, sublabel, _full, value) in enumerate(points):
        height = COLUMN_PLOT_HEIGHT * value / largest
        x = index * slot + (slot - width) / 2
        y = COLUMN_PLOT_TOP + COLUMN_PLOT_HEIGHT - height
        columns.append(
            Column(
                label=label,
                sublabel=sublabel,
                value=value,
                x=coordinate(x),
                y=coordinate(y),
                width=coordinate(width),
                height=coordinate(height),
                centre=coordinate(x + width / 2),
                value_y=coordinate(y - 6),
            )
        )
    return ColumnChart(
        id=chart_id,
        caption=caption,
        columns=columns,
        table_head=[label_heading, value_heading],
        table_rows=[(full, value) for _l, _s, full, value in points],
        path="".join(
            _rectangle(column.x, column.y, column.width, column.height)
            for column in columns
            if column.value
        ),
    )
