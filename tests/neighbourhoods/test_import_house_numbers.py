"""import_areas keeps the house-number ranges of PC6s that lie in more than one wijk."""

import pytest

from neighbourhoods.management.commands.import_areas import number_ranges
from neighbourhoods.models import HouseNumberRange, Neighbourhood
from tests.factories import NeighbourhoodFactory, PostcodeAreaFactory

from .test_import_areas import WIJKEN, run, write

pytestmark = pytest.mark.django_db

# 1506AB: 1-5 in Zaandam-Zuid, 7-11 in Poelenburg, 13 in Zaandam-Zuid again; 1506AC in one.
POSTCODES = """\
PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024
1506AB;1;4790101;47901;479
1506AB;3;4790101;47901;479
1506AB;5;4790101;47901;479
1506AB;7;4790201;47902;479
1506AB;9;4790201;47902;479
1506AB;11;4790201;47902;479
1506AB;13;4790101;47901;479
1506AC;2;4790201;47902;479
1506AC;4;4790201;47902;479
"""


def ranges() -> list[tuple[str, int, int, str]]:
    return list(
        HouseNumberRange.objects.values_list("postcode", "first", "last", "neighbourhood__cbs_code")
    )


def test_runs_of_numbers_in_one_wijk_become_ranges():
    assert number_ranges([(3, "B"), (1, "A"), (2, "A"), (9, "A"), (1, "A")]) == [
        (1, 2, "A"),
        (3, 3, "B"),
        (9, 9, "A"),
    ]


def test_a_pc6_in_two_wijken_keeps_its_ranges_and_a_pc6_in_one_none(tmp_path):
    out = run(
        "--gemeente",
        "GM0479",
        "--wijken",
        str(write(tmp_path, "wijken.csv", WIJKEN)),
        "--postcodes",
        str(write(tmp_path, "postcodes.csv", POSTCODES)),
    )
    assert ranges() == [
        ("1506AB", 1, 5, "WK047901"),
        ("1506AB", 7, 11, "WK047902"),
        ("1506AB", 13, 13, "WK047901"),
    ]
    assert "their house-number ranges: 3" in out
    zuid, poelenburg = Neighbourhood.objects.order_by("cbs_code")
    assert Neighbourhood.objects.for_address("1506 ab", 9) == poelenburg
    assert Neighbourhood.objects.for_address("1506AB", 13) == zuid
    # Not in the file: the PC6's wijk (most house numbers) answers.
    assert Neighbourhood.objects.for_address("1506AB", 6) == zuid
    assert Neighbourhood.objects.for_address("1506AC", 4) == poelenburg


def test_a_rerun_replaces_the_ranges(tmp_path):
    wijken = str(write(tmp_path, "wijken.csv", WIJKEN))
    run(
        "--gemeente",
        "GM0479",
        "--wijken",
        wijken,
        "--postcodes",
        str(write(tmp_path, "a.csv", POSTCODES)),
    )
    moved = POSTCODES.replace("1506AB;13;4790101;47901", "1506AB;13;4790201;47902")
    run(
        "--gemeente",
        "GM0479",
        "--wijken",
        wijken,
        "--postcodes",
        str(write(tmp_path, "b.csv", moved)),
    )
    assert ranges() == [("1506AB", 1, 5, "WK047901"), ("1506AB", 7, 13, "WK047902")]


def test_a_file_without_house_numbers_keeps_no_ranges(tmp_path):
    without = "\n".join(
        ";".join(value for index, value in enumerate(line.split(";")) if index != 1)
        for line in POSTCODES.splitlines()
    )
    run(
        "--gemeente",
        "GM0479",
        "--wijken",
        str(write(tmp_path, "wijken.csv", WIJKEN)),
        "--postcodes",
        str(write(tmp_path, "postcodes.csv", without + "\n")),
    )
    assert ranges() == []


def test_for_address_falls_back_to_the_pc4():
    wijk = NeighbourhoodFactory()
    PostcodeAreaFactory(postcode="1507", neighbourhood=wijk)
    assert Neighbourhood.objects.for_address("1507 XY", 1) == wijk
    assert Neighbourhood.objects.for_address("nonsense", 1) is None
