from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from neighbourhoods.management.commands import import_areas
from neighbourhoods.models import Neighbourhood, PostcodeArea

WIJKEN = """\
WK_CODE;WK_NAAM;GM_CODE;GM_NAAM;AANT_INW
WK047901;Zaandam-Zuid;GM0479;Zaanstad;12345
WK047902;Poelenburg;GM0479;Zaanstad;9876
WK036300;Burgwallen-Oude Zijde;GM0363;Amsterdam;4321
"""

POSTCODES = """\
PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024
1506AB;1;4790101;47901;479
1506AB;3;4790101;47901;479
1506AC;2;4790201;47902;479
1012AB;1;3630000;36300;363
"""


def write(directory: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = directory / name
    path.write_bytes(text.encode(encoding))
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_areas", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def wijken() -> list[tuple[str, str, str, int | None]]:
    return list(
        Neighbourhood.objects.order_by("cbs_code").values_list(
            "cbs_code", "name", "slug", "cbs_year"
        )
    )


def postcodes() -> dict[str, str]:
    return dict(PostcodeArea.objects.values_list("postcode", "neighbourhood__cbs_code"))


# --- Wijken -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_imports_the_wijken_of_the_chosen_municipality_only(tmp_path):
    run("--gemeente", "GM0479", "--wijken", str(write(tmp_path, "wijken.csv", WIJKEN)))

    assert wijken() == [
        ("WK047901", "Zaandam-Zuid", "zaandam-zuid", None),
        ("WK047902", "Poelenburg", "poelenburg", None),
    ]
    assert Neighbourhood.objects.filter(is_active=True).count() == 2


@pytest.mark.django_db
def test_reads_a_file_with_byte_order_mark_quoted_values_and_extra_columns(tmp_path):
    text = (
        '"OBJECTID";"WK_CODE";"WK_NAAM";"GM_CODE";"GM_NAAM";"H2O"\n'
        '"1";"WK047901";"Zaandam; Zuid";"GM0479";"Zaanstad";"NEE"\n'
        '"2";" WK047902 ";"  Poelenburg ";"GM0479";"Zaanstad";"NEE"\n'
    )
    path = write(tmp_path, "wijken.csv", text, encoding="utf-8-sig")

    run("--gemeente", "GM0479", "--wijken", str(path))

    assert [(code, name) for code, name, *_ in wijken()] == [
        ("WK047901", "Zaandam; Zuid"),
        ("WK047902", "Poelenburg"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("gemeente", ["479", "0479", "GM0479", "gm0479"])
def test_accepts_the_municipality_code_in_each_common_spelling(tmp_path, gemeente):
    run("--gemeente", gemeente, "--wijken", str(write(tmp_path, "wijken.csv", WIJKEN)))

    assert Neighbourhood.objects.count() == 2


@pytest.mark.django_db
def test_falls_back_to_latin1_when_the_file_is_not_utf8(tmp_path):
    text = "WK_CODE;WK_NAAM;GM_CODE\nWK047901;Zuiderhoek-Één;GM0479\n"
    path = write(tmp_path, "wijken.csv", text, encoding="latin-1")

    run("--gemeente", "479", "--wijken", str(path))

    assert Neighbourhood.objects.get().name == "Zuiderhoek-Één"


@pytest.mark.django_db
def test_gives_a_new_wijk_a_unique_slug_when_its_name_is_taken(tmp_path):
    Neighbourhood.objects.create(name="Poelenburg", slug="poelenburg")
    Neighbourhood.objects.create(name="Poelenburg", slug="poelenburg-2")

    run("--gemeente", "479", "--wijken", str(write(tmp_path, "wijken.csv", WIJKEN)))

    assert Neighbourhood.objects.get(cbs_code="WK047902").slug == "poelenburg-3"


@pytest.mark.django_db
def test_renames_a_wijk_matched_by_cbs_code_but_keeps_its_slug(tmp_path):
    Neighbourhood.objects.create(name="Zaandam Zuid (oud)", slug="zuid", cbs_code="WK047901")

    output = run("--gemeente", "479", "--wijken", str(write(tmp_path, "wijken.csv", WIJKEN)))

    wijk = Neighbourhood.objects.get(cbs_code="WK047901")
    assert (wijk.name, wijk.slug) == ("Zaandam-Zuid", "zuid")
    assert "Wijken: 1 created, 1 changed, 0 unchanged." in output


@pytest.mark.django_db
def test_leaves_the_active_flag_of_an_existing_wijk_alone(tmp_path):
    Neighbourhood.objects.create(
        name="Zaandam-Zuid", slug="zaandam-zuid", cbs_code="WK047901", is_active=False
    )

    run("--gemeente", "479", "--wijken", str(write(tmp_path, "wijken.csv", WIJKEN)))

    assert not Neighbourhood.objects.get(cbs_code="WK047901").is_active


# --- CBS year ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_takes_the_cbs_year_from_the_year_option_first(tmp_path):
    run(
        "--gemeente",
        "479",
        "--year",
        "2023",
        "--wijken",
        str(write(tmp_path, "wijken.csv", WIJKEN)),
        "--postcodes",
        str(write(tmp_path, "pc6.csv", POSTCODES)),
    )

    assert set(Neighbourhood.objects.values_list("cbs_year", flat=True)) == {2023}


@pytest.mark.django_db
def test_takes_the_cbs_year_from_the_postcode_file_header_without_year_option(tmp_path):
    run(
        "--gemeente",
        "479",
        "--wijken",
        str(write(tmp_path, "wijken.csv", WIJKEN)),
        "--postcodes",
        str(write(tmp_path, "pc6.csv", POSTCODES)),
    )

    assert set(Neighbourhood.objects.values_list("cbs_year", flat=True)) == {2024}


@pytest.mark.django_db
def test_leaves_the_cbs_year_as_it_is_without_year_option_or_postcode_file(tmp_path):
    Neighbourhood.objects.create(
        name="Zaandam-Zuid", slug="zaandam-zuid", cbs_code="WK047901", cbs_year=2022
    )

    output = run("--gemeente", "479", "--wijken", str(write(tmp_path, "wijken.csv", WIJKEN)))

    assert Neighbourhood.objects.get(cbs_code="WK047901").cbs_year == 2022
    assert "Wijken: 1 created, 0 changed, 1 unchanged." in output


# --- Postcodes --------------------------------------------------------------------------


@pytest.mark.django_db
def test_maps_each_pc6_to_its_wijk_padding_the_numeric_cbs_codes(tmp_path):
    run(
        "--gemeente",
        "479",
        "--wijken",
        str(write(tmp_path, "wijken.csv", WIJKEN)),
        "--postcodes",
        str(write(tmp_path, "pc6.csv", POSTCODES)),
    )

    # 1012AB lies in Amsterdam (363 -> GM0363), which was not asked for.
    assert postcodes() == {"1506AB": "WK047901", "1506AC": "WK047902"}


@pytest.mark.django_db
def test_maps_postcodes_to_wijken_already_in_the_database(tmp_path):
    Neighbourhood.objects.create(name="Kogerveld", slug="kogerveld", cbs_code="WK047903")
    text = (
        "PC6;Huisnummer;Buurt2025;Wijk2025;Gemeente2025\n"
        "1506AD;1;4790301;47903;479\n"
        "1506AE;1;4790401;047904;0479\n"
    )

    output = run("--gemeente", "479", "--postcodes", str(write(tmp_path, "pc6.csv", text)))

    assert postcodes() == {"1506AD": "WK047903"}
    assert "Postcodes skipped, their wijk is not in the database: WK047904 (1)." in output


@pytest.mark.django_db
def test_maps_an_ambiguous_pc6_to_the_wijk_with_most_house_numbers(tmp_path):
    text = (
        "PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024\n"
        "1506AB;1;4790201;47902;479\n"
        "1506AB;2;4790101;47901;479\n"
        "1506AB;4;4790101;47901;479\n"
        "1506AC;2;4790201;47902;479\n"
    )

    output = run(
        "--gemeente",
        "479",
        "--wijken",
        str(write(tmp_path, "wijken.csv", WIJKEN)),
        "--postcodes",
        str(write(tmp_path, "pc6.csv", text)),
    )

    assert postcodes() == {"1506AB": "WK047901", "1506AC": "WK047902"}
    assert (
        "Postcodes with house numbers in more than one wijk, "
        "given to the wijk with the most: 1; their house-number ranges: 2." in output
    )


@pytest.mark.django_db
def test_moves_an_existing_postcode_to_the_wijk_the_file_names(tmp_path):
    elsewhere = Neighbourhood.objects.create(name="Elders", slug="elders")
    PostcodeArea.objects.create(postcode="1506AB", neighbourhood=elsewhere)
    PostcodeArea.objects.create(postcode="1506", neighbourhood=elsewhere)

    output = run(
        "--gemeente",
        "479",
        "--wijken",
        str(write(tmp_path, "wijken.csv", WIJKEN)),
        "--postcodes",
        str(write(tmp_path, "pc6.csv", POSTCODES)),
    )

    assert postcodes() == {"1506": "", "1506AB": "WK047901", "1506AC": "WK047902"}
    assert "Postcodes: 1 created, 1 changed, 0 unchanged." in output


@pytest.mark.django_db
def test_reports_what_it_read_created_changed_and_left_unchanged(tmp_path):
    wijken_path = write(tmp_path, "wijken.csv", WIJKEN)
    postcodes_path = write(tmp_path, "pc6.csv", POSTCODES)

    output = run(
        "--gemeente", "479", "--wijken", str(wijken_path), "--postcodes", str(postcodes_path)
    )

    assert output.splitlines() == [
        f"{wijken_path}: 3 rows read, 2 of GM0479.",
        f"{postcodes_path}: 4 rows read, 3 of GM0479; CBS year 2024.",
        "Wijken: 2 created, 0 changed, 0 unchanged.",
        "Postcodes: 2 created, 0 changed, 0 unchanged.",
    ]


@pytest.mark.django_db
def test_a_second_run_creates_and_changes_nothing(tmp_path):
    args = (
        "--gemeente",
        "479",
        "--wijken",
        str(write(tmp_path, "wijken.csv", WIJKEN)),
        "--postcodes",
        str(write(tmp_path, "pc6.csv", POSTCODES)),
    )
    run(*args)
    before = (wijken(), postcodes())

    output = run(*args)

    assert (wijken(), postcodes()) == before
    assert "Wijken: 0 created, 0 changed, 2 unchanged." in output
    assert "Postcodes: 0 created, 0 changed, 2 unchanged." in output


@pytest.mark.django_db
def test_reports_progress_on_stderr_while_reading_a_large_postcode_file(tmp_path, monkeypatch):
    monkeypatch.setattr(import_areas, "PROGRESS_EVERY", 2)
    Neighbourhood.objects.create(name="Zaandam-Zuid", slug="zaandam-zuid", cbs_code="WK047901")
    path = write(tmp_path, "pc6.csv", POSTCODES)
    out, err = StringIO(), StringIO()

    call_command(
        "import_areas", "--gemeente", "479", "--postcodes", str(path), stdout=out, stderr=err
    )

    assert err.getvalue().splitlines() == [
        f"{path}: 2 rows read, 2 kept",
        f"{path}: 4 rows read, 3 kept",
    ]
    assert "kept" not in out.getvalue()


# --- Bad input --------------------------------------------------------------------------

GOOD_WIJK = "WK047901;Zaandam-Zuid;GM0479\n"
BAD_WIJKEN = {
    "missing column": ("WK_CODE;GM_CODE\nWK047901;GM0479\n", 1, "missing column WK_NAAM"),
    "malformed wijk code": (
        f"WK_CODE;WK_NAAM;GM_CODE\n{GOOD_WIJK}WKabc;Poelenburg;GM0479\n",
        3,
        "malformed wijk code 'WKabc'",
    ),
    "wijk code of seven digits": (
        "WK_CODE;WK_NAAM;GM_CODE\nWK0479011;Poelenburg;GM0479\n",
        2,
        "malformed wijk code 'WK0479011'",
    ),
    "malformed municipality code": (
        f"WK_CODE;WK_NAAM;GM_CODE\n{GOOD_WIJK}WK047902;Poelenburg;Zaanstad\n",
        3,
        "malformed municipality code 'Zaanstad'",
    ),
    "empty name": (
        f'WK_CODE;WK_NAAM;GM_CODE\n{GOOD_WIJK}WK047902;" ";GM0479\n',
        3,
        "empty name for wijk WK047902",
    ),
    "name too long": (
        f"WK_CODE;WK_NAAM;GM_CODE\nWK047902;{'x' * 101};GM0479\n",
        2,
        "name of wijk WK047902 is longer than 100",
    ),
    "duplicate code": (
        f"WK_CODE;WK_NAAM;GM_CODE\n{GOOD_WIJK}{GOOD_WIJK}",
        3,
        "wijk WK047901 appears twice (also on line 2)",
    ),
    "code of another municipality": (
        "WK_CODE;WK_NAAM;GM_CODE\nWK036301;Poelenburg;GM0479\n",
        2,
        "wijk WK036301 does not belong to GM0479",
    ),
    "comma separated": (
        "WK_CODE,WK_NAAM,GM_CODE\nWK047901,Zaandam-Zuid,GM0479\n",
        1,
        "no ';' in the header",
    ),
    "too few values": (f"WK_CODE;WK_NAAM;GM_CODE\n{GOOD_WIJK}WK047902;Poelenburg\n", 3, "2 values"),
    "empty file": ("", 1, "the file is empty"),
}


@pytest.fixture
def existing_state() -> tuple[list, dict]:
    """A wijk and a postcode that a failed import must leave exactly as they are."""
    wijk = Neighbourhood.objects.create(name="Oude naam", slug="oud", cbs_code="WK047901")
    PostcodeArea.objects.create(postcode="1506AB", neighbourhood=wijk)
    return wijken(), postcodes()


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "line", "reason"), BAD_WIJKEN.values(), ids=BAD_WIJKEN.keys())
def test_refuses_a_bad_wijken_file_naming_file_line_and_reason(
    tmp_path, existing_state, text, line, reason
):
    path = write(tmp_path, "wijken.csv", text)

    with pytest.raises(CommandError) as error:
        run("--gemeente", "479", "--wijken", str(path))

    assert str(error.value).startswith(f"{path}, line {line}: {reason}")
    assert (wijken(), postcodes()) == existing_state


PC6_HEADER = "PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024\n"
GOOD_PC6 = "1506AC;2;4790201;47902;479\n"
BAD_POSTCODES = {
    "missing wijk column": (
        "PC6;Huisnummer;Buurt2024;Gemeente2024\n1506AC;2;4790201;479\n",
        1,
        "missing column Wijk<year>",
    ),
    "two wijk columns": (
        "PC6;Wijk2023;Wijk2024;Gemeente2024\n1506AC;47902;47902;479\n",
        1,
        "more than one wijk column (Wijk2024)",
    ),
    "malformed wijk code": (
        f"{PC6_HEADER}{GOOD_PC6}1506AD;2;4790201;4790a;479\n",
        3,
        "malformed wijk code '4790a'",
    ),
    "malformed PC6": (
        f"{PC6_HEADER}{GOOD_PC6}1506;2;4790201;47902;479\n",
        3,
        "malformed PC6 '1506'",
    ),
    "malformed municipality code": (
        f"{PC6_HEADER}{GOOD_PC6}1012AB;1;3630000;36300;GM363\n",
        3,
        "malformed municipality code 'GM363'",
    ),
    "tab separated": (PC6_HEADER.replace(";", "\t") + GOOD_PC6, 1, "no ';' in the header"),
    "year out of range": (
        "PC6;Wijk1999;Gemeente1999\n1506AC;47902;479\n",
        1,
        "year 1999 in Wijk1999 is out of range",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "line", "reason"), BAD_POSTCODES.values(), ids=BAD_POSTCODES.keys()
)
def test_refuses_a_bad_postcode_file_naming_file_line_and_reason(
    tmp_path, existing_state, text, line, reason
):
    wijken_path = write(tmp_path, "wijken.csv", WIJKEN.replace("Zaandam-Zuid", "Nieuwe naam"))
    path = write(tmp_path, "pc6.csv", text)

    with pytest.raises(CommandError) as error:
        run("--gemeente", "479", "--wijken", str(wijken_path), "--postcodes", str(path))

    assert str(error.value).startswith(f"{path}, line {line}: {reason}")
    # The wijken file was good, but nothing of it may be saved either.
    assert (wijken(), postcodes()) == existing_state


@pytest.mark.django_db
def test_refuses_a_file_that_cannot_be_read(tmp_path, existing_state):
    missing = tmp_path / "missing.csv"

    with pytest.raises(CommandError) as error:
        run("--gemeente", "479", "--wijken", str(missing))
    assert str(error.value) == f"{missing}: cannot read the file: No such file or directory"

    with pytest.raises(CommandError) as error:
        run("--gemeente", "479", "--postcodes", str(tmp_path))
    assert str(error.value) == f"{tmp_path}: cannot read the file: Is a directory"

    assert (wijken(), postcodes()) == existing_state


@pytest.mark.django_db
def test_refuses_a_file_without_rows_of_the_municipality(tmp_path):
    path = write(tmp_path, "wijken.csv", WIJKEN)

    with pytest.raises(CommandError, match="no wijken of GM0480 in the file"):
        run("--gemeente", "480", "--wijken", str(path))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--gemeente", "Zaanstad", "--wijken", "wijken.csv"), "is not like GM0479"),
        (
            ("--gemeente", "479"),
            "Give --wijken FILE, --postcodes FILE, --population FILE, --boundaries FILE or more.",
        ),
        (("--gemeente", "479", "--year", "1999", "--wijken", "x.csv"), "not between 2000"),
    ],
)
def test_refuses_bad_options(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
