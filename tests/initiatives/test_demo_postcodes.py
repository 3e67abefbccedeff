"""The demo is real: every postcode the interface gives as an example finds a demo wijk."""

import re
from pathlib import Path

import pytest

from initiatives.demo.load import CBS_SAMPLES, load_wijken
from initiatives.demo.wijken import WIJKEN
from neighbourhoods.models import Neighbourhood

ROOT = Path(__file__).resolve().parent.parent.parent
# A Dutch postcode as the hints write it: "1506 AB" (also without the space).
HINTED = re.compile(r"\b([1-9][0-9]{3}) ?([A-Z]{2})\b")
SOURCES = ("templates", "initiatives", "voices", "subscriptions", "results", "answers", "locale")


def hinted_postcodes() -> set[str]:
    found = set()
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".html", ".py", ".po", ".txt"} and "cbs" not in path.parts:
                found |= {"".join(m) for m in HINTED.findall(path.read_text(encoding="utf-8"))}
    return found


def test_the_interface_hints_at_a_postcode():
    assert "1506AB" in hinted_postcodes()


@pytest.mark.django_db
def test_every_hinted_postcode_finds_a_wijk_in_the_demo():
    load_wijken(lambda line: None)

    missing = {pc for pc in hinted_postcodes() if Neighbourhood.objects.for_postcode(pc) is None}

    assert not missing


@pytest.mark.django_db
def test_every_demo_wijk_has_postcodes_and_every_zaandam_postcode_finds_one():
    wijken = load_wijken(lambda line: None)

    assert all(wijk.postcode_areas.exists() for wijk in wijken.values())
    for pc4 in range(1501, 1510):
        assert Neighbourhood.objects.for_postcode(f"{pc4} XY") is not None, pc4


def test_the_sample_files_name_the_demo_wijken_under_their_codes():
    lines = (CBS_SAMPLES / "wijken-2024.csv").read_text(encoding="utf-8").splitlines()[1:]
    in_file = {line.split(";")[0]: line.split(";")[1] for line in lines}

    assert in_file == {wijk.code: wijk.name for wijk in WIJKEN}
    assert "voorbeeld" in (CBS_SAMPLES / "README.md").read_text(encoding="utf-8").lower()


@pytest.mark.django_db
def test_loading_the_wijken_twice_changes_nothing():
    load_wijken(lambda line: None)
    before = list(Neighbourhood.objects.values_list("slug", "cbs_code", "name"))

    load_wijken(lambda line: None)

    assert list(Neighbourhood.objects.values_list("slug", "cbs_code", "name")) == before
