"""The wijk map, server-side SVG: Python computes classes and paths, a template draws them.

Like ``initiatives.charts``: no JavaScript, no map library, no tiles. The outlines are RD
New metres (maps.models), so the picture is a plain scaling of them, north up. Two kinds:

- the **choropleth** of all wijken (the comparison page): one figure of ``FIGURES``
  (``?kaart=KEY``), five classes of a ColorBrewer sequential single-hue scale ("Blues",
  safe for the common colour-vision deficiencies and in grey print: lightness alone orders
  them), a legend with each class's range and number of wijken in text, every wijk a link
  whose name says its value;
- the **locator** on a wijk's page: the wijk among the wijken around it, each a link.

The text alternative is the table of values under the map (and the page's own tables).
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from initiatives.charts import coordinate
from initiatives.figures import FIGURE_BY_KEY, Figure, Format, WijkFigures, share

# ColorBrewer 2.0, "Blues", 5 classes (Cynthia Brewer, colorbrewer2.org): light to dark.
CLASSES = 5
WIDTH = 640
MAX_HEIGHT = 560
PADDING = 4
DEFAULT_KEYS = ("initiatives_per_1000", "total")
# Around a wijk on its page: this share of its larger side, at least this many metres.
LOCATOR_MARGIN, LOCATOR_MIN_MARGIN = 0.35, 400


@dataclass(frozen=True)
class Area:
    name: str
    url: str
    path: str
    css_class: str
    label: str  # the link's accessible name and its <title>
    current: bool = False


@dataclass(frozen=True)
class LegendItem:
    css_class: str
    text: str


@dataclass
class WijkMap:
    id: str
    caption: str
    width: int
    height: int
    areas: list[Area]
    legend: list[LegendItem]
    kind: str = "choropleth"
    figure: Figure | None = None
    # (wijk, value) for the table under the map, in the page's order
    rows: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # wijken with no boundary


def mappable_figures() -> list[Figure]:
    """The figures the map can show: every figure with a label of its own."""
    return [figure for figure in FIGURE_BY_KEY.values() if figure.label or figure.page_label]


def figure_label(figure: Figure) -> str:
    return str(figure.label or figure.page_label)


def chosen_figure(key: str | None, rows: Iterable[WijkFigures] = ()) -> Figure:
    """``?kaart=KEY`` if it names a figure the map can show; else the default, quietly.

    The default is the first of ``DEFAULT_KEYS`` that some wijk of ``rows`` has a value for:
    per 1,000 residents once the municipality imported its population, else the count.
    """
    keys = {figure.key for figure in mappable_figures()}
    if key in keys:
        return FIGURE_BY_KEY[key]
    defaults = [FIGURE_BY_KEY[key] for key in DEFAULT_KEYS if key in FIGURE_BY_KEY]
    rows = list(rows)
    for figure in defaults[:-1]:
        if any(row.figures.get(figure.key) is not None for row in rows):
            return figure
    return defaults[-1]


def _number(row: WijkFigures, figure: Figure) -> float | None:
    """The value to colour by: counts and amounts without data are 0, unknown stays None."""
    value = row.figures.get(figure.key)
    if value is None:
        return 0.0 if figure.format in (Format.COUNT, Format.EURO) else None
    return float(value)


def _text(row: WijkFigures, figure: Figure) -> str:
    """The value as the pages write it; a share without its "(x van y)" in the legend."""
    if figure.format == Format.SHARE:
        return share(row.figures.get(figure.key))
    return row.display(figure, _("geen gegevens"))


def _classes(values: list[float]) -> list[tuple[float, float]]:
    """Up to five (low, high) class bounds: one per value when there are few distinct
    values, else five equal intervals from the lowest to the highest."""
    distinct = sorted(set(values))
    if len(distinct) <= CLASSES:
        return [(value, value) for value in distinct]
    low, high = distinct[0], distinct[-1]
    step = (high - low) / CLASSES
    return [(low + step * index, low + step * (index + 1)) for index in range(CLASSES)]


def _class_of(value: float, bounds: list[tuple[float, float]]) -> int:
    for index, (_low, high) in enumerate(bounds):
        if value <= high:
            return index
    return len(bounds) - 1


def _colour_step(index: int, count: int) -> int:
    """Spread fewer classes over the whole scale (two classes: lightest and darkest)."""
    return 3 if count == 1 else 1 + round(index * (CLASSES - 1) / (count - 1))


class _Frame:
    """RD metres to the picture's pixels: north up, the box scaled to fit WIDTH by MAX_HEIGHT."""

    def __init__(self, box: tuple[float, float, float, float]) -> None:
        self.min_x, self.min_y, self.max_x, self.max_y = box
        span_x = max(self.max_x - self.min_x, 1)
        span_y = max(self.max_y - self.min_y, 1)
        self.scale = min((WIDTH - 2 * PADDING) / span_x, (MAX_HEIGHT - 2 * PADDING) / span_y)
        self.width = round(span_x * self.scale) + 2 * PADDING
        self.height = round(span_y * self.scale) + 2 * PADDING

    def path(self, outline: str) -> str:
        parts = []
        for polygon in json.loads(outline):
            for ring in polygon:
                points = [
                    f"{coordinate((x - self.min_x) * self.scale + PADDING)} "
                    f"{coordinate((self.max_y - y) * self.scale + PADDING)}"
                    for x, y in zip(ring[::2], ring[1::2], strict=True)
                ]
                parts.append("M" + " ".join(points[:-1]) + "Z")
        return "".join(parts)


