import datetime as dt

import pytest

from initiatives.models import Initiative, Status
from tests.factories import FIXED_NOW, InitiativeFactory, priority

pytestmark = pytest.mark.django_db

URL = "/initiatieven/"


def make(wijk, count, **values):
    """``count`` published initiatives in ``wijk``, the newest last."""
    made = []
    for number in range(count):
        made.append(
            InitiativeFactory(
                neighbourhood=wijk,
                published=True,
                published_at=FIXED_NOW + dt.timedelta(minutes=number),
                priorities=[priority("kinderen")],
                **values,
            )
        )
    return made


def titles(response) -> list[str]:
    return [initiative.public_title for initiative in response.context["page_obj"]]


def test_list_shows_published_initiatives_only_with_the_number_found(client, wijk_a):
    make(wijk_a, 2, public_title="Openbaar idee")
    InitiativeFactory(neighbourhood=wijk_a, title="Nog niet openbaar")
    response = client.get(URL)
    assert response.status_code == 200
    assert "2 initiatieven gevonden" in response.text
    assert response.text.count("Openbaar idee") == 2
    assert "Nog niet openbaar" not in response.text


def test_filter_by_wijk_priority_and_status(client, wijk_a, wijk_b):
    make(wijk_a, 1, public_title="Idee A")
    make(wijk_b, 1, public_title="Idee B", status=Status.INTAKE)
    InitiativeFactory(
        neighbourhood=wijk_b,
        published=True,
        public_title="Idee C",
        priorities=[priority("handhaving")],
    )
    assert titles(client.get(URL, {"wijk": "poelenburg"})) == ["Idee A"]
    assert titles(client.get(URL, {"priority": "handhaving"})) == ["Idee C"]
    assert titles(client.get(URL, {"status": "intake"})) == ["Idee B"]
    assert titles(client.get(URL, {"wijk": "kogerveld", "priority": "kinderen"})) == ["Idee B"]


def test_free_text_searches_public_fields_only(client, wijk_a):
    make(wijk_a, 1, public_title="Moestuin aan de Zaan", title="geheimwoord")
    make(wijk_a, 1, public_title="Huiswerkklas", public_summary="Samen leren voor de toets")
    InitiativeFactory(
        neighbourhood=wijk_a, published=True, public_title="Iets", description="moestuin"
    )
    assert titles(client.get(URL, {"q": "moestuin"})) == ["Moestuin aan de Zaan"]
    assert titles(client.get(URL, {"q": "toets"})) == ["Huiswerkklas"]
    assert titles(client.get(URL, {"q": "geheimwoord"})) == []


def test_sorting_newest_first_or_most_support_first(client, wijk_a):
    old, new = make(wijk_a, 2)
    Initiative.objects.filter(pk=old.pk).update(support_count=9)
    assert titles(client.get(URL)) == [new.public_title, old.public_title]
    assert titles(client.get(URL, {"ordering": "support"})) == [old.public_title, new.public_title]


def test_pagination_keeps_the_filters(client, wijk_a):
    make(wijk_a, 25)
    response = client.get(URL, {"wijk": "poelenburg", "ordering": "support"})
    assert "25 initiatieven gevonden" in response.text
    assert 'href="?wijk=poelenburg&amp;ordering=support&amp;page=2"' in response.text
    second = client.get(URL, {"wijk": "poelenburg", "ordering": "support", "page": "2"})
    assert len(titles(second)) == 5
    assert "Pagina 2 van 2" in second.text


@pytest.mark.parametrize(
    "query",
    [
        {"ordering": "email"},
        {"ordering": "-initiator__email"},
        {"status": "<script>alert(1)</script>"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"page": "9" * 400},
        {"wijk": "999999"},
        {"wijk": "<b>x</b>"},
        {"priority": "x'"},
        {"priority": "1 OR 1=1"},
        {"q": "' OR 1=1 --"},
        {"q": "\x00"},
        {"q": "x" * 201},
        {"q": "!!& | :* <->"},
        {"unknown": "1"},
    ],
)
def test_unknown_or_malicious_filter_values_never_break_the_page(client, wijk_a, query):
    make(wijk_a, 2)
    response = client.get(URL, query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "<b>x</b>" not in response.text


def test_a_rejected_filter_value_is_explained_and_ignored(client, wijk_a):
    make(wijk_a, 2)
    response = client.get(URL, {"status": "<script>", "wijk": "poelenburg"})
    assert 'href="#id_status"' in response.text
    assert "2 initiatieven gevonden" in response.text


def test_list_query_count_does_not_grow_with_the_data(client, wijk_a, django_assert_num_queries):
    def check(total: int) -> None:
        make(wijk_a, total - Initiative.objects.count())
        # count, page of initiatives + wijk, their priorities, the wijk and priority choices
        with django_assert_num_queries(5):
            response = client.get(URL, {"ordering": "support"})
        assert f"{total} initiatieven gevonden" in response.text

    check(10)
    check(200)


def test_filtered_list_query_count_is_fixed_too(client, wijk_a, django_assert_num_queries):
    make(wijk_a, 30)
    # + the lookups of the chosen wijk and priority
    with django_assert_num_queries(7):
        client.get(URL, {"wijk": "poelenburg", "priority": "kinderen", "q": "speeltuin"})


def test_list_only_answers_get_and_head(client):
    assert client.post(URL).status_code == 405
    assert client.head(URL).status_code == 200
