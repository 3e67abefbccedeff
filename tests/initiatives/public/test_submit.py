import uuid
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client

from initiatives.models import Initiative, Initiator, ThrottleBucket
from tests.factories import NeighbourhoodFactory, broker_of, priority

from .conftest import started

pytestmark = pytest.mark.django_db

URL = "/idee/"


def post(client, data, **extra):
    return client.post(URL, data, **extra)


def test_resident_sees_the_form_with_every_question(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    html = response.text
    for name in [
        "title",
        "description",
        "postcode",
        "neighbourhood",
        "priorities",
        "needs",
        "amount_requested",
        "name",
        "email",
        "phone",
        "consent",
    ]:
        assert f'name="{name}"' in html
    assert 'href="/privacy/"' in html
    assert "Alleen de sociaal makelaars van uw wijk zien uw naam" in html
    # The honeypot: out of sight, out of the tab order, never autofilled.
    assert 'name="website"' in html and 'tabindex="-1"' in html and 'autocomplete="off"' in html
    assert "Laat dit veld leeg" in html
    assert 'name="started"' in html and 'name="submission_key"' in html


def test_anonymous_resident_can_submit_without_account(
    client, submission, wijk_a, broker_a, django_capture_on_commit_callbacks
):
    submission["priorities"] = [priority("kinderen").pk]
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, submission)
    assert response.status_code == 302
    assert response["Location"] == "/idee/ontvangen/"

    initiative = Initiative.objects.get()
    assert initiative.title == "Huiswerkklas in het buurthuis"
    assert initiative.neighbourhood == wijk_a  # found through the postcode
    assert initiative.needs == ["place", "volunteers"]
    assert initiative.amount_requested == Decimal("1250.50")
    assert list(initiative.priorities.values_list("slug", flat=True)) == ["kinderen"]
    assert initiative.language == "nl"
    assert initiative.submission_key == uuid.UUID(submission["submission_key"])
    assert not initiative.is_published
    initiator = Initiator.objects.get()
    assert (initiator.name, initiator.email, initiator.phone) == (
        "Fatima de Vries",
        "fatima@bewoner.example",
        "",
    )

    to_initiator, to_brokers = sorted(
        mail.outbox, key=lambda message: message.to != [initiator.email]
    )
    assert to_initiator.to == ["fatima@bewoner.example"]
    assert "/volgen/" in to_initiator.body
    assert to_initiator.alternatives[0].mimetype == "text/html"
    assert to_brokers.to == [broker_a.email]
    assert "Fatima" not in to_brokers.body


def test_resident_may_choose_the_wijk_instead_of_a_postcode(client, submission, wijk_b):
    submission.update(postcode="", neighbourhood=wijk_b.pk, email="", phone="06 1234 5678")
    response = post(client, submission)
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.neighbourhood == wijk_b
    assert initiative.initiator.phone == "06 1234 5678"


def test_english_speaking_resident_gets_english_recorded(client, submission):
    client.cookies["django_language"] = "en"
    assert post(client, submission).status_code == 302
    assert Initiative.objects.get().language == "en"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Vul dit in"),
        ({"title": "x" * 201}, "title", "Uw tekst is te lang: 201 tekens, maximaal 200."),
        ({"description": "   "}, "description", "Vul dit in"),
        ({"postcode": ""}, "neighbourhood", "Vul uw postcode in of kies uw wijk"),
        ({"postcode": "15O6 AB"}, "postcode", "Dit is geen postcode"),
        ({"postcode": "9999 ZZ"}, "neighbourhood", "Wij vinden geen wijk bij deze postcode"),
        ({"neighbourhood": "999999"}, "neighbourhood", "Kies een van de mogelijkheden"),
        ({"neighbourhood": "abc'"}, "neighbourhood", "Kies een van de mogelijkheden"),
        ({"priorities": ["x'"]}, "priorities", ""),
        ({"needs": ["<script>"]}, "needs", "Kies een van de mogelijkheden"),
        ({"amount_requested": "-5"}, "amount_requested", "minstens 0"),
        ({"amount_requested": "1e400"}, "amount_requested", ""),
        ({"amount_requested": "99999999999999"}, "amount_requested", ""),
        ({"amount_requested": "veel"}, "amount_requested", "Vul een getal in"),
        ({"name": ""}, "name", "Vul dit in"),
        ({"email": "", "phone": ""}, "email", "Vul een e-mailadres of een telefoonnummer in"),
        ({"email": "fatima@"}, "email", "Dit is geen e-mailadres"),
        ({"phone": "bel mij"}, "phone", "Dit is geen telefoonnummer"),
        ({"consent": ""}, "consent", "Zet een vinkje. Zonder uw toestemming kunnen we niets"),
    ],
)
def test_each_mistake_gets_a_message_linked_from_the_summary_and_nothing_is_saved(
    client, submission, changes, field, message
):
    submission.update(changes)
    response = post(client, submission)
    assert response.status_code == 200
    html = response.text
    assert 'id="foutmeldingen"' in html
    assert f'href="#id_{field}"' in html
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert "<title>Fout:" in html
    assert not Initiative.objects.exists()
    # What the resident typed is still there.
    assert submission["title"] in html
    assert submission["description"].strip() in html
    assert 'value="Fatima de Vries"' in html or field == "name"