def _wijken(count: int) -> str:
    return ngettext("(%(count)s wijk)", "(%(count)s wijken)", count) % {"count": count}


def _url(slug: str) -> str:
    return reverse("initiatives:neighbourhood", kwargs={"slug": slug})


def choropleth(
    rows: Iterable[WijkFigures], boundaries: dict[int, dict], figure: Figure
) -> WijkMap | None:
    """All wijken coloured by ``figure``; None when no wijk has a boundary.

    ``boundaries``: per wijk id a dict with ``outline`` and the bbox (``min_x``, ...).
    """
    rows = list(rows)
    mapped = [row for row in rows if row.neighbourhood.pk in boundaries]
    if not mapped:
        return None
    frame = _Frame(
        (
            min(boundaries[row.neighbourhood.pk]["min_x"] for row in mapped),
            min(boundaries[row.neighbourhood.pk]["min_y"] for row in mapped),
            max(boundaries[row.neighbourhood.pk]["max_x"] for row in mapped),
            max(boundaries[row.neighbourhood.pk]["max_y"] for row in mapped),
        )
    )
    label = figure_label(figure)
    bounds = _classes([value for row in mapped if (value := _number(row, figure)) is not None])
    members: dict[int, list[WijkFigures]] = {index: [] for index in range(len(bounds))}
    areas = []
    for row in mapped:
        value = _number(row, figure)
        if value is None:
            css_class = "wijk-map__area--none"
        else:
            index = _class_of(value, bounds)
            members[index].append(row)
            css_class = f"wijk-map__area--{_colour_step(index, len(bounds))}"
        name = row.neighbourhood.name
        areas.append(
            Area(
                name=name,
                url=_url(row.neighbourhood.slug),
                path=frame.path(boundaries[row.neighbourhood.pk]["outline"]),
                css_class=css_class,
                label=f"{name}: {_text(row, figure)} ({label})",
            )
        )
    legend = []
    for index, wijken in members.items():
        if not wijken:
            continue
        ordered = sorted(wijken, key=lambda row: _number(row, figure))
        low, high = _text(ordered[0], figure), _text(ordered[-1], figure)
        text = low if low == high else _("%(low)s tot en met %(high)s") % {"low": low, "high": high}
        text += " " + _wijken(len(wijken))
        legend.append(LegendItem(f"wijk-map__area--{_colour_step(index, len(bounds))}", text))
    unknown = [row for row in mapped if _number(row, figure) is None]
    if unknown:
        legend.append(
            LegendItem(
                "wijk-map__area--none",
                _("Geen gegevens") + " " + _wijken(len(unknown)),
            )
        )
    return WijkMap(
        id="kaart",
        caption=_("Kaart: %(figure)s per wijk") % {"figure": label},
        width=frame.width,
        height=frame.height,
        areas=areas,
        legend=legend,
        figure=figure,
        rows=[(row.neighbourhood.name, _text(row, figure)) for row in mapped],
        missing=[row.neighbourhood.name for row in rows if row.neighbourhood.pk not in boundaries],
    )


def locator(wijk, boundaries: list[dict]) -> WijkMap | None:
    """The wijk among the wijken around it; None when it has no boundary.

    ``boundaries``: dicts with ``neighbourhood_id``, ``slug``, ``name``, ``outline`` and the bbox.
    """
    own = next((one for one in boundaries if one["neighbourhood_id"] == wijk.pk), None)
    if own is None:
        return None
    margin = max(
        LOCATOR_MIN_MARGIN,
        LOCATOR_MARGIN * max(own["max_x"] - own["min_x"], own["max_y"] - own["min_y"]),
    )
    box = (
        own["min_x"] - margin,
        own["min_y"] - margin,
        own["max_x"] + margin,
        own["max_y"] + margin,
    )
    frame = _Frame(box)
    around = [
        one
        for one in boundaries
        if one is not own
        and one["min_x"] <= box[2]
        and one["max_x"] >= box[0]
        and one["min_y"] <= box[3]
        and one["max_y"] >= box[1]
    ]
    areas = [
        Area(
            name=one["name"],
            url=_url(one["slug"]),
            path=frame.path(one["outline"]),
            css_class="wijk-map__area--other",
            label=one["name"],
        )
        for one in sorted(around, key=lambda one: one["name"].lower())
    ]
    areas.append(
        Area(
            name=wijk.name,
            url=_url(wijk.slug),
            path=frame.path(own["outline"]),
            css_class="wijk-map__area--current",
            label=_("%(wijk)s (deze wijk)") % {"wijk": wijk.name},
            current=True,
        )
    )
    legend = [
        LegendItem("wijk-map__area--current", _("%(wijk)s (deze wijk)") % {"wijk": wijk.name})
    ]
    if around:
        legend.append(LegendItem("wijk-map__area--other", _("Wijken eromheen")))
    return WijkMap(
        id="kaart",
        caption=_("Waar ligt %(wijk)s?") % {"wijk": wijk.name},
        width=frame.width,
        height=frame.height,
        areas=areas,
        legend=legend,
        kind="locator",
        rows=[],
    )
