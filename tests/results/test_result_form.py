"""The "Wat heeft het opgeleverd?" form on an initiative's page in the workspace."""

from decimal import Decimal

import pytest

from initiatives.models import Status
from results.models import Result
from tests.factories import (
    AnswerTemplateFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    ResultFactory,
    TimelineEntryFactory,
)
from tests.initiatives.workspace.conftest import detail_url
from tests.results.conftest import record_url

pytestmark = pytest.mark.django_db

DATA = {
    "result-residents_reached": "32",
    "result-volunteers": "4",
    "result-partners_involved": "2",
    "result-money_spent": "1250,50",  # a Dutch decimal comma
    "result-story": "Dertig kinderen speelden samen op het plein.",
    "result-is_public": "on",
}


def test_the_page_of_a_completed_initiative_has_the_form_with_the_partners_count(
    client, completed, broker_a
):
    client.force_login(broker_a)
    html = client.get(detail_url(completed)).text
    assert "Wat heeft het opgeleverd?" in html
    assert 'name="result-partners_involved"' in html
    assert 'name="result-partners_involved" value="2"' in html
    assert "Schrijf geen namen" in html  # the story may become public: no personal data


def test_an_open_initiative_has_no_form(client, wijk_a, broker_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.IN_PROGRESS)
    client.force_login(broker_a)
    assert 'name="result-residents_reached"' not in client.get(detail_url(initiative)).text


def test_broker_records_the_result(client, completed, broker_a):
    client.force_login(broker_a)
    response = client.post(record_url(completed), DATA)
    assert response.status_code == 302
    assert response["Location"] == detail_url(completed)
    result = Result.objects.get(initiative=completed)
    assert (result.residents_reached, result.volunteers, result.partners_involved) == (32, 4, 2)
    assert result.money_spent == Decimal("1250.50")
    assert result.story == "Dertig kinderen speelden samen op het plein."
    assert result.is_public is True
    assert completed.timeline.get().internal_note.startswith("Resultaat vastgelegd")
    page = client.get(detail_url(completed)).text
    assert "Het resultaat is opgeslagen." in page
    assert "Dertig kinderen speelden samen op het plein." in page
    assert "€ 1.250,50" in page and "toegekend: € 500,00" in page
    assert 'name="result-residents_reached" value="32"' in page  # the form holds it now


def test_a_second_post_changes_the_result(client, completed, broker_a):
    ResultFactory(initiative=completed, residents_reached=10)
    client.force_login(broker_a)
    assert client.post(record_url(completed), DATA).status_code == 302
    assert Result.objects.get().residents_reached == 32


def test_a_broker_of_another_wijk_gets_403(client, completed, broker_b):
    client.force_login(broker_b)
    assert client.post(record_url(completed), DATA).status_code == 403
    assert not Result.objects.exists()


def test_a_council_member_gets_403(client, completed, council_member):
    client.force_login(council_member)
    assert client.post(record_url(completed), DATA).status_code == 403
    assert not Result.objects.exists()


def test_get_is_not_allowed(client, completed, broker_a):
    client.force_login(broker_a)
    assert client.get(record_url(completed)).status_code == 405


def test_anonymous_is_sent_to_log_in(client, completed):
    response = client.post(record_url(completed), DATA)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    assert not Result.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("result-residents_reached", "-3", "minstens 0"),
        ("result-residents_reached", "", "Vul dit in"),
        ("result-volunteers", "veel", "Vul een getal in, zoals 12"),
        ("result-partners_involved", "99999999999", "hoogstens 1000000"),
        ("result-money_spent", "-5", "minstens 0"),
        ("result-money_spent", "12345678901", "Zorg dat er niet meer dan"),
        ("result-story", "Bel Fatima op 06-12345678.", "telefoonnummer uit het verhaal"),
        ("result-story", "Mail naar fatima@voorbeeld.nl", "e-mailadres"),
        ("result-story", "x" * 2001, "Uw tekst is te lang: 2.001 tekens, maximaal 2.000."),
    ],
)
def test_bad_input_keeps_what_was_typed(client, completed, broker_a, field, value, message):
    client.force_login(broker_a)
    response = client.post(record_url(completed), {**DATA, field: value})
    assert response.status_code == 200
    assert message in response.text
    kept = value if field == "result-story" else DATA["result-story"]
    assert kept in response.text
    assert not Result.objects.exists()
    assert not completed.timeline.exists()


def test_an_initiative_reopened_meanwhile_says_why(client, completed, broker_a):
    client.force_login(broker_a)
    page_seen = client.get(detail_url(completed))
    assert page_seen.status_code == 200
    completed.status = Status.INTAKE
    completed.save(update_fields=["status"])
    response = client.post(record_url(completed), DATA)
    assert response.status_code == 200
    assert "Een resultaat kan pas als het initiatief is afgerond." in response.text
    assert "Dertig kinderen speelden samen op het plein." in response.text
    assert not Result.objects.exists()


@pytest.mark.parametrize("rows", [5, 50])
def test_page_with_a_result_costs_no_extra_query(
    client, completed, broker_a, django_assert_num_queries, rows
):
    ResultFactory(initiative=completed)
    for _ in range(rows):
        TimelineEntryFactory(initiative=completed, internal_note="notitie")
        InitiativePartnerFactory(initiative=completed)
        AnswerTemplateFactory()
    client.force_login(broker_a)
    # As tests/initiatives/workspace/test_workspace_detail.py counts (14), plus 15 the budget
    # pots of the grant form (a completed initiative). The result comes with the initiative.
    # With the wijk's voices, the criteria and the assessments (voices, assessments), and
    # the attachments.
    with django_assert_num_queries(22):
        assert client.get(detail_url(completed)).status_code == 200


def test_page_without_a_result_counts_the_partners_once(
    client, completed, broker_a, django_assert_num_queries
):
    client.force_login(broker_a)
    # The 15 above, plus 16 the linked partners for the form's first value.
    with django_assert_num_queries(23):
        assert client.get(detail_url(completed)).status_code == 200
