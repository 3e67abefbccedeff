import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from neighbourhoods.models import Neighbourhood, Priority


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["WK12345", "wk123456", "XX123456", "WK12345a"])
def test_database_refuses_a_malformed_cbs_code(code):
    with pytest.raises(IntegrityError), transaction.atomic():
        Neighbourhood.objects.create(name="Centrum", slug="centrum", cbs_code=code)

    assert not Neighbourhood.objects.exists()


@pytest.mark.django_db
def test_database_accepts_a_wellformed_or_empty_cbs_code():
    Neighbourhood.objects.create(name="Centrum", slug="centrum", cbs_code="WK047901")
    Neighbourhood.objects.create(name="Buitengebied", slug="buitengebied", cbs_code="")

    assert Neighbourhood.objects.count() == 2


@pytest.mark.django_db
def test_database_refuses_two_wijken_with_the_same_cbs_code():
    Neighbourhood.objects.create(name="Centrum", slug="centrum", cbs_code="WK047901")

    with pytest.raises(IntegrityError), transaction.atomic():
        Neighbourhood.objects.create(name="Centrum-2", slug="centrum-2", cbs_code="WK047901")

    assert Neighbourhood.objects.count() == 1


@pytest.mark.django_db
def test_database_allows_many_wijken_without_cbs_code():
    Neighbourhood.objects.create(name="Centrum", slug="centrum")
    Neighbourhood.objects.create(name="Buitengebied", slug="buitengebied")

    assert Neighbourhood.objects.filter(cbs_code="").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("year", [1999, 2101])
def test_database_refuses_a_cbs_year_out_of_range(year):
    with pytest.raises(IntegrityError), transaction.atomic():
        Neighbourhood.objects.create(name="Centrum", slug="centrum", cbs_year=year)


@pytest.mark.django_db
def test_migrations_create_the_three_priorities_residents_named():
    assert list(Priority.objects.values_list("slug", "name")) == [
        ("kinderen", "Help onze kinderen"),
        ("werkloosheid", "Pak de werkloosheid aan"),
        ("handhaving", "Handhaaf"),
    ]


@pytest.mark.django_db
def test_priority_label_is_english_under_english_and_dutch_otherwise():
    priority = Priority.objects.get(slug="kinderen")

    with translation.override("en"):
        assert priority.label == "Help our children"
        assert str(priority) == "Help our children"
    with translation.override("nl"):
        assert priority.label == "Help onze kinderen"


@pytest.mark.django_db
def test_priority_label_falls_back_to_dutch_without_an_english_name():
    priority = Priority.objects.create(name="Groen in de wijk", slug="groen")

    with translation.override("en"):
        assert priority.label == "Groen in de wijk"
