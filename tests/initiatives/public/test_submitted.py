import pytest
from django.contrib.sessions.models import Session

from initiatives.models import Initiative
from initiatives.views.public import SUBMITTED_SESSION_KEY

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


def test_the_session_never_holds_the_private_token(client, submission):
    client.post("/idee/", submission)
    initiative = Initiative.objects.get()
    token = initiative.tracking_token()
    # Between the form and the confirmation: only the id and that the link may be shown.
    assert client.session[SUBMITTED_SESSION_KEY] == {"id": initiative.pk, "show_link": True}
    row = Session.objects.get(session_key=client.session.session_key)
    assert token not in row.session_data
    assert token not in str(row.get_decoded())

    # The link is derived from the initiative when shown, and still works.
    html = client.get(URL).text
    assert f"http://testserver/volgen/{token}/" in html
    row.refresh_from_db()
    assert token not in str(row.get_decoded())
    assert SUBMITTED_SESSION_KEY not in row.get_decoded()


def test_a_head_request_does_not_use_up_the_one_showing_of_the_link(client, submission):
    client.post("/idee/", submission)
    token = Initiative.objects.get().tracking_token()
    head = client.head(URL)
    assert head.status_code == 200
    assert "no-store" in head["Cache-Control"]
    assert SUBMITTED_SESSION_KEY in client.session

    assert token in client.get(URL).text
    assert client.get(URL).status_code == 302
    assert client.head(URL).status_code == 302


def test_a_resubmission_confirms_without_a_link(client, submission):
    client.post("/idee/", submission)
    client.get(URL)
    client.post("/idee/", submission)
    assert client.session[SUBMITTED_SESSION_KEY]["show_link"] is False
    html = client.get(URL).text
    assert "U had dit formulier al verstuurd" in html
    assert "/volgen/" not in html.replace('href="/volgen/"', "")