def test_a_filled_honeypot_saves_nothing_and_says_only_try_again(client, submission):
    submission["website"] = "http://spam.example"
    response = post(client, submission)
    assert response.status_code == 200
    assert "Uw formulier is niet verstuurd. Probeer het opnieuw." in response.text
    assert not Initiative.objects.exists()
    assert not ThrottleBucket.objects.exists()


def test_a_form_sent_too_fast_is_shown_again_with_a_friendly_message(client, submission):
    submission["started"] = started(seconds_ago=1)
    response = post(client, submission)
    assert response.status_code == 200
    assert "Dat ging erg snel" in response.text
    assert "Huiswerkklas in het buurthuis" in response.text
    assert not Initiative.objects.exists()


def test_minimum_fill_time_is_measured_from_the_signed_moment(client, submission, time_machine):
    time_machine.move_to("2026-03-02 10:00:00+01:00", tick=False)
    page = client.get(URL).text
    token = page.split('name="started" value="')[1].split('"')[0]
    submission["started"] = token
    time_machine.move_to("2026-03-02 10:00:02+01:00", tick=False)
    assert "Dat ging erg snel" in post(client, submission).text
    time_machine.move_to("2026-03-02 10:00:04+01:00", tick=False)
    assert post(client, submission).status_code == 302


@pytest.mark.parametrize("value", ["", "forged", "MTIzNDU2Nzg5MA:1abc:xyz"])
def test_a_missing_or_tampered_start_moment_saves_nothing(client, submission, value):
    submission["started"] = value
    response = post(client, submission)
    assert response.status_code == 200
    assert "Het formulier was verlopen" in response.text
    assert not Initiative.objects.exists()


def test_the_minimum_fill_time_is_a_setting(client, submission, settings):
    settings.SUBMIT_MIN_SECONDS = 0
    submission["started"] = started(seconds_ago=0)
    assert post(client, submission).status_code == 302


def test_a_double_click_creates_one_initiative(
    client, submission, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, submission)
        second = post(client, submission)
    assert first.status_code == second.status_code == 302
    assert Initiative.objects.count() == 1
    assert len([m for m in mail.outbox if m.to == ["fatima@bewoner.example"]]) == 1
    # The second confirmation does not show the link again.
    page = client.get("/idee/ontvangen/").text
    assert "U had dit formulier al verstuurd" in page
    assert "/volgen/" not in page.replace('href="/volgen/"', "")


def test_a_mangled_submission_key_still_submits(client, submission):
    submission["submission_key"] = "not-a-uuid"
    assert post(client, submission).status_code == 302
    assert Initiative.objects.get().submission_key is not None


def test_sixth_submission_from_one_address_in_an_hour_is_throttled(client, submission):
    for number in range(5):
        submission.update(
            submission_key=str(uuid.uuid4()), email=f"bewoner{number}@bewoner.example"
        )
        assert post(client, submission).status_code == 302
    submission.update(submission_key=str(uuid.uuid4()), email="nog.een@bewoner.example")
    response = post(client, submission)
    assert response.status_code == 429
    assert "Er zijn net veel formulieren verstuurd. Probeer het over een uur opnieuw." in (
        response.text
    )
    assert "Huiswerkklas in het buurthuis" in response.text  # the form keeps what was typed
    assert Initiative.objects.count() == 5


