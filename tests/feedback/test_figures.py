"""How many initiators felt helped, per wijk: hand-computed, and never what they wrote."""

import csv
import io

import pytest
from django.urls import reverse

from feedback.models import Feedback
from initiatives.models import Initiative, Status
from tests.factories import InitiativeFactory

from .conftest import CLOSED_AT

pytestmark = pytest.mark.django_db

TEXT = "CANARY-FEEDBACK-TEXT"


@pytest.fixture
def answers(wijk_a, wijk_b):
    """Poelenburg: published answers 5, 4, 3 and 1, an unanswered request, and an
    unpublished 5. Kogerveld: nothing.

    Public figures: 4 answers, 2 felt helped (4 or 5): 50%. Over all initiatives: 5
    answers, 3 felt helped: 60%.
    """
    for helped, published in [(5, True), (4, True), (3, True), (1, True), (None, True), (5, False)]:
        initiative = InitiativeFactory(
            neighbourhood=wijk_a, status=Status.COMPLETED, published=published
        )
        Feedback.objects.create(
            initiative=initiative,
            requested_at=CLOSED_AT,
            helped=helped,
            improvement=TEXT if helped else "",
            answered_at=CLOSED_AT if helped else None,
        )


def test_the_figures_per_wijk(answers, wijk_a, wijk_b):
    figures = Initiative.objects.figures_by_neighbourhood(CLOSED_AT.date())
    assert (figures[wijk_a.pk]["feedback_answers"], figures[wijk_a.pk]["feedback_satisfied"]) == (
        5,
        3,
    )
    public = Initiative.objects.published().figures_by_neighbourhood(CLOSED_AT.date())
    assert (public[wijk_a.pk]["feedback_answers"], public[wijk_a.pk]["feedback_satisfied"]) == (
        4,
        2,
    )


def test_the_wijk_page_shows_the_share_and_the_answers_but_not_the_text(
    client, answers, wijk_a, council_member
):
    page = client.get(reverse("initiatives:neighbourhood", args=[wijk_a.slug])).text
    assert "Initiatiefnemers die zich geholpen voelden (4 of 5 van 5)" in page
    assert "50% (2 van 4)" in page
    assert TEXT not in page
    client.force_login(council_member)
    page = client.get(reverse("initiatives:neighbourhood", args=[wijk_a.slug])).text
    assert "60% (3 van 5)" in page
    assert TEXT not in page


def test_the_comparison_and_open_data_carry_it_but_not_the_text(client, answers, wijk_b):
    page = client.get(reverse("initiatives:neighbourhoods"), {"columns": "response"}).text
    assert "Voelde zich geholpen" in page and TEXT not in page
    response = client.get(reverse("initiatives:open_data_neighbourhoods_csv"))
    text = b"".join(response.streaming_content).decode()
    assert TEXT not in text
    rows = {row["wijk_slug"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    poelenburg = rows["poelenburg"]
    assert (
        poelenburg["feedback_answers"],
        poelenburg["feedback_satisfied"],
        poelenburg["feedback_satisfied_share"],
    ) == ("4", "2", "0.500")
    kogerveld = rows[wijk_b.slug]
    assert (kogerveld["feedback_answers"], kogerveld["feedback_satisfied_share"]) == ("0", "")


def test_the_initiatives_open_data_does_not_carry_the_text(client, answers):
    for name in ("initiatives:open_data_csv", "initiatives:open_data_json"):
        response = client.get(reverse(name))
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert TEXT.encode() not in content
