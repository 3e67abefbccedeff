"""Server-side SVG charts: Python computes the numbers and the geometry, templates draw them.

No JavaScript and no chart library: a bar is a rectangle whose width is its share of the
largest bar. Every chart also carries the data for a table and a one-sentence text
alternative, so nothing depends on seeing the picture or its colours. Colours come from the
Okabe-Ito palette (distinguishable with the common colour-vision deficiencies); series also
get a pattern, so they stay apart in black-and-white print.
"""

from dataclasses import dataclass, field

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
# Patterns drawn over the colour (see templates/initiatives/overviews/chart_patterns.html).
PATTERNS = ("diagonal", "dots", "cross", "horizontal", "")

WIDTH = 640
BAR_AREA = 470  # the rest is room after the longest bar for its number
ROW_HEIGHT = 52  # a label line above each bar, then the bar
BAR_HEIGHT = 24
LABEL_CHAR_WIDTH = 8  # rough width of a digit at 13px, to decide whether a number fits
COLUMN_CHART_HEIGHT = 230
COLUMN_PLOT_TOP = 24
COLUMN_PLOT_HEIGHT = 150


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
    badge_x: float = 0
    badge_width: float = 0
    label_x: float = 0


@dataclass
class BarRow:
    label: str
    value_text: str
    label_y: float
    bar_y: float
    value_x: float
    value_y: float
    badge_y: float
    segments: list[Segment]
    cells: list[str]


@dataclass
class BarChart:
    id: str
    caption: str
    summary: str
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


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


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
    chart_rows = []
    for index, (label, values, value_text) in enumerate(rows):
        top = index * ROW_HEIGHT
        bar_y = top + 22
        x = 0.0
        segments = []
        for one_series, value in zip(series, values, strict=True):
            width = BAR_AREA * value / largest
            text = _number(value)
            badge_width = LABEL_CHAR_WIDTH * len(text) + 8
            segment = Segment(
                series=one_series,
                value=value,
                x=round(x, 1),
                width=round(width, 1),
                label=text,
                # Stacked segments carry their own number when it fits; the total follows
                # the bar, and the table and text alternative always have every number.
                show_label=len(series) > 1 and value > 0 and width >= badge_width + 4,
                badge_x=round(x + (width - badge_width) / 2, 1),
                badge_width=badge_width,
                label_x=round(x + width / 2, 1),
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
                value_x=round(x + 6, 1),
                value_y=bar_y + 17,
                badge_y=bar_y + 4,
                segments=segments,
                cells=[*cells, value_text],
            )
        )
    head = [one.label for one in series] if len(series) > 1 else []
    return BarChart(
        id=chart_id,
        caption=caption,
        summary=_summary(caption, chart_rows),
        series=series,
        rows=chart_rows,
        table_head=[*head, value_heading],
        label_heading=label_heading,
        height=max(len(chart_rows), 1) * ROW_HEIGHT,
        show_legend=len(series) > 1,
        patterns=[one for one in series if one.pattern],
    )


def _summary(caption: str, rows: list[BarRow]) -> str:
    parts = []
    for row in rows:
        details = ", ".join(
            f"{segment.series.label} {segment.label}"
            for segment in row.segments
            if len(row.segments) > 1
        )
        parts.append(f"{row.label}: {row.value_text}" + (f" ({details})" if details else ""))
    return f"{caption}. " + "; ".join(parts) + "." if parts else f"{caption}."


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
    summary: str
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


def column_chart(
    chart_id: str,
    caption: str,
    points: list[tuple[str, str, str, int]],
    *,
    value_heading: str,
    label_heading: str,
) -> ColumnChart:
    """Vertical columns in order (a time series); ``points`` are (short label, sublabel,
    full label for the table and text alternative, value)."""
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
                x=round(x, 1),
                y=round(y, 1),
                width=round(width, 1),
                height=round(height, 1),
                centre=round(x + width / 2, 1),
                value_y=round(y - 6, 1),
            )
        )
    summary = f"{caption}. " + "; ".join(f"{full}: {value}" for _l, _s, full, value in points) + "."
    return ColumnChart(
        id=chart_id,
        caption=caption,
        summary=summary,
        columns=columns,
        table_head=[label_heading, value_heading],
        table_rows=[(full, value) for _l, _s, full, value in points],
    )
