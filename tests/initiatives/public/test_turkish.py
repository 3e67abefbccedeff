"""A Turkish-speaking resident: the pages, and every e-mail, in Turkish."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from initiatives import services
from initiatives.models import HelpOffer, Initiative, Status
from subscriptions.models import Subscription
from tests.factories import PostcodeAreaFactory

from .conftest import started

pytestmark = pytest.mark.django_db


@pytest.fixture
def turkish(client):
    client.cookies["django_language"] = "tr"
    return client


def test_the_submit_form_is_turkish(turkish):
    response = turkish.get("/idee/")
    assert response["Content-Language"] == "tr"
    assert '<html lang="tr"' in response.text
    assert "Fikrinizi paylaşın" in response.text
    assert "Posta kodunuz" in response.text
    # The three priorities in Turkish.
    for name in ("Çocuklarımıza yardım edin", "İşsizlikle mücadele edin"):
        assert name in response.text


def test_a_turkish_submission_gets_a_turkish_e_mail_and_tracking_page(
    turkish, submission, broker_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = turkish.post("/idee/", submission)
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.language == "tr"

    to_initiator = next(m for m in mail.outbox if m.to == ["fatima@bewoner.example"])
    assert to_initiator.subject == "Fikrinizi aldık"
    assert "Bu kişisel bağlantı ile fikrinize ne olduğunu görebilirsiniz" in to_initiator.body
    assert "Aralık" in to_initiator.body or "Ocak" in to_initiator.body  # the date in Turkish
    html = to_initiator.alternatives[0].content
    assert '<html lang="tr"' in html
    # The brokers' mail stays Dutch.
    to_brokers = next(m for m in mail.outbox if m.to == [broker_a.email])
    assert to_brokers.subject.startswith("Nieuw initiatief")

    track = re.search(r"/volgen/[^/\s]+/", to_initiator.body).group(0)
    page = turkish.get(track, follow=True)  # the token moves out of the address
    assert page.status_code == 200
    assert "Fikriniz şimdi ne durumda?" in page.text


def test_later_mail_follows_the_initiative_language_not_the_broker_s(
    turkish, submission, broker_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        turkish.post("/idee/", submission)
    initiative = Initiative.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            initiative, Status.INTAKE, actor=broker_a, public_text="Wij bellen u deze week."
        )
    [message] = [m for m in mail.outbox if m.to == ["fatima@bewoner.example"]]
    assert "fikrinizin durumu şimdi: Görüşülüyor" in message.body
    assert "Wij bellen u deze week." in message.body  # the broker's own words stay


def test_a_turkish_help_offer_gets_a_turkish_confirmation(
    turkish, published, django_capture_on_commit_callbacks
):
    data = {
        "offer_kinds": ["time"],
        "message": "",
        "name": "Mehmet Kaya",
        "email": "mehmet@helper.example",
        "phone": "",
        "consent": "on",
        "website": "",
        "started": started(),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = turkish.post(f"/initiatieven/{published.pk}/helpen/", data)
    assert response.status_code == 302
    assert HelpOffer.objects.get().language == "tr"
    [message] = [m for m in mail.outbox if m.to == ["mehmet@helper.example"]]
    assert message.subject == "Yardım teklifiniz için teşekkürler"
    assert "Mahalle danışmanı (sociaal makelaar) teklifinizi okuyacak" in message.body


def test_verified_support_is_confirmed_in_turkish(
    turkish, published, wijk_a, django_capture_on_commit_callbacks
):
    PostcodeAreaFactory(postcode="1506", neighbourhood=wijk_a)
    data = {
        "postcode": "1506 ab",
        "house_number": "12",
        "email": "komsu@bewoner.example",
        "website": "",
        "started": started(),
    }
    url = reverse("initiatives:verify_support", kwargs={"pk": published.pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert turkish.post(url, data).status_code == 302
    [message] = mail.outbox
    assert message.subject == "Desteğinizi onaylayın"
    assert "Bağlantı 7 gün geçerlidir" in message.body


def test_following_a_wijk_in_turkish_sends_turkish_mail(turkish, wijk_a):
    data = {
        "email": "takip@bewoner.example",
        "frequency": "each",
        "website": "",
        "started": started(),
    }
    response = turkish.post(reverse("subscriptions:follow", kwargs={"slug": wijk_a.slug}), data)
    assert response.status_code in (200, 302)
    assert Subscription.objects.get().language == "tr"
    [message] = mail.outbox
    assert f"{wijk_a.name} haberlerini almak ister misiniz?" in message.subject
    assert "Bu siz miydiniz? O zaman bu bağlantıyı açın" in message.body
