"""Read wijk boundaries from GeoJSON (``import_areas --boundaries FILE``) and save them.

The file is a FeatureCollection of Polygon or MultiPolygon features, as PDOK and CBS
publish the wijk- en buurtkaart: in RD New (EPSG:28992) or in WGS84. The projection comes
from the ``crs`` member where there is one (an old GeoJSON habit that PDOK keeps), else from
the coordinates' ranges. Features are matched to wijken by their CBS code (``WK_CODE``,
``wijkcode`` or ``statcode``) and, failing that, by name (``WK_NAAM``, ``wijknaam`` or
``statnaam``). Features of another municipality (its ``GM_CODE``, or the code's digits)
are left out silently: the national file has thousands. Features of this municipality that
match no wijk are listed in the command's output and skipped; the matched ones are saved.
Anything wrong with the file or a matched feature's geometry stops the import before
anything is written.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.management.base import CommandError
from django.db import transaction

from maps import geometry
from maps.models import WijkBoundary
from neighbourhoods.management.commands.import_areas import gemeente_code, wijk_code
from neighbourhoods.models import Neighbourhood

DEFAULT_TOLERANCE = 10.0  # metres: a municipality of 15 km drawn 640 px wide is ~25 m a pixel
CODE_KEYS = ("wk_code", "wijkcode", "statcode")
NAME_KEYS = ("wk_naam", "wijknaam", "statnaam")
GEMEENTE_KEYS = ("gm_code", "gemeentecode")
RD_NAMES = ("EPSG:28992", "EPSG::28992")
WGS84_NAMES = ("EPSG:4326", "EPSG::4326", "CRS84", "EPSG:4258", "EPSG::4258")


@dataclass
class Outline:
    wijk: Neighbourhood
    polygons: list  # simplified, in whole RD metres (geometry.rounded)
    bbox: tuple[int, int, int, int]
    as_bbox: bool = False  # everything vanished under the tolerance: the bbox stands in


@dataclass
class BoundaryFile:
    features: int
    projection: str  # "RD New" or "WGS84"
    outlines: list[Outline] = field(default_factory=list)
    other_municipality: int = 0
    unmatched: list[str] = field(default_factory=list)  # "WK047999 Nergens" per feature


def _error(path: Path, message: str) -> CommandError:
    return CommandError(f"{path}: {message}")


def _properties(feature: dict) -> dict[str, str]:
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        return {}
    return {
        str(key).lower(): str(value).strip()
        for key, value in properties.items()
        if value is not None
    }


def _first(properties: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((properties[key] for key in keys if properties.get(key)), "")


def _polygons(path: Path, number: int, geometry_: object) -> list:
    """The feature's polygons as lists of rings of (x, y); refuses anything else."""
    if not isinstance(geometry_, dict) or geometry_.get("type") not in ("Polygon", "MultiPolygon"):
        kind = geometry_.get("type") if isinstance(geometry_, dict) else None
        raise _error(
            path,
            f"feature {number}: the geometry is {kind or 'missing'}, not a Polygon or MultiPolygon",
        )
    coordinates = geometry_.get("coordinates")
    polygons = [coordinates] if geometry_["type"] == "Polygon" else coordinates
    try:
        result = [
            [[(float(point[0]), float(point[1])) for point in ring] for ring in polygon]
            for polygon in polygons
        ]
    except (TypeError, ValueError, IndexError, KeyError) as error:
        raise _error(path, f"feature {number}: malformed coordinates") from error
    if not result or any(
        not polygon or any(len(ring) < 4 for ring in polygon) for polygon in result
    ):
        raise _error(path, f"feature {number}: a ring needs at least four points")
    return result


def _projection(path: Path, collection: dict, points: list) -> str:
    crs = collection.get("crs")
    if crs is not None:
        name = (
            str(((crs or {}).get("properties") or {}).get("name", ""))
            if isinstance(crs, dict)
            else ""
        )
        upper = name.upper()
        if any(upper.endswith(one) for one in RD_NAMES):
            projection = "RD New"
        elif any(upper.endswith(one) for one in WGS84_NAMES):
            projection = "WGS84"
        else:
            raise _error(
                path, f"unknown projection {name or crs!r}; use RD New (EPSG:28992) or WGS84"
            )
    elif geometry.within(points, geometry.WGS84_BOUNDS):
        projection = "WGS84"
    elif geometry.within(points, geometry.RD_BOUNDS):
        projection = "RD New"
    else:
        raise _error(
            path,
            "unknown projection: no crs member, and the coordinates are neither WGS84 "
            "(longitude, latitude in the Netherlands) nor RD New metres",
        )
    bounds = geometry.WGS84_BOUNDS if projection == "WGS84" else geometry.RD_BOUNDS
    if not geometry.within(points, bounds):
        raise _error(path, f"coordinates outside the Netherlands for {projection}")
    return projection


