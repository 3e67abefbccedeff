"""E-mail to residents: published, a public update, a help offer confirmed and connected.

Every mail to an initiator or helper carries a stop link and the List-Unsubscribe headers
(RFC 8058); no mail goes out once they stopped it, after anonymising, or without an address.
"""

import re

import pytest
from django.core import mail, signing
from django.utils import timezone

from initiatives import resident_mail, services, tasks
from initiatives.models import EntryKind, HelpOffer, Initiator, Status
from tests.factories import HelpOfferFactory, InitiativeFactory, InitiatorFactory

pytestmark = pytest.mark.django_db

STOP_PATH = re.compile(r"http://testserver/wijkpost/bewoner/[^/\s\"]+/stoppen/")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def initiative(wijk_a):
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, status=Status.INTAKE, title="Eigen titel van Fatima"
    )
    InitiatorFactory(initiative=initiative, name="Fatima de Vries")
    return initiative


@pytest.fixture
def published(wijk_a):
    initiative = InitiativeFactory(
        neighbourhood=wijk_a,
        status=Status.INTAKE,
        published=True,
        title="Eigen titel van Fatima",
        public_title="Speeltuin opknappen",
    )
    InitiatorFactory(initiative=initiative, name="Fatima de Vries")
    return initiative


def _to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def _publish(initiative, broker, **kwargs):
    return services.publish(
        initiative,
        actor=broker,
        public_title="Speeltuin opknappen",
        public_summary="Bewoners knappen samen de speeltuin op.",
        **kwargs,
    )


def assert_stop_link(message) -> str:
    """The stop link in the text, the HTML and the List-Unsubscribe headers: one address."""
    (url,) = set(STOP_PATH.findall(message.body))
    assert url in message.alternatives[0].content
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    return url


# --- Published ---------------------------------------------------------------------------


