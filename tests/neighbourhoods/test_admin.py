"""The admin for reference data: wijken, postcode areas and priorities."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from neighbourhoods.models import Neighbourhood, Priority
from tests.factories import NeighbourhoodFactory, PostcodeAreaFactory, priority

pytestmark = pytest.mark.django_db

ROLES = ["superuser", "coordinator", "broker_a", "administrator", "council_member", "anonymous"]
STAFF_ROLES = {"coordinator", "broker_a"}

# Functional administrators keep the reference data; brokers and coordinators may look at
# wijken and priorities; council members are not staff, so the admin sends them to log in.
EXPECTED = {
    "neighbourhood": {
        "superuser": 200,
        "coordinator": 200,
        "broker_a": 200,
        "administrator": 200,
        "council_member": 302,
        "anonymous": 302,
    },
    "postcodearea": {
        "superuser": 200,
        "coordinator": 403,
        "broker_a": 403,
        "administrator": 200,
        "council_member": 302,
        "anonymous": 302,
    },
    "priority": {
        "superuser": 200,
        "coordinator": 200,
        "broker_a": 200,
        "administrator": 200,
        "council_member": 302,
        "anonymous": 302,
    },
}


@pytest.fixture
def login(client, request):
    def log_in(role: str):
        if role == "anonymous":
            return None
        user = request.getfixturevalue(role)
        if role in STAFF_ROLES:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        client.force_login(user)
        return user

    return log_in


def url(model: str, page: str, obj=None) -> str:
    if page == "list":
        return reverse(f"admin:neighbourhoods_{model}_changelist")
    return reverse(f"admin:neighbourhoods_{model}_change", args=[obj.pk])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", ["neighbourhood", "postcodearea", "priority"])
@pytest.mark.parametrize("page", ["list", "change"])
def test_reference_pages_answer_each_role_as_expected(client, login, role, model, page, wijk_a):
    objects = {
        "neighbourhood": wijk_a,
        "postcodearea": PostcodeAreaFactory(postcode="1506", neighbourhood=wijk_a),
        "priority": priority("kinderen"),
    }
    login(role)
    response = client.get(url(model, page, objects[model]))
    assert response.status_code == EXPECTED[model][role]
    if response.status_code == 302:
        assert response.url.startswith(reverse("admin:login"))


def test_wijk_list_shows_the_number_of_postcode_areas(client, login, wijk_a, wijk_b):
    for postcode in ("1506", "1507", "1508AB"):
        PostcodeAreaFactory(postcode=postcode, neighbourhood=wijk_a)
    login("administrator")
    response = client.get(url("neighbourhood", "list"))
    rows = {row.name: row.number_of_areas for row in response.context["cl"].result_list}
    assert rows == {"Poelenburg": 3, "Kogerveld": 0}


def wijk_list_queries(client, count: int) -> int:
    Neighbourhood.objects.all().delete()
    for number in range(count):
        wijk = NeighbourhoodFactory(name=f"Wijk {number}", slug=f"wijk-{number}")
        PostcodeAreaFactory(postcode=f"{2000 + number}", neighbourhood=wijk)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("neighbourhood", "list"))
    assert len(response.context["cl"].result_list) == count
    return len(queries)


def test_wijk_list_query_count_does_not_grow_with_the_rows(
    client, login, django_assert_num_queries
):
    login("administrator")
    assert wijk_list_queries(client, 3) == wijk_list_queries(client, 15)
    # 1 session, 2 user, 3-4 the user's model permissions (own, through groups),
    # 5-6 counts (filtered, all), 7 the page of wijken with their number of postcode
    # areas, 8 the user's roles (for the workspace link), 9 the years for the CBS filter.
    with django_assert_num_queries(9):
        client.get(url("neighbourhood", "list"))


def test_administrator_adds_a_wijk_with_its_brokers(client, login, broker_a):
    login("administrator")
    response = client.post(
        reverse("admin:neighbourhoods_neighbourhood_add"),
        {
            "name": "Rosmolenwijk",
            "slug": "rosmolenwijk",
            "cbs_code": "WK047905",
            "cbs_year": "2024",
            "description": "",
            "is_active": "on",
            "brokers": [str(broker_a.pk)],
        },
    )
    assert response.status_code == 302
    wijk = Neighbourhood.objects.get(slug="rosmolenwijk")
    assert list(wijk.brokers.all()) == [broker_a]


def test_a_wrong_cbs_code_comes_back_as_a_form_error(client, login):
    login("administrator")
    response = client.post(
        reverse("admin:neighbourhoods_neighbourhood_add"),
        {"name": "Nergens", "slug": "nergens", "cbs_code": "WK12", "is_active": "on"},
    )
    assert response.status_code == 200
    assert "Een CBS-wijkcode is WK gevolgd door 6 cijfers." in response.text
    assert not Neighbourhood.objects.filter(slug="nergens").exists()


def test_broker_can_look_at_wijken_but_not_change_them(client, login, wijk_a):
    login("broker_a")
    response = client.post(
        url("neighbourhood", "change", wijk_a), {"name": "Andere naam", "slug": "poelenburg"}
    )
    assert response.status_code == 403
    wijk_a.refresh_from_db()
    assert wijk_a.name == "Poelenburg"


@pytest.mark.parametrize("typed", ["1506 ab", "1506AB", "1506ab"])
def test_postcode_search_finds_any_common_spelling(client, login, wijk_a, typed):
    PostcodeAreaFactory(postcode="1506AB", neighbourhood=wijk_a)
    PostcodeAreaFactory(postcode="1507CD", neighbourhood=wijk_a)
    login("administrator")
    response = client.get(url("postcodearea", "list"), {"q": typed})
    assert [area.postcode for area in response.context["cl"].result_list] == ["1506AB"]


def test_postcode_list_does_not_query_per_row(client, login, wijk_a, django_assert_num_queries):
    for number in range(10):
        PostcodeAreaFactory(postcode=f"{3000 + number}", neighbourhood=wijk_a)
    login("administrator")
    # 1 session, 2 user, 3-4 the user's model permissions (own, through groups),
    # 5 filter options (wijken), 6-7 counts (filtered, all), 8 the page of postcodes with
    # their wijk joined, 9 the user's roles (for the workspace link).
    with django_assert_num_queries(9):
        response = client.get(url("postcodearea", "list"))
    assert "Poelenburg" in response.text


def test_nobody_deletes_a_priority(client, login):
    login("superuser")
    kinderen = priority("kinderen")
    response = client.post(
        reverse("admin:neighbourhoods_priority_delete", args=[kinderen.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Priority.objects.filter(pk=kinderen.pk).exists()


def test_administrator_renames_a_priority_but_keeps_its_slug(client, login):
    login("administrator")
    kinderen = priority("kinderen")
    response = client.post(
        url("priority", "change", kinderen),
        {
            "name": "Help onze kinderen!",
            "name_en": "Help our children",
            "slug": "iets-anders",
            "description": "",
            "description_en": "",
            "order": "1",
        },
    )
    assert response.status_code == 302
    kinderen.refresh_from_db()
    assert (kinderen.name, kinderen.slug) == ("Help onze kinderen!", "kinderen")
