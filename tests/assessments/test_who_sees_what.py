"""The assessment with its decision: the initiator, the public once published, brokers."""

import pytest
from django.urls import reverse

from assessments.models import Assessment, Score
from initiatives import services
from initiatives.models import Status

from .conftest import assess, detail_url, scored, versioned

pytestmark = pytest.mark.django_db

MEETS, PARTLY, NOT = Score.Value.MEETS, Score.Value.PARTLY, Score.Value.NOT
VALUES = [NOT, PARTLY, MEETS, MEETS, MEETS]


@pytest.fixture
def declined(client, initiative, broker_a, criteria):
    """The initiative declined through the workspace, with its scores."""
    client.force_login(broker_a)
    data = {
        **versioned(initiative, "status", to=Status.DECLINED, public_text="Het past niet."),
        **scored("status", criteria),
        f"status-score_{criteria[0].pk}": NOT,
        f"status-sentence_{criteria[0].pk}": "Bewoners noemden dit niet als prioriteit.",
    }
    assert (
        client.post(reverse("initiatives:workspace_status", args=[initiative.pk]), data).status_code
        == 302
    )
    client.logout()
    initiative.refresh_from_db()
    return initiative


def test_the_initiator_sees_the_assessment_on_the_tracking_page(client, declined, criteria):
    client.get(f"/volgen/{declined.token}/")
    page = client.get("/volgen/").text
    assert "Hoe de gemeente uw idee beoordeelde" in page
    assert "Afgewezen" in page
    assert "<strong><bdi>Past bij wat bewoners noemden</bdi></strong>: Voldoet niet." in page
    assert "Bewoners noemden dit niet als prioriteit." in page
    assert "<strong><bdi>Steun in de wijk</bdi></strong>: Voldoet." in page
    # The criterion's public explanation comes with it.
    assert "Andere bewoners steunen het idee of willen helpen." in page


def test_the_tracking_page_reads_in_english(client, declined, criteria):
    client.cookies["django_language"] = "en"
    client.get(f"/volgen/{declined.token}/")
    page = client.get("/volgen/").text
    assert "<strong><bdi>Fits what residents asked for</bdi></strong>: Does not meet." in page


def test_without_a_decision_there_is_no_assessment_to_see(client, initiative):
    client.get(f"/volgen/{initiative.token}/")
    assert "beoordeelde" not in client.get("/volgen/").text


def test_the_public_sees_the_assessment_once_published(client, declined, broker_a, criteria):
    url = reverse("initiatives:detail", kwargs={"pk": declined.pk})
    assert client.get(url).status_code == 404  # not published: no public page at all
    broker = type(broker_a).objects.get(pk=broker_a.pk)  # as a service caller, not a request
    services.publish(
        declined, actor=broker, public_title="Huiswerkklas", public_summary="Hulp bij huiswerk."
    )
    page = client.get(url).text
    assert "Hoe de gemeente dit idee beoordeelde" in page
    assert "Bewoners noemden dit niet als prioriteit." in page


def test_a_published_initiative_without_assessment_shows_none(client, wijk_a, broker_a):
    from tests.factories import InitiativeFactory

    initiative = InitiativeFactory(neighbourhood=wijk_a, published=True)
    page = client.get(reverse("initiatives:detail", kwargs={"pk": initiative.pk})).text
    assert "beoordeelde" not in page


def test_brokers_see_the_assessment_on_the_workspace_page(client, declined, broker_a):
    client.force_login(broker_a)
    page = client.get(detail_url(declined)).text
    assert "De initiatiefnemer ziet dit op de volgpagina" in page
    assert "Bewoners noemden dit niet als prioriteit." in page


def test_every_decision_keeps_its_own_assessment(client, initiative, broker_a, criteria):
    services.change_status(initiative, Status.INTAKE, actor=broker_a, public_text="We bellen.")
    initiative.refresh_from_db()
    assess(initiative, Assessment.Kind.APPROVED, broker_a, criteria, [MEETS] * 5)
    assess(initiative, Assessment.Kind.GRANT, broker_a, criteria, [PARTLY] * 5)
    client.get(f"/volgen/{initiative.token}/")
    page = client.get("/volgen/").text
    assert page.index("Goedgekeurd <span") < page.index("Geld toegekend <span")
    assert page.count("Voldoet deels.") == 5


@pytest.mark.parametrize("decisions", [1, 6])
def test_the_pages_query_count_does_not_grow_with_assessments(
    client, initiative, broker_a, criteria, django_assert_num_queries, decisions
):
    for _ in range(decisions):
        assess(initiative, Assessment.Kind.GRANT, broker_a, criteria, VALUES)
    client.get(f"/volgen/{initiative.token}/")
    # session, initiative + wijk, timeline entries, scores + decisions + criteria, the
    # initiator's photos (attachments)
    with django_assert_num_queries(6):
        page = client.get("/volgen/").text
    assert page.count("Geld toegekend <span") == decisions
