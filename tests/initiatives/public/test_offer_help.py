import pytest
from django.core import mail

from initiatives.models import EntryKind, HelpOffer, Status
from tests.factories import InitiativeFactory

from .conftest import started

pytestmark = pytest.mark.django_db


def url(initiative) -> str:
    return f"/initiatieven/{initiative.pk}/helpen/"


@pytest.fixture
def offer() -> dict:
    return {
        "offer_kinds": ["time", "materials"],
        "message": "Ik heb een aanhanger.",
        "name": "Jan Bakker",
        "email": "jan@helper.example",
        "phone": "",
        "consent": "on",
        "website": "",
        "started": started(),
    }


def test_help_form_is_shown_for_an_open_published_initiative(client, published):
    response = client.get(url(published))
    assert response.status_code == 200
    assert "Speeltuin Poelenburg opknappen" in response.text
    assert 'name="offer_kinds"' in response.text
    assert 'href="/privacy/"' in response.text


def test_resident_offers_help_and_the_brokers_of_the_wijk_are_told(
    client, published, offer, broker_a, broker_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(published), offer)
    assert response.status_code == 302
    assert response["Location"] == f"/initiatieven/{published.pk}/"
    help_offer = HelpOffer.objects.get()
    assert (help_offer.name, help_offer.email, help_offer.offer_kinds) == (
        "Jan Bakker",
        "jan@helper.example",
        ["time", "materials"],
    )
    published.refresh_from_db()
    assert published.help_offer_count == 1
    assert published.timeline.filter(kind=EntryKind.HELP_OFFERED).exists()
    # The brokers (without the helper's details) and the helper's own confirmation.
    assert [m.to for m in mail.outbox] == [[broker_a.email], ["jan@helper.example"]]
    assert "Jan" not in mail.outbox[0].body
    assert help_offer.language == "nl"
    assert "Dank u wel voor uw hulp!" in client.get(response["Location"]).text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"offer_kinds": []}, "offer_kinds"),
        ({"offer_kinds": ["money"]}, "offer_kinds"),
        ({"name": ""}, "name"),
        ({"email": "", "phone": ""}, "email"),
        ({"email": "jan@"}, "email"),
        ({"phone": "abc"}, "phone"),
        ({"consent": ""}, "consent"),
        ({"message": "x" * 2001}, "message"),
    ],
)
def test_each_mistake_in_the_help_form_is_linked_from_the_summary(
    client, published, offer, changes, field
):
    offer.update(changes)
    response = client.post(url(published), offer)
    assert response.status_code == 200
    assert f'href="#id_{field}"' in response.text
    assert not HelpOffer.objects.exists()


def test_help_form_has_a_honeypot_and_a_minimum_time(client, published, offer):
    assert "Probeer het opnieuw" in client.post(url(published), {**offer, "website": "x"}).text
    assert (
        "Dat ging erg snel"
        in client.post(url(published), {**offer, "started": started(seconds_ago=0)}).text
    )
    assert not HelpOffer.objects.exists()


def test_help_offers_are_throttled_per_email(client, published, offer, settings):
    settings.THROTTLE_HELP_PER_EMAIL_DAY = 1
    assert client.post(url(published), offer, REMOTE_ADDR="10.0.0.1").status_code == 302
    response = client.post(url(published), offer, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 429
    assert HelpOffer.objects.count() == 1


def test_no_help_for_closed_or_unpublished_initiatives(client, published, offer, wijk_a):
    hidden = InitiativeFactory(neighbourhood=wijk_a)
    assert client.post(url(hidden), offer).status_code == 404
    published.status = Status.COMPLETED
    published.save(update_fields=["status"])
    assert client.post(url(published), offer).status_code == 302
    assert not HelpOffer.objects.exists()


def test_help_form_refuses_other_methods(client, published):
    assert client.put(url(published)).status_code == 405


def test_an_email_address_longer_than_the_database_allows_is_a_form_error_when_helping(
    client, published, offer
):
    offer["email"] = "a" * 244 + "@helper.example"
    assert len(offer["email"]) == 259
    response = client.post(url(published), offer)
    assert response.status_code == 200
    assert 'href="#id_email"' in response.text
    assert "Dit e-mailadres is te lang. Het mag hoogstens 254 tekens hebben." in response.text
    assert not HelpOffer.objects.exists()


def test_refusing_consent_to_help_says_what_to_do(client, published, offer):
    offer["consent"] = ""
    response = client.post(url(published), offer)
    assert "Zet een vinkje. Zonder uw toestemming kunnen we u niet bellen of mailen." in (
        response.text
    )


def test_a_double_click_on_the_help_form_creates_one_offer(client, published, offer):
    form = client.get(url(published)).context["form"]
    offer["submission_key"] = str(form["submission_key"].initial)
    assert client.post(url(published), offer).status_code == 302
    assert client.post(url(published), offer).status_code == 302
    published.refresh_from_db()
    assert HelpOffer.objects.count() == 1 == published.help_offer_count
