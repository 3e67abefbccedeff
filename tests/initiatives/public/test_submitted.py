import pytest

from initiatives.models import Initiative

pytestmark = pytest.mark.django_db

URL = "/idee/ontvangen/"


def test_confirmation_shows_the_private_link_once_and_the_due_date(client, submission):
    client.post("/idee/", submission)
    initiative = Initiative.objects.get()
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    html = response.text
    assert "http://testserver/volgen/" in html
    token = html.split("http://testserver/volgen/")[1].split("/")[0]
    assert Initiative.objects.for_tracking_token(token).get() == initiative
    assert "We hebben de link ook naar uw e-mailadres gestuurd." in html
    due = initiative.first_response_due
    assert f"uiterlijk op maandag {due.day} maart 2026" in html or str(due.day) in html
    assert "Poelenburg" in html

    # A reload no longer shows the link: it left the session when it was shown.
    again = client.get(URL)
    assert again.status_code == 302
    assert again["Location"] == "/"
    assert token not in str(client.session.items())


def test_resident_without_email_is_told_to_write_the_link_down(client, submission):
    submission.update(email="", phone="0612345678")
    client.post("/idee/", submission)
    html = client.get(URL).text
    assert "U ziet deze link maar één keer" in html


def test_confirmation_without_a_submission_sends_the_visitor_home(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_confirmation_only_answers_get_and_head(client):
    assert client.post(URL).status_code == 405