def read_boundaries(
    path: Path, gemeente: str, tolerance: float = DEFAULT_TOLERANCE
) -> BoundaryFile:
    """Parse, match and simplify; nothing is written. ``gemeente`` is like "GM0479"."""
    try:
        collection = json.loads(path.read_bytes())
    except OSError as error:
        raise _error(path, f"cannot read the file: {error.strerror or error}") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise _error(path, f"not a JSON file ({error})") from error
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise _error(path, "not a GeoJSON FeatureCollection")
    features = collection.get("features")
    if not isinstance(features, list) or not features:
        raise _error(path, "the FeatureCollection has no features")

    wijken = list(Neighbourhood.objects.all())
    by_code = {wijk.cbs_code: wijk for wijk in wijken if wijk.cbs_code}
    by_name: dict[str, list[Neighbourhood]] = {}
    for wijk in wijken:
        by_name.setdefault(" ".join(wijk.name.split()).lower(), []).append(wijk)

    result = BoundaryFile(features=len(features), projection="")
    wanted: list[tuple[int, Neighbourhood, list]] = []
    matched_at: dict[int, int] = {}
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise _error(path, f"feature {number} is not a GeoJSON Feature")
        properties = _properties(feature)
        code = wijk_code(_first(properties, CODE_KEYS)) if _first(properties, CODE_KEYS) else None
        own_gemeente = _first(properties, GEMEENTE_KEYS)
        if (own_gemeente and gemeente_code(own_gemeente) != gemeente) or (
            code and code[2:6] != gemeente[2:]
        ):
            result.other_municipality += 1
            continue
        name = " ".join(_first(properties, NAME_KEYS).split())
        wijk = by_code.get(code) if code else None
        if wijk is None and name and len(by_name.get(name.lower(), [])) == 1:
            wijk = by_name[name.lower()][0]
        if wijk is None:
            result.unmatched.append(" ".join(filter(None, (code, name))) or f"feature {number}")
            continue
        if wijk.pk in matched_at:
            raise _error(
                path, f"feature {number} is for {wijk.name}, as is feature {matched_at[wijk.pk]}"
            )
        matched_at[wijk.pk] = number
        wanted.append((number, wijk, _polygons(path, number, feature.get("geometry"))))
    if not wanted:
        raise _error(
            path,
            f"no feature matches a wijk of {gemeente} in the database"
            + (f" (not matched: {', '.join(result.unmatched[:20])})" if result.unmatched else ""),
        )

    points = [
        point
        for _n, _w, polygons in wanted
        for polygon in polygons
        for ring in polygon
        for point in ring
    ]
    result.projection = _projection(path, collection, points)
    project: Callable = (
        geometry.wgs84_to_rd if result.projection == "WGS84" else (lambda x, y: (x, y))
    )
    for _number, wijk, polygons in wanted:
        rd = [[[project(x, y) for x, y in ring] for ring in polygon] for polygon in polygons]
        box = tuple(round(value) for value in geometry.bbox(rd))
        simplified = geometry.simplify(rd, tolerance)
        outline = Outline(wijk, geometry.rounded(simplified or [geometry.bbox_polygon(box)]), box)
        outline.as_bbox = not simplified
        result.outlines.append(outline)
    return result


def save_boundaries(outlines: list[Outline], now: datetime) -> tuple[int, int]:
    """Replace the boundaries of these wijken (other wijken keep theirs): (created, changed)."""
    with transaction.atomic():
        existing = set(
            WijkBoundary.objects.filter(
                neighbourhood__in=[one.wijk for one in outlines]
            ).values_list("neighbourhood_id", flat=True)
        )
        WijkBoundary.objects.filter(neighbourhood_id__in=existing).delete()
        WijkBoundary.objects.bulk_create(
            WijkBoundary(
                neighbourhood=one.wijk,
                outline=json.dumps(one.polygons, separators=(",", ":")),
                min_x=one.bbox[0],
                min_y=one.bbox[1],
                max_x=one.bbox[2],
                max_y=one.bbox[3],
                imported_at=now,
            )
            for one in outlines
        )
    return len(outlines) - len(existing), len(existing)
