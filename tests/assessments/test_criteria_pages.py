"""The workspace pages of the criteria: brokers look, coordinators keep them."""

import pytest
from django.urls import reverse

from assessments.models import Criterion

pytestmark = pytest.mark.django_db

LIST = reverse("assessments:list")
CREATE = reverse("assessments:create")


def edit_url(criterion) -> str:
    return reverse("assessments:edit", kwargs={"criterion_pk": criterion.pk})


def data(**values) -> dict:
    return {
        "name": "Goed voor de buurt",
        "name_en": "Good for the street",
        "explanation": "Het idee maakt de buurt beter.",
        "explanation_en": "The idea makes the street better.",
        "order": "6",
        "is_active": "on",
        **values,
    }


# --- Seeded by the data migration -----------------------------------------------------------


def test_five_example_criteria_are_seeded_in_dutch_and_english():
    criteria = list(Criterion.objects.all())
    assert [criterion.name for criterion in criteria] == [
        "Past bij wat bewoners noemden",
        "Bewoners doen het zelf",
        "Steun in de wijk",
        "Het kan echt",
        "De kosten passen bij wat het oplevert",
    ]
    for criterion in criteria:
        assert criterion.name_en and criterion.explanation and criterion.explanation_en
    # Switched off for the test run (tests/conftest.py django_db_setup).
    assert not any(criterion.is_active for criterion in criteria)


def test_a_criterion_reads_in_the_language_of_the_page(criteria):
    from django.utils import translation

    with translation.override("en"):
        assert criteria[2].label == "Support in the neighbourhood"
    assert criteria[2].label == "Steun in de wijk"


# --- The list -------------------------------------------------------------------------------


def test_a_broker_sees_the_criteria_but_no_edit_links(client, broker_a, criteria):
    client.force_login(broker_a)
    response = client.get(LIST)
    assert response.status_code == 200
    page = response.text
    assert "Steun in de wijk" in page
    assert "Andere bewoners steunen het idee of willen helpen." in page
    assert "Coördinatoren maken en wijzigen de criteria." in page
    assert CREATE not in page and "/bewerken/" not in page


def test_a_coordinator_gets_links_to_add_and_edit(client, coordinator, criteria):
    client.force_login(coordinator)
    page = client.get(LIST).text
    assert f'href="{CREATE}"' in page
    assert f'href="{edit_url(criteria[0])}"' in page


def test_the_list_links_from_the_workspace_navigation(client, broker_a):
    client.force_login(broker_a)
    assert f'href="{LIST}"' in client.get(reverse("initiatives:workspace")).text


def test_council_members_may_not_see_the_list(client, council_member):
    client.force_login(council_member)
    assert client.get(LIST).status_code == 403


def test_the_list_refuses_a_post(client, coordinator):
    client.force_login(coordinator)
    assert client.post(LIST).status_code == 405


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


@pytest.mark.parametrize("extra", [0, 20])
def test_the_list_query_count_does_not_grow_with_criteria(
    client, coordinator, django_assert_num_queries, extra
):
    for number in range(extra):
        Criterion.objects.create(name=f"Criterium {number}", explanation="Uitleg.")
    client.force_login(coordinator)
    # 1 session, 2 user, 3 groups (roles), 4 the criteria.
    with django_assert_num_queries(4):
        response = client.get(LIST)
    assert response.text.count("/bewerken/") == 5 + extra


# --- Creating and changing ------------------------------------------------------------------


def test_a_coordinator_adds_a_criterion(client, coordinator):
    client.force_login(coordinator)
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, data(name="  Goed voor de buurt  "))
    assert response.status_code == 302
    assert response["Location"] == LIST
    criterion = Criterion.objects.get(name="Goed voor de buurt")
    assert (criterion.name_en, criterion.order, criterion.is_active) == (
        "Good for the street",
        6,
        True,
    )
    assert criterion.explanation == "Het idee maakt de buurt beter."
    assert "Het criterium is opgeslagen." in client.get(LIST).text


def test_a_coordinator_changes_and_switches_off_a_criterion(client, coordinator, criteria):
    client.force_login(coordinator)
    criterion = criteria[0]
    assert client.get(edit_url(criterion)).status_code == 200
    response = client.post(edit_url(criterion), data(name="Nieuw", is_active=""))
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert (criterion.name, criterion.is_active) == ("Nieuw", False)


def test_bad_input_is_shown_with_what_was_typed(client, coordinator):
    client.force_login(coordinator)
    response = client.post(CREATE, data(name="", explanation="Mijn uitleg", order="veel"))
    assert response.status_code == 200
    page = response.text
    assert 'href="#id_name"' in page and 'href="#id_order"' in page
    assert "Mijn uitleg" in page and 'value="veel"' in page
    assert not Criterion.objects.filter(explanation="Mijn uitleg").exists()


def test_a_second_criterion_with_the_same_name_is_a_form_error(client, coordinator, criteria):
    client.force_login(coordinator)
    response = client.post(CREATE, data(name=criteria[0].name))
    assert response.status_code == 200
    assert 'href="#id_name"' in response.text
    assert Criterion.objects.filter(name=criteria[0].name).count() == 1


@pytest.mark.parametrize("user", ["broker_a", "council_member"])
def test_only_coordinators_add_or_change_criteria(client, request, criteria, user):
    client.force_login(request.getfixturevalue(user))
    before = list(Criterion.objects.values_list("name", "is_active"))
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, data()).status_code == 403
    assert client.post(edit_url(criteria[0]), data(name="Anders")).status_code == 403
    assert list(Criterion.objects.values_list("name", "is_active")) == before


def test_the_form_pages_refuse_other_methods(client, coordinator, criteria):
    client.force_login(coordinator)
    assert client.put(CREATE).status_code == 405
    assert client.delete(edit_url(criteria[0])).status_code == 405


def test_anonymous_visitors_are_sent_to_log_in_from_the_form_pages(client, criteria):
    for url in (CREATE, edit_url(criteria[0])):
        response = client.post(url, data())
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/")
    assert not Criterion.objects.filter(name="Goed voor de buurt").exists()


def test_an_unknown_criterion_is_404(client, coordinator):
    client.force_login(coordinator)
    assert (
        client.get(reverse("assessments:edit", kwargs={"criterion_pk": 99999})).status_code == 404
    )
