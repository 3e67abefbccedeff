"""Plane geometry for wijk outlines, in pure Python: projection to RD New and simplification.

Outlines are kept in RD New (Rijksdriehoeksstelsel, EPSG:28992), the metres CBS and PDOK
publish the wijk- en buurtkaart in. A file in WGS84 (longitude, latitude) is converted with
the approximation formulas of Schreutelkamp and Strang van Hees ("Benaderingsformules voor
de transformatie tussen RD- en WGS84-kaartcoördinaten", 2001): within the Netherlands they
agree with the official RDNAPTRANS™ to about a metre, far below what a map on a page shows,
and need neither GDAL nor PROJ. (An equirectangular projection would be simpler still but
distorts by up to several hundred metres across a municipality, and would leave WGS84 and
RD files of the same wijken with different shapes.)

A polygon is a list of rings (the outer ring first, then its holes); a ring is a list of
(x, y) points whose last point equals the first. A wijk is a list of polygons.
"""

import itertools
from collections.abc import Iterable, Sequence

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]

# Amersfoort, the origin of RD New, in WGS84 degrees and RD metres.
_PHI0, _LAM0 = 52.15517440, 5.38720621
_X0, _Y0 = 155000.0, 463000.0
# (p, q, coefficient): X = X0 + Σ R·dφ^p·dλ^q and Y = Y0 + Σ S·dφ^p·dλ^q.
_R = (
    (0, 1, 190094.945),
    (1, 1, -11832.228),
    (2, 1, -114.221),
    (0, 3, -32.391),
    (1, 0, -0.705),
    (3, 1, -2.340),
    (1, 3, -0.608),
    (0, 2, -0.008),
    (2, 3, 0.148),
)
_S = (
    (1, 0, 309056.544),
    (0, 2, 3638.893),
    (2, 0, 73.077),
    (1, 2, -157.984),
    (3, 0, 59.788),
    (0, 1, 0.433),
    (2, 2, -6.439),
    (1, 1, -0.032),
    (0, 4, 0.092),
    (1, 4, -0.054),
)

# Where the formulas hold, and what RD New covers (with a margin for the sea and borders).
WGS84_BOUNDS = (2.5, 50.0, 7.5, 54.0)  # min longitude, min latitude, max longitude, max latitude
RD_BOUNDS = (-8000.0, 280000.0, 310000.0, 640000.0)  # min x, min y, max x, max y


def wgs84_to_rd(longitude: float, latitude: float) -> Point:
    """RD New metres of a WGS84 point (within the Netherlands)."""
    d_phi = 0.36 * (latitude - _PHI0)
    d_lam = 0.36 * (longitude - _LAM0)
    x = _X0 + sum(c * d_phi**p * d_lam**q for p, q, c in _R)
    y = _Y0 + sum(c * d_phi**p * d_lam**q for p, q, c in _S)
    return x, y


def within(points: Iterable[Sequence[float]], bounds: tuple[float, float, float, float]) -> bool:
    min_x, min_y, max_x, max_y = bounds
    return all(min_x <= x <= max_x and min_y <= y <= max_y for x, y, *_rest in points)


def _distance_to_segment(point: Point, start: Point, end: Point) -> float:
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    if not length:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Ramer-Douglas-Peucker on an open line: its ends stay, and every point that lies
    further than ``tolerance`` from the simplified line. Iterative: a long coastline must not
    hit Python's recursion limit."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        furthest, index = 0.0, 0
        for i in range(first + 1, last):
            distance = _distance_to_segment(points[i], points[first], points[last])
            if distance > furthest:
                furthest, index = distance, i
        if furthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: Sequence[Point], tolerance: float) -> Ring | None:
    """A closed ring simplified; None when it vanishes (fewer than three corners left).

    The ring is split at its first point and the point furthest from it, so that both
    halves are simplified as lines whose ends stay.
    """
    points = [tuple(point) for point in ring]
    if points[0] == points[-1]:
        points = points[:-1]
    if len(points) < 3:
        return None
    start = points[0]
    far = max(
        range(len(points)),
        key=lambda i: (points[i][0] - start[0]) ** 2 + (points[i][1] - start[1]) ** 2,
    )
    first = douglas_peucker([*points[: far + 1]], tolerance)
    second = douglas_peucker([*points[far:], start], tolerance)
    simplified = first[:-1] + second
    if len(simplified) < 4 or abs(ring_area(simplified)) <= tolerance * tolerance:
        return None
    return simplified


def ring_area(ring: Sequence[Point]) -> float:
    """Signed area by the shoelace formula (closed ring)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def simplify(polygons: list[Polygon], tolerance: float) -> list[Polygon]:
    """Every polygon simplified, holes and all; a polygon whose outer ring vanishes goes,
    and so does a vanishing hole. If every polygon vanishes, the caller keeps the bbox."""
    kept = []
    for polygon in polygons:
        outer = simplify_ring(polygon[0], tolerance)
        if outer is None:
            continue
        holes = [hole for hole in (simplify_ring(r, tolerance) for r in polygon[1:]) if hole]
        kept.append([outer, *holes])
    return kept


def bbox(polygons: list[Polygon]) -> tuple[float, float, float, float]:
    xs = [x for polygon in polygons for ring in polygon for x, _y in ring]
    ys = [y for polygon in polygons for ring in polygon for _x, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def bbox_polygon(box: tuple[float, float, float, float]) -> Polygon:
    min_x, min_y, max_x, max_y = box
    return [[(min_x, min_y), (max_x, min_y), (max_x, max_y), (min_x, max_y), (min_x, min_y)]]


def rounded(polygons: list[Polygon]) -> list[list[list[int]]]:
    """Whole metres, each ring as a flat list [x0, y0, x1, y1, ...] (what is stored)."""
    return [
        [[value for x, y in ring for value in (round(x), round(y))] for ring in polygon]
        for polygon in polygons
    ]
