"""The two questions on the tracking page, the answer, and who reads it."""

import re

import pytest
from django.urls import reverse

from feedback import services
from feedback.models import Feedback
from initiatives import privacy
from initiatives.models import Status

from .conftest import close, morning

pytestmark = pytest.mark.django_db

ANSWER = reverse("feedback:answer")
QUESTION = "Voelde u zich geholpen?"


@pytest.fixture
def asked(closed):
    Feedback.objects.create(initiative=closed, requested_at=morning(14))
    return closed


def open_link(client, initiative) -> None:
    client.get(f"/volgen/{initiative.token}/")


def test_no_questions_before_the_request(client, closed):
    open_link(client, closed)
    assert QUESTION not in client.get("/volgen/").text


def test_the_questions_show_once_asked_as_a_fieldset_with_five_labelled_choices(client, asked):
    open_link(client, asked)
    page = client.get("/volgen/").text
    assert "Hoe ging het?" in page
    assert re.search(r"<legend[^>]*>Voelde u zich geholpen\?", page)
    assert page.count('type="radio" name="helped"') == 5
    for label in ("Helemaal niet", "Niet echt", "Een beetje", "Grotendeels", "Helemaal wel"):
        assert label in page
    assert "Wat kan beter?" in page
    assert "maximaal 1.000 tekens" in page  # the limit shown (wijkaanpak.forms.plain_dutch)


def test_an_answer_is_saved_and_thanked_for(client, asked):
    open_link(client, asked)
    response = client.post(ANSWER, {"helped": "4", "improvement": "  Sneller bellen.  "})
    assert response.status_code == 302 and response["Location"] == "/volgen/"
    feedback = Feedback.objects.get()
    assert (feedback.helped, feedback.improvement) == (4, "Sneller bellen.")
    assert feedback.answered_at is not None
    page = client.get("/volgen/").text
    assert "Dank u wel voor uw antwoord." in page
    assert "antwoordde u: “Grotendeels”" in page
    assert "Wijzig mijn antwoord" in page
    assert re.search(r'value="4"[^>]*checked', page)


def test_a_second_answer_replaces_the_first(client, asked):
    open_link(client, asked)
    client.post(ANSWER, {"helped": "2", "improvement": "Niemand belde terug."})
    client.post(ANSWER, {"helped": "5", "improvement": ""})
    feedback = Feedback.objects.get()
    assert (feedback.helped, feedback.improvement) == (5, "")


@pytest.mark.parametrize(
    ("helped", "message"),
    [
        ("", "Kies hoe geholpen u zich voelde."),
        ("0", "Kies een van de vijf antwoorden."),
        ("6", "Kies een van de vijf antwoorden."),
        ("drie", "Kies een van de vijf antwoorden."),
    ],
)
def test_bad_input_keeps_what_was_typed(client, asked, helped, message):
    open_link(client, asked)
    response = client.post(ANSWER, {"helped": helped, "improvement": "Mijn eigen woorden"})
    assert response.status_code == 200
    assert message in response.text
    assert 'id="foutmeldingen"' in response.text
    assert "Mijn eigen woorden" in response.text
    assert Feedback.objects.get().helped is None


def test_a_text_over_the_limit_is_refused_and_kept(client, asked):
    open_link(client, asked)
    response = client.post(ANSWER, {"helped": "3", "improvement": "x" * 1001})
    assert response.status_code == 200
    assert "x" * 1001 in response.text
    assert Feedback.objects.get().helped is None


@pytest.mark.parametrize("helped", [1, 5])
def test_both_ends_of_the_scale_are_accepted(client, asked, helped):
    open_link(client, asked)
    assert client.post(ANSWER, {"helped": str(helped)}).status_code == 302
    assert Feedback.objects.get().helped == helped


def test_without_a_request_an_answer_is_refused(client, closed):
    open_link(client, closed)
    response = client.post(ANSWER, {"helped": "5"}, follow=True)
    assert "Deze vragen kunt u nu niet beantwoorden." in response.text
    assert not Feedback.objects.exists()


def test_after_reopening_the_questions_wait(client, asked, broker_a):
    close(asked, broker_a, to=Status.INTAKE, now=morning(15))
    open_link(client, asked)
    assert QUESTION not in client.get("/volgen/").text
    client.post(ANSWER, {"helped": "5"})
    assert Feedback.objects.get().helped is None


def test_after_anonymising_the_text_is_gone_and_no_answer_is_taken(client, asked):
    services.answer(asked, helped=2, improvement="Mevrouw Jansen van nummer 3 hielp niet.")
    privacy.erase_initiator(asked)
    feedback = Feedback.objects.get()
    assert (feedback.helped, feedback.improvement) == (2, "")  # the score stays for the figures
    open_link(client, asked)
    assert QUESTION not in client.get("/volgen/").text
    client.post(ANSWER, {"helped": "5"})
    assert Feedback.objects.get().helped == 2


def test_the_retention_run_clears_the_text_too(asked):
    services.answer(asked, helped=4, improvement="Meer uitleg graag.")
    privacy.anonymise_closed(morning(400))
    assert Feedback.objects.get().improvement == ""


def test_only_a_post_is_taken(client, asked):
    open_link(client, asked)
    assert client.get(ANSWER).status_code == 405


def test_without_the_private_link_there_is_nothing_to_answer(client, asked):
    assert client.post(ANSWER, {"helped": "5"}).status_code == 404


# --- Who reads it -------------------------------------------------------------------------


def detail_url(initiative) -> str:
    return reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})


def test_the_wijks_broker_reads_the_answer_and_the_text(client, asked, broker_a):
    services.answer(asked, helped=2, improvement="Niemand belde terug.")
    client.force_login(broker_a)
    page = client.get(detail_url(asked)).text
    assert "Vragen achteraf" in page
    assert "Niet echt (2/5)" in page
    assert "Niemand belde terug." in page


def test_before_an_answer_the_broker_sees_when_it_was_asked(client, asked, broker_a):
    client.force_login(broker_a)
    page = client.get(detail_url(asked)).text
    assert "Op 16 maart 2026 vroegen we de initiatiefnemer hoe het ging." in page


def test_the_tracking_page_query_count_with_an_answer(client, asked, django_assert_num_queries):
    services.answer(asked, helped=4, improvement="Prima.")
    open_link(client, asked)
    # session, initiative + wijk, timeline entries, assessments' scores, the feedback with
    # its initiative and initiator (one query).
    with django_assert_num_queries(6):
        assert client.get("/volgen/").status_code == 200


def test_the_resident_s_own_data_holds_the_answer(client, asked):
    import json

    services.answer(asked, helped=3, improvement="Meer uitleg graag.")
    open_link(client, asked)
    data = json.loads(client.get(reverse("initiatives:track_data_json")).content)
    assert data["feedback"]["helped"] == 3
    assert data["feedback"]["improvement"] == "Meer uitleg graag."
    page = client.get(reverse("initiatives:track_data")).text
    assert "Uw antwoord op de vragen achteraf" in page and "Meer uitleg graag." in page
