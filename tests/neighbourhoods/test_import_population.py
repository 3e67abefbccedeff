"""import_areas --population: residents, households and the share aged 0-14 per wijk and year."""

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from neighbourhoods.models import Population
from tests.factories import NeighbourhoodFactory

KERNCIJFERS = """\
WK_CODE;WK_NAAM;GM_CODE;GM_NAAM;AANT_INW;AANT_HH;P_00_14_JR;P_15_24_JR
WK047901;Zaandam-Zuid;GM0479;Zaanstad;12345;5800;18;12
WK047902;Poelenburg;GM0479;Zaanstad;9876;.;23,5;14
WK047903;Kogerveld;GM0479;Zaanstad;-99999999;-99999999;-99999999;-99999999
WK036300;Burgwallen-Oude Zijde;GM0363;Amsterdam;4321;3000;5;10
"""


def write(directory: Path, text: str, name: str = "kerncijfers.csv") -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_areas", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def population() -> list[tuple]:
    return list(
        Population.objects.order_by("neighbourhood__cbs_code", "year").values_list(
            "neighbourhood__cbs_code",
            "year",
            "residents",
            "households",
            "share_children",
            "is_sample",
        )
    )


@pytest.fixture
def wijken(db):
    return [
        NeighbourhoodFactory(cbs_code="WK047901", slug="zaandam-zuid"),
        NeighbourhoodFactory(cbs_code="WK047902", slug="poelenburg"),
        NeighbourhoodFactory(cbs_code="WK047903", slug="kogerveld"),
    ]


def test_imports_residents_households_and_children_per_wijk_and_year(tmp_path, wijken):
    path = write(tmp_path, KERNCIJFERS)

    out = run("--gemeente", "479", "--population", str(path), "--year", "2024")

    # Poelenburg's households are unknown ("."), Kogerveld's residents too (-99999999):
    # no row for a wijk without residents; Amsterdam is another municipality.
    assert population() == [
        ("WK047901", 2024, 12345, 5800, Decimal("0.180"), False),
        ("WK047902", 2024, 9876, None, Decimal("0.235"), False),
    ]
    assert "2 wijken of GM0479 with residents (1 unknown); year 2024" in out
    assert "Population 2024: 2 created, 0 changed, 0 unchanged." in out


def test_a_second_year_adds_rows_and_a_rerun_changes_only_what_changed(tmp_path, wijken):
    run("--gemeente", "479", "--population", str(write(tmp_path, KERNCIJFERS)), "--year", "2024")
    run("--gemeente", "479", "--population", str(write(tmp_path, KERNCIJFERS)), "--year", "2023")
    changed = KERNCIJFERS.replace("12345;5800", "12400;5800")

    out = run("--gemeente", "479", "--population", str(write(tmp_path, changed)), "--year", "2024")

    assert "Population 2024: 0 created, 1 changed, 1 unchanged." in out
    assert [row[:3] for row in population()] == [
        ("WK047901", 2023, 12345),
        ("WK047901", 2024, 12400),
        ("WK047902", 2023, 9876),
        ("WK047902", 2024, 9876),
    ]


def test_sample_figures_are_marked(tmp_path, wijken):
    path = write(tmp_path, KERNCIJFERS)

    out = run("--gemeente", "479", "--population", str(path), "--year", "2024", "--sample")

    assert {row[-1] for row in population()} == {True}
    assert "Population 2024 (sample figures)" in out


def test_only_residents_are_required(tmp_path, wijken):
    path = write(tmp_path, "WK_CODE;GM_CODE;AANT_INW\nWK047901;GM0479;100\n")

    run("--gemeente", "479", "--population", str(path), "--year", "2024")

    assert population() == [("WK047901", 2024, 100, None, None, False)]


def test_wijken_not_in_the_database_are_skipped_and_named(tmp_path, wijken):
    path = write(tmp_path, "WK_CODE;GM_CODE;AANT_INW\nWK047999;GM0479;100\nWK047901;GM0479;5\n")

    out = run("--gemeente", "479", "--population", str(path), "--year", "2024")

    assert "Population skipped, the wijk is not in the database: WK047999." in out
    assert [row[0] for row in population()] == ["WK047901"]


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        (
            "WK_CODE;GM_CODE;AANT_HH\nWK047901;GM0479;5\n",
            ("--year", "2024"),
            "line 1: missing column AANT_INW",
        ),
        (
            "WK_CODE;GM_CODE;AANT_INW\nWK047901;GM0479;veel\n",
            ("--year", "2024"),
            "line 2: AANT_INW 'veel' is not a number of 0 or more",
        ),
        (
            "WK_CODE;GM_CODE;AANT_INW;AANT_HH\nWK047901;GM0479;10;-5\n",
            ("--year", "2024"),
            "line 2: AANT_HH '-5' is not a number of 0 or more",
        ),
        (
            "WK_CODE;GM_CODE;AANT_INW;P_00_14_JR\nWK047901;GM0479;10;140\n",
            ("--year", "2024"),
            "line 2: P_00_14_JR 140 is more than 100 percent",
        ),
        (
            "WK_CODE;GM_CODE;AANT_INW\nWK047901;GM0479;10\nWK047901;GM0479;11\n",
            ("--year", "2024"),
            "line 3: wijk WK047901 appears twice",
        ),
        (
            "WK_CODE;GM_CODE;AANT_INW\nWK047901;GM0479;10\n",
            (),
            "Give --year: the CBS year of the --population figures.",
        ),
        (
            "WK_CODE;GM_CODE;AANT_INW\nWK036300;GM0363;10\n",
            ("--year", "2024"),
            "no wijken of GM0479 in the file",
        ),
    ],
)
def test_a_bad_file_is_refused_whole_and_names_its_line(tmp_path, wijken, text, args, message):
    run("--gemeente", "479", "--population", str(write(tmp_path, KERNCIJFERS)), "--year", "2024")
    before = population()

    with pytest.raises(CommandError, match=message):
        run("--gemeente", "479", "--population", str(write(tmp_path, text, "bad.csv")), *args)

    assert population() == before
