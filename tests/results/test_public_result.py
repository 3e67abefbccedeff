"""What an initiative achieved on its public page: public results of published ones only."""

import pytest

from initiatives.models import Status
from tests.factories import ResultFactory, SupportFactory, TimelineEntryFactory
from tests.initiatives.overviews.conftest import assert_no_canaries

pytestmark = pytest.mark.django_db

STORY = "Veertig kinderen speelden een middag samen op het plein."


def url(initiative) -> str:
    return f"/initiatieven/{initiative.pk}/"


def test_a_public_result_of_a_completed_initiative_is_shown(client, completed):
    ResultFactory(initiative=completed, residents_reached=40, volunteers=5, money_spent=450)
    html = client.get(url(completed)).text
    assert "Wat heeft het opgeleverd?" in html
    assert STORY in html
    assert "<dd>40</dd>" in html and "<dd>5</dd>" in html
    assert "€ 450,00" in html and "toegekend: € 500,00" in html


def test_the_result_shows_in_english_too(client, completed):
    ResultFactory(initiative=completed)
    client.cookies["django_language"] = "en"
    html = client.get(url(completed)).text
    assert "What did it achieve?" in html
    assert "Residents reached" in html


def test_a_result_the_broker_did_not_make_public_stays_in_the_workspace(client, completed):
    ResultFactory(initiative=completed, is_public=False, story="CANARY-RESULT-STORY")
    html = client.get(url(completed)).text
    assert "Wat heeft het opgeleverd?" not in html
    assert_no_canaries(html)


def test_the_result_of_a_reopened_initiative_waits(client, completed):
    ResultFactory(initiative=completed, story="CANARY-RESULT-STORY")
    completed.status = Status.INTAKE
    completed.save(update_fields=["status"])
    html = client.get(url(completed)).text
    assert "Wat heeft het opgeleverd?" not in html
    assert_no_canaries(html)


def test_an_unpublished_initiative_and_its_result_stay_private(client, completed):
    ResultFactory(initiative=completed, story="CANARY-RESULT-STORY")
    completed.is_published = False
    completed.save(update_fields=["is_published"])
    assert client.get(url(completed)).status_code == 404


@pytest.mark.parametrize("rows", [5, 50])
def test_the_result_costs_no_extra_query(client, completed, django_assert_num_queries, rows):
    ResultFactory(initiative=completed)
    TimelineEntryFactory.create_batch(rows, initiative=completed, kind="public_update")
    SupportFactory.create_batch(rows, initiative=completed)
    # initiative + wijk + result, its priorities, its public updates, its contributions
    # With the voices it grew from and its assessments (voices, assessments), and its
    # published attachments.
    with django_assert_num_queries(7):
        assert STORY in client.get(url(completed)).text
