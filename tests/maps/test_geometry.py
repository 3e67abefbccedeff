import pytest

from maps.geometry import douglas_peucker, simplify, simplify_ring, wgs84_to_rd


@pytest.mark.parametrize(
    ("longitude", "latitude", "x", "y"),
    [
        (5.38720621, 52.15517440, 155000, 463000),  # Amersfoort, the origin of RD
        (4.88353, 52.37453, 120700, 487525),  # the Westertoren, Amsterdam (RD to about a metre)
    ],
)
def test_wgs84_to_rd_agrees_with_known_points_to_a_few_metres(longitude, latitude, x, y):
    rd_x, rd_y = wgs84_to_rd(longitude, latitude)
    assert abs(rd_x - x) < 3
    assert abs(rd_y - y) < 3


def test_douglas_peucker_drops_points_within_the_tolerance_and_keeps_the_ends():
    line = [(0, 0), (5, 0.4), (10, 0), (15, 8), (20, 0)]
    assert douglas_peucker(line, 1) == [(0, 0), (10, 0), (15, 8), (20, 0)]


def test_a_ring_smaller_than_the_tolerance_vanishes():
    assert simplify_ring([(0, 0), (3, 0), (3, 3), (0, 0)], 10) is None


def test_simplify_keeps_holes_and_every_polygon_and_drops_vanishing_ones():
    square = [(0, 0), (100, 0), (100, 50), (100, 100), (0, 100), (0, 0)]
    hole = [(40, 40), (40, 60), (60, 60), (60, 40), (40, 40)]
    speck = [(500, 500), (502, 500), (502, 502), (500, 500)]
    result = simplify([[square, hole, speck], [speck]], 5)
    assert result == [[[(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)], hole]]
