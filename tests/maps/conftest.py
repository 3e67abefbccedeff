from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from maps.models import WijkBoundary
from tests.factories import NeighbourhoodFactory
from tests.initiatives.overviews.conftest import dataset, today  # noqa: F401 (fixtures)

FIXTURES = Path(__file__).parent / "fixtures"
RD_FILE = FIXTURES / "wijken-rd.geojson"
WGS84_FILE = FIXTURES / "wijken-wgs84.geojson"


def import_boundaries(path: Path | str, *args: str) -> str:
    out = StringIO()
    call_command(
        "import_areas", "--gemeente", "GM0479", "--boundaries", str(path), *args,
        stdout=out, stderr=StringIO(),
    )  # fmt: skip
    return out.getvalue()


@pytest.fixture
def coded_wijken(wijk_a, wijk_b):
    """Poelenburg, Kogerveld and Driehoek with the CBS codes of the fixture's squares."""
    wijk_a.cbs_code = "WK047901"
    wijk_a.save(update_fields=["cbs_code"])
    wijk_b.cbs_code = "WK047902"
    wijk_b.save(update_fields=["cbs_code"])
    third = NeighbourhoodFactory(name="Driehoek", slug="driehoek", cbs_code="WK047903")
    return wijk_a, wijk_b, third


@pytest.fixture
def boundaries(coded_wijken):
    import_boundaries(RD_FILE)
    return coded_wijken


def triangle_boundary(wijk, x: int = 0, size: int = 10) -> WijkBoundary:
    """A made-up triangle for a wijk: (x, 0), (x + size, 0), (x, size)."""
    return WijkBoundary.objects.create(
        neighbourhood=wijk,
        outline=f"[[[{x},0,{x + size},0,{x},{size},{x},0]]]",
        min_x=x,
        min_y=0,
        max_x=x + size,
        max_y=size,
        imported_at="2026-01-01T00:00Z",
    )