def test_throttling_holds_across_processes_because_it_lives_in_the_database(submission):
    """Two clients stand in for two gunicorn workers: they share only the database."""
    worker_1, worker_2 = Client(), Client()
    for number in range(5):
        worker = worker_1 if number % 2 else worker_2
        submission.update(submission_key=str(uuid.uuid4()), email=f"b{number}@bewoner.example")
        assert post(worker, submission).status_code == 302
    submission.update(submission_key=str(uuid.uuid4()), email="laatste@bewoner.example")
    assert post(worker_1, submission).status_code == 429
    assert post(worker_2, submission).status_code == 429
    counters = ThrottleBucket.objects.filter(scope="submit-address")
    assert [bucket.hits for bucket in counters] == [7]
    # Only keyed hashes are stored: no address, no e-mail.
    stored = " ".join(f"{b.scope} {b.key_hash}" for b in ThrottleBucket.objects.all())
    assert "127.0.0.1" not in stored and "bewoner.example" not in stored


def test_fourth_submission_with_one_email_in_a_day_is_throttled(client, submission):
    for number in range(3):
        submission["submission_key"] = str(uuid.uuid4())
        assert post(client, submission, REMOTE_ADDR=f"10.0.0.{number + 1}").status_code == 302
    submission["submission_key"] = str(uuid.uuid4())
    response = post(client, submission, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert Initiative.objects.count() == 3


def test_an_honest_residents_first_submission_is_never_blocked_by_someone_else(
    client, submission, settings
):
    settings.THROTTLE_SUBMIT_PER_ADDRESS_HOUR = 1
    submission["submission_key"] = str(uuid.uuid4())
    assert post(client, submission, REMOTE_ADDR="10.0.0.1").status_code == 302
    submission.update(submission_key=str(uuid.uuid4()), email="ander@bewoner.example")
    assert post(client, submission, REMOTE_ADDR="10.0.0.1").status_code == 429
    submission.update(submission_key=str(uuid.uuid4()), email="eerlijk@bewoner.example")
    assert post(client, submission, REMOTE_ADDR="10.0.0.2").status_code == 302


def test_a_resubmission_is_not_counted_against_the_limit(client, submission, settings):
    settings.THROTTLE_SUBMIT_PER_ADDRESS_HOUR = 1
    assert post(client, submission).status_code == 302
    assert post(client, submission).status_code == 302
    assert Initiative.objects.count() == 1


def test_the_form_refuses_a_post_without_csrf_token(submission):
    response = Client(enforce_csrf_checks=True).post(URL, submission)
    assert response.status_code == 403
    assert not Initiative.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_get_405(client, method):
    assert getattr(client, method)(URL).status_code == 405


def test_inactive_wijken_cannot_be_chosen(client, submission):
    closed = NeighbourhoodFactory(name="Oude wijk", slug="oude-wijk", is_active=False)
    submission.update(postcode="", neighbourhood=closed.pk)
    response = post(client, submission)
    assert "Oude wijk" not in response.text
    assert not Initiative.objects.exists()


def test_brokers_of_the_wijk_get_the_notification(
    client, submission, wijk_a, django_capture_on_commit_callbacks
):
    second = broker_of(wijk_a, username="broker_a2")
    with django_capture_on_commit_callbacks(execute=True):
        post(client, submission)
    broker_mail = next(m for m in mail.outbox if second.email in m.to)
    assert "Poelenburg" in broker_mail.body


def test_an_email_address_longer_than_the_database_allows_is_a_form_error(client, submission):
    # 259 characters that look like an address: the model keeps at most 254.
    submission["email"] = "a" * 243 + "@bewoner.example"
    assert len(submission["email"]) == 259
    response = post(client, submission)
    assert response.status_code == 200
    assert 'href="#id_email"' in response.text
    assert "Dit e-mailadres is te lang. Het mag hoogstens 254 tekens hebben." in response.text
    assert not Initiative.objects.exists()


def test_an_email_address_of_254_characters_is_accepted(client, submission):
    submission["email"] = "a" * 238 + "@bewoner.example"
    assert post(client, submission).status_code == 302
    assert len(Initiator.objects.get().email) == 254
