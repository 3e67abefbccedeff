"""``import_areas --boundaries FILE``: GeoJSON in RD New or WGS84, matched, simplified."""

import json

import pytest
from django.core.management import CommandError

from maps.geometry import wgs84_to_rd
from maps.models import WijkBoundary
from tests.factories import NeighbourhoodFactory
from tests.maps.conftest import RD_FILE, WGS84_FILE, import_boundaries

pytestmark = pytest.mark.django_db


def write(tmp_path, content) -> str:
    path = tmp_path / "kaart.geojson"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def square(code, name, x, y, size=1000, **properties):
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {
        "type": "Feature",
        "properties": {"statcode": code, "statnaam": name, **properties},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def collection(*features, crs="EPSG:28992"):
    data = {"type": "FeatureCollection", "features": list(features)}
    if crs:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    return data


def test_imports_rd_new_boundaries_matched_by_code_with_holes_and_multipolygons(coded_wijken):
    poelenburg, kogerveld, driehoek = coded_wijken
    output = import_boundaries(RD_FILE)

    assert WijkBoundary.objects.count() == 3
    outer, hole = poelenburg.boundary.polygons()[0]
    # The 3-metre bump and the point on a straight edge are gone (tolerance 10 m).
    assert outer == [
        (116000, 494000),
        (117000, 494000),
        (117000, 495000),
        (116000, 495000),
        (116000, 494000),
    ]
    assert len(hole) == 5
    assert len(driehoek.boundary.polygons()) == 2
    boundary = WijkBoundary.objects.get(neighbourhood=kogerveld)
    assert (boundary.min_x, boundary.min_y, boundary.max_x, boundary.max_y) == (
        117000,
        494000,
        118000,
        495000,
    )
    assert "5 features in RD New, 1 of other municipalities" in output
    assert "Boundaries: 3 created, 0 replaced." in output
    assert "match no wijk, skipped: WK047999 Nergens." in output


def test_detects_wgs84_from_the_coordinates_and_matches_by_name(coded_wijken):
    poelenburg, kogerveld, _driehoek = coded_wijken
    kogerveld.cbs_code = ""
    kogerveld.save(update_fields=["cbs_code"])
    output = import_boundaries(WGS84_FILE)

    assert "2 features in WGS84" in output
    boundary = WijkBoundary.objects.get(neighbourhood=poelenburg)
    # RD's grid is turned a little against the meridians: the bbox takes the lowest corner.
    corners = [wgs84_to_rd(lon, lat) for lon in (4.80, 4.81) for lat in (52.43, 52.44)]
    assert abs(boundary.min_x - min(x for x, _y in corners)) <= 1
    assert abs(boundary.min_y - min(y for _x, y in corners)) <= 1
    assert WijkBoundary.objects.filter(neighbourhood=kogerveld).exists()


def test_a_second_import_replaces_the_boundaries_of_the_wijken_in_the_file(boundaries, tmp_path):
    poelenburg, kogerveld, _driehoek = boundaries
    output = import_boundaries(
        write(tmp_path, collection(square("WK047901", "Poelenburg", 100000, 400000)))
    )

    assert "0 created, 1 replaced" in output
    assert WijkBoundary.objects.get(neighbourhood=poelenburg).min_x == 100000
    assert WijkBoundary.objects.get(neighbourhood=kogerveld).min_x == 117000


def test_a_wijk_smaller_than_the_tolerance_is_kept_as_its_rectangle(coded_wijken, tmp_path):
    poelenburg = coded_wijken[0]
    output = import_boundaries(
        write(tmp_path, collection(square("WK047901", "Poelenburg", 116000, 494000, size=5))),
        "--tolerance", "20",
    )  # fmt: skip
    assert "kept as a rectangle: Poelenburg" in output
    assert poelenburg.boundary.polygons() == [
        [[(116000, 494000), (116005, 494000), (116005, 494005), (116000, 494005), (116000, 494000)]]
    ]


def test_wijken_and_their_boundaries_come_in_one_run(tmp_path, db):
    wijken = tmp_path / "wijken.csv"
    wijken.write_text("WK_CODE;WK_NAAM;GM_CODE\nWK047901;Poelenburg;GM0479\n", encoding="utf-8")
    import_boundaries(
        write(tmp_path, collection(square("WK047901", "Poelenburg", 116000, 494000))),
        "--wijken",
        str(wijken),
    )
    assert WijkBoundary.objects.get().neighbourhood.name == "Poelenburg"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a JSON file"),
        ({"type": "Feature"}, "not a GeoJSON FeatureCollection"),
        ({"type": "FeatureCollection", "features": []}, "has no features"),
        (
            collection(square("WK047901", "Poelenburg", 116000, 494000), crs="EPSG:3857"),
            "unknown projection 'EPSG:3857'",
        ),
        (collection(square("WK047901", "Poelenburg", 5e6, 5e6), crs=None), "unknown projection"),
        (collection(square("WK047901", "Poelenburg", 900000, 494000)), "outside the Netherlands"),
        (
            collection(square("WK047999", "Nergens", 116000, 494000)),
            "no feature matches a wijk of GM0479 in the database (not matched: WK047999 Nergens)",
        ),
        (
            collection(
                {
                    "type": "Feature",
                    "properties": {"statcode": "WK047901"},
                    "geometry": {"type": "Point", "coordinates": [1, 2]},
                }
            ),
            "feature 1: the geometry is Point, not a Polygon or MultiPolygon",
        ),
        (
            collection(
                square("WK047901", "Poelenburg", 116000, 494000),
                square("WK047901", "Poelenburg", 117000, 494000),
            ),
            "feature 2 is for Poelenburg, as is feature 1",
        ),
        (
            collection(
                {
                    "type": "Feature",
                    "properties": {"statcode": "WK047901"},
                    "geometry": {"type": "Polygon", "coordinates": [[[1, 2], [3]]]},
                }
            ),
            "feature 1: malformed coordinates",
        ),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_is_written(
    boundaries, tmp_path, content, message
):
    before = list(WijkBoundary.objects.order_by("pk").values_list("pk", "outline"))
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_boundaries(write(tmp_path, content))
    assert list(WijkBoundary.objects.order_by("pk").values_list("pk", "outline")) == before


def test_a_bad_boundary_file_also_undoes_the_wijken_of_the_same_run(tmp_path, db):
    wijken = tmp_path / "wijken.csv"
    wijken.write_text("WK_CODE;WK_NAAM;GM_CODE\nWK047901;Poelenburg;GM0479\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no features"):
        import_boundaries(
            write(tmp_path, {"type": "FeatureCollection", "features": []}), "--wijken", str(wijken)
        )
    assert not NeighbourhoodFactory._meta.model.objects.filter(cbs_code="WK047901").exists()


def test_a_missing_file_and_a_bad_tolerance_are_refused(db, tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        import_boundaries(tmp_path / "weg.geojson")
    with pytest.raises(CommandError, match="--tolerance"):
        import_boundaries(RD_FILE, "--tolerance", "-1")
