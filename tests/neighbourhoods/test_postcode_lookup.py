import pytest

from neighbourhoods.models import Neighbourhood, PostcodeArea, normalise_postcode


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1506AB", "1506AB"),
        ("1506ab", "1506AB"),
        ("1506 AB", "1506AB"),
        (" 1506AB ", "1506AB"),
        ("1506", "1506"),
        ("0123AB", None),  # Dutch postcodes never start with 0
        ("15066", None),
        ("1506A", None),
        ("1506ABC", None),
        ("ABCD", None),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_normalise_postcode_accepts_common_spellings_and_nothing_else(value, expected):
    assert normalise_postcode(value) == expected


@pytest.fixture
def areas() -> None:
    """PC4 1506 lies in Centrum, except PC6 1506AB, which lies in Poelenburg."""
    centrum = Neighbourhood.objects.create(name="Centrum", slug="centrum")
    poelenburg = Neighbourhood.objects.create(name="Poelenburg", slug="poelenburg")
    PostcodeArea.objects.create(postcode="1506", neighbourhood=centrum)
    PostcodeArea.objects.create(postcode="1506AB", neighbourhood=poelenburg)


@pytest.mark.django_db
def test_for_postcode_prefers_the_pc6_match_over_its_pc4_area(areas):
    assert Neighbourhood.objects.for_postcode("1506 ab").slug == "poelenburg"


@pytest.mark.django_db
def test_for_postcode_falls_back_to_the_pc4_area(areas):
    assert Neighbourhood.objects.for_postcode("1506XY").slug == "centrum"
    assert Neighbourhood.objects.for_postcode("1506").slug == "centrum"


@pytest.mark.django_db
@pytest.mark.parametrize("postcode", ["1507AB", "1507", "not a postcode", ""])
def test_for_postcode_finds_nothing_for_an_unknown_postcode(areas, postcode):
    assert Neighbourhood.objects.for_postcode(postcode) is None


@pytest.mark.django_db
def test_for_postcode_finds_nothing_in_an_inactive_wijk():
    gone = Neighbourhood.objects.create(name="Opgeheven", slug="opgeheven", is_active=False)
    PostcodeArea.objects.create(postcode="1506AB", neighbourhood=gone)

    assert Neighbourhood.objects.for_postcode("1506AB") is None


@pytest.mark.django_db
def test_for_postcode_looks_at_the_pc4_area_when_the_pc6_wijk_is_inactive(areas):
    Neighbourhood.objects.filter(slug="poelenburg").update(is_active=False)

    assert Neighbourhood.objects.for_postcode("1506AB").slug == "centrum"