def test_the_initiator_hears_when_their_idea_is_published_the_first_time(
    initiative, broker_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _publish(initiative, broker_a)
    (message,) = _to("fatima@bewoner.example")
    assert message.subject == "Uw idee staat op de website"
    assert "Beste Fatima de Vries," in message.body
    assert 'onder de titel "Speeltuin opknappen"' in message.body
    assert f"http://testserver/initiatieven/{initiative.pk}/" in message.body
    assert "Eigen titel van Fatima" not in message.body  # the public title only
    assert_stop_link(message)
    assert initiative.timeline.filter(
        kind=EntryKind.EMAIL_SENT, internal_note__contains="idee staat online"
    ).exists()


def test_a_new_title_or_a_second_publication_sends_no_second_mail(
    initiative, broker_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _publish(initiative, broker_a)
    with django_capture_on_commit_callbacks(execute=True):
        initiative = _publish(initiative, broker_a)
        initiative = services.unpublish(initiative, actor=broker_a)
        _publish(initiative, broker_a)
    assert len(_to("fatima@bewoner.example")) == 1


def test_the_published_mail_is_in_english_for_an_english_initiative(
    initiative, broker_a, django_capture_on_commit_callbacks
):
    initiative.language = "en"
    initiative.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        _publish(initiative, broker_a)
    (message,) = _to("fatima@bewoner.example")
    assert message.subject == "Your idea is on the website"
    assert 'Everyone can read it under the title "Speeltuin opknappen".' in message.body
    assert "Don't want any more e-mail from us about this idea? Open this link:" in message.body
    assert "Stop receiving e-mail" in message.alternatives[0].content


# --- Public updates ------------------------------------------------------------------------


def test_the_initiator_hears_of_a_public_update(
    published, broker_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.post_update(published, "De eerste klusdag was een succes.", actor=broker_a)
    (message,) = _to("fatima@bewoner.example")
    assert message.subject == "Nieuws over uw idee"
    assert 'Er is nieuws over uw idee "Eigen titel van Fatima".' in message.body
    assert "De eerste klusdag was een succes." in message.body
    assert "Dit bericht staat ook op de website." in message.body
    assert_stop_link(message)


def test_a_public_update_in_english(published, broker_a, django_capture_on_commit_callbacks):
    published.language = "en"
    published.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        services.post_update(published, "De eerste klusdag was een succes.", actor=broker_a)
    (message,) = _to("fatima@bewoner.example")
    assert message.subject == "News about your idea"
    assert 'There is news about your idea "Eigen titel van Fatima".' in message.body
    assert "This message is also on the website." in message.body


# --- Help offers -------------------------------------------------------------------------


def test_a_helper_gets_a_confirmation_of_their_offer(
    published, broker_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer = services.offer_help(published, name="Jan Bakker", email="jan@helper.example")
    (message,) = _to("jan@helper.example")
    assert message.subject == "Bedankt voor uw hulpaanbod"
    assert "Beste Jan Bakker," in message.body
    assert 'Bedankt dat u wilt helpen bij "Speeltuin opknappen".' in message.body
    assert f"http://testserver/initiatieven/{published.pk}/" in message.body
    for private in ("Fatima", "fatima@bewoner.example", "Eigen titel"):
        assert private not in message.body
        assert private not in message.alternatives[0].content
    url = assert_stop_link(message)
    assert resident_mail.contact_for_token(url.split("/")[-3]) == offer


def test_a_helper_in_english_gets_english(published, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        offer = services.offer_help(
            published, name="Jan Bakker", email="jan@helper.example", language="en"
        )
    assert offer.language == "en"
    (message,) = _to("jan@helper.example")
    assert message.subject == "Thank you for your offer of help"
    assert 'Thank you for wanting to help with "Speeltuin opknappen".' in message.body


def test_a_helper_hears_when_a_broker_connects_them(
    published, broker_a, django_capture_on_commit_callbacks
):
    offer = HelpOfferFactory(initiative=published, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.connect_help_offer(offer, actor=broker_a)
        services.connect_help_offer(offer, actor=broker_a)  # a double click: one mail
    (message,) = _to("jan@helper.example")
    assert message.subject == "Your offer of help has been passed on"
    assert "The social broker has passed your offer on to the initiator." in message.body
    assert "Fatima" not in message.body
    assert_stop_link(message)
    offer.language = "nl"
    offer.save(update_fields=["language"])
    mail.outbox.clear()
    tasks.notify_helper_connected.call(offer_id=offer.pk)
    assert mail.outbox[0].subject == "Uw hulpaanbod is doorgegeven"
    assert "De sociaal makelaar heeft uw aanbod doorgegeven" in mail.outbox[0].body


def test_a_helper_without_an_email_address_gets_no_mail(
    published, broker_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer = services.offer_help(published, name="Jan Bakker", phone="0612345678")
        services.connect_help_offer(offer, actor=broker_a)
    assert all(message.to != [""] for message in mail.outbox)
    assert [message.to for message in mail.outbox] == [["broker_a@gemeente.example"]]


# --- The existing mails carry the stop link too --------------------------------------------


def test_the_confirmation_of_a_new_idea_and_a_message_carry_the_stop_link(
    wijk_a, initiative, broker_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _new, _token = services.submit_initiative(
            title="Buurtmoestuin",
            description="Samen groente kweken.",
            neighbourhood=wijk_a,
            name="Fatima de Vries",
            email="fatima@bewoner.example",
        )
        services.send_message(initiative, "Kunnen we bellen?", actor=broker_a)
    submitted, message = _to("fatima@bewoner.example")
    assert_stop_link(submitted)
    assert "/volgen/" in submitted.body  # the tracking link, as before
    assert_stop_link(message)
    assert assert_stop_link(submitted) != assert_stop_link(message)  # one per initiator


# --- Not sent --------------------------------------------------------------------------------


def _every_resident_mail(initiative, offer, broker):
    _publish(initiative, broker)
    services.post_update(initiative, "Nieuws.", actor=broker)
    services.send_message(initiative, "Een vraag.", actor=broker)
    services.change_status(
        initiative, Status.PREPARING, actor=broker, public_text="We gaan aan de slag."
    )
    services.connect_help_offer(offer, actor=broker)


def test_no_mail_to_a_resident_who_stopped_it(
    initiative, broker_a, django_capture_on_commit_callbacks
):
    offer = HelpOfferFactory(initiative=initiative)
    assert resident_mail.stop_mail(initiative.initiator)
    assert resident_mail.stop_mail(offer)
    with django_capture_on_commit_callbacks(execute=True):
        _every_resident_mail(initiative, offer, broker_a)
    assert _to("fatima@bewoner.example") == []
    assert _to("jan@helper.example") == []


def test_no_mail_to_an_anonymised_resident(
    initiative, broker_a, django_capture_on_commit_callbacks
):
    offer = HelpOfferFactory(initiative=initiative)
    now = timezone.now()
    Initiator.objects.filter(pk=initiative.pk).update(
        **{**Initiator.anonymised(now), "email": "fatima@bewoner.example"}
    )
    HelpOffer.objects.filter(pk=offer.pk).update(
        **{**HelpOffer.anonymised(now), "email": "jan@helper.example"}
    )
    initiative.initiator.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        _every_resident_mail(initiative, offer, broker_a)
    assert _to("fatima@bewoner.example") == []
    assert _to("jan@helper.example") == []


def test_stopping_twice_records_it_once_for_the_brokers(initiative):
    initiator = initiative.initiator
    assert resident_mail.stop_mail(initiator) is True
    first = initiator.mail_stopped_at
    assert resident_mail.stop_mail(initiator) is False
    initiator.refresh_from_db()
    assert initiator.mail_stopped_at == first
    (entry,) = initiative.timeline.filter(kind=EntryKind.DATA_REQUEST)
    assert entry.actor is None and entry.is_internal
    assert entry.internal_note.startswith("De initiatiefnemer wil geen e-mail meer")


@pytest.mark.parametrize(
    "token",
    ["", "nonsense", "a:b:c", "WyJ4IiwxXQ:1abc:forged", "eyJ0ZXN0IjoxfQ"],
)
def test_a_token_we_did_not_sign_names_nobody(initiative, token):
    assert resident_mail.contact_for_token(token) is None


def test_a_token_of_another_purpose_names_nobody(initiative):
    assert resident_mail.contact_for_token(signing.dumps(["i", initiative.pk])) is None
    assert resident_mail.contact_for_token(signing.dumps(["i", initiative.pk], salt="x")) is None
    signed = signing.dumps(["?", initiative.pk], salt=resident_mail.SALT)
    assert resident_mail.contact_for_token(signed) is None
