"""Intake on a resident's behalf: the broker types the idea in (phone, spreekuur, visit)."""

import re
import uuid

import pytest
from django.urls import reverse

from initiatives.models import Channel, ConsentBasis, EntryKind, Initiative, Status
from initiatives.views.intake import LETTER_SESSION_KEY
from tests.factories import PostcodeAreaFactory, priority

pytestmark = pytest.mark.django_db

URL = reverse("initiatives:workspace_intake")


def intake_data(wijk, **values) -> dict:
    data = {
        "channel": Channel.PHONE,
        "title": "Buurtmoestuin achter de flat",
        "description": "Mevrouw wil met buren groente kweken op het grasveld.",
        "neighbourhood": wijk.pk,
        "priorities": [priority("kinderen").pk],
        "name": "Fatma Yilmaz",
        "phone": "0612345678",
        "language": "nl",
        "consent_basis": ConsentBasis.VERBAL,
        "consent_date": "1-12-2026",
        "consent": "on",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(values)
    return {key: value for key, value in data.items() if value is not None}


def letter_url(initiative) -> str:
    return reverse("initiatives:workspace_letter", kwargs={"pk": initiative.pk})


def test_a_phone_intake_without_e_mail_leads_to_a_printable_letter(
    client, broker_a, wijk_a, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(broker_a)
    assert client.get(URL).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, intake_data(wijk_a))
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == letter_url(initiative)
    assert initiative.channel == Channel.PHONE
    assert initiative.entered_by == broker_a
    assert initiative.assigned_broker == broker_a  # who typed it in does the work
    assert initiative.status == Status.SUBMITTED
    assert initiative.first_response_at is None  # the clock starts at intake
    assert initiative.initiator.consent_basis == ConsentBasis.VERBAL
    assert initiative.initiator.consent_at.date().isoformat() == "2026-12-01"
    entry = initiative.timeline.get(kind=EntryKind.ENTERED_FOR_RESIDENT)
    assert entry.actor == broker_a
    assert [mail.to for mail in mailoutbox if "Fatma" in mail.body] == []  # no address

    letter = client.get(letter_url(initiative)).text
    link = re.search(r"/volgen/([0-9a-f]{64})/", letter)
    assert link is not None
    assert Initiative.objects.for_tracking_token(link.group(1)).get() == initiative
    assert 'src="data:image/svg+xml' in letter  # the QR code, drawn on the server
    assert "Beste Fatma Yilmaz" in letter
    assert "Print deze brief" in letter


def test_the_resident_follows_the_letter_s_link_and_sees_who_entered_it(client, broker_a, wijk_a):
    client.force_login(broker_a)
    client.post(URL, intake_data(wijk_a))
    letter = client.get(letter_url(Initiative.objects.get())).text
    token = re.search(r"/volgen/([0-9a-f]{64})/", letter).group(1)
    client.logout()
    page = client.get(reverse("initiatives:track", kwargs={"token": token}), follow=True)
    assert "Een sociaal makelaar heeft uw idee voor u ingevoerd" in page.text


def test_with_an_e_mail_address_the_resident_gets_the_link_by_mail(
    client, broker_a, wijk_a, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(broker_a)
    data = intake_data(wijk_a, email="fatma@example.org", language="en", channel=Channel.EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, data)
    initiative = Initiative.objects.get()
    [mail] = [mail for mail in mailoutbox if mail.to == ["fatma@example.org"]]
    assert "/volgen/" in mail.body
    assert "Thank you" in mail.body  # the resident's language
    assert initiative.language == "en"
    assert "De bewoner krijgt de link ook per e-mail" in client.get(letter_url(initiative)).text


def test_the_wijk_is_found_by_postcode(client, broker_a, wijk_a):
    PostcodeAreaFactory(postcode="1506", neighbourhood=wijk_a)
    client.force_login(broker_a)
    client.post(URL, intake_data(wijk_a, neighbourhood="", postcode="1506 ab"))
    assert Initiative.objects.get().neighbourhood == wijk_a


def test_a_postcode_of_another_wijk_is_refused_with_the_form_kept(client, broker_a, wijk_b):
    PostcodeAreaFactory(postcode="1507", neighbourhood=wijk_b)
    client.force_login(broker_a)
    response = client.post(URL, intake_data(wijk_b, neighbourhood="", postcode="1507AB"))
    assert response.status_code == 200
    assert f"Deze postcode ligt in {wijk_b.name}. Daar werkt u niet." in response.text
    assert "Buurtmoestuin achter de flat" in response.text
    assert not Initiative.objects.exists()


def test_a_broker_cannot_choose_a_wijk_they_do_not_work_in(client, broker_a, wijk_b):
    client.force_login(broker_a)
    response = client.post(URL, intake_data(wijk_b))
    assert response.status_code == 200
    assert "Kies een van de mogelijkheden" in response.text
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"consent": None}, "Zet een vinkje. Zonder toestemming voert u niets in."),
        ({"consent_date": "2099-01-01"}, "Deze datum ligt in de toekomst."),
        ({"consent_date": "gisteren"}, "Vul een datum in, zoals 3-12-2026."),
        ({"phone": "", "email": ""}, "Vul een e-mailadres of een telefoonnummer in."),
        ({"channel": "online"}, "Kies een van de mogelijkheden"),
        ({"consent_basis": "online_form"}, "Kies een van de mogelijkheden"),
        ({"title": "x" * 201}, "Uw tekst is te lang: 201 tekens, maximaal 200."),
    ],
)
def test_bad_input_is_a_clear_message_and_the_form_back(client, broker_a, wijk_a, values, message):
    client.force_login(broker_a)
    response = client.post(URL, intake_data(wijk_a, **values))
    assert response.status_code == 200
    assert message in response.text
    assert "Mevrouw wil met buren groente kweken" in response.text
    assert not Initiative.objects.exists()


def test_a_double_click_enters_the_idea_once(client, broker_a, wijk_a):
    client.force_login(broker_a)
    data = intake_data(wijk_a)
    client.post(URL, data)
    second = client.post(URL, data)
    assert Initiative.objects.count() == 1
    assert second["Location"] == letter_url(Initiative.objects.get())


def test_intake_is_for_brokers_only(client, council_member, wijk_a):
    assert client.get(URL).status_code == 302  # anonymous: to the log-in page
    client.force_login(council_member)
    assert client.get(URL).status_code == 403
    assert client.post(URL, intake_data(wijk_a)).status_code == 403
    assert not Initiative.objects.exists()
    assert client.put(URL).status_code == 405


def test_the_letter_is_shown_only_to_who_entered_it_or_made_a_new_link(
    client, broker_a, wijk_a, django_capture_on_commit_callbacks
):
    from tests.factories import broker_of

    client.force_login(broker_a)
    client.post(URL, intake_data(wijk_a))
    initiative = Initiative.objects.get()
    colleague = broker_of(wijk_a, username="collega")
    client.force_login(colleague)
    page = client.get(letter_url(initiative)).text
    assert "/volgen/" not in page
    assert "Nieuwe link en brief maken" in page
    old_hash = initiative.tracking_token_hash
    new_link = reverse("initiatives:workspace_new_link", kwargs={"pk": initiative.pk})
    assert client.get(new_link).status_code == 405
    response = client.post(new_link)
    assert response["Location"] == letter_url(initiative)
    initiative.refresh_from_db()
    assert initiative.tracking_token_hash != old_hash  # the old link stops working
    assert initiative.timeline.filter(kind=EntryKind.NEW_TRACKING_LINK, actor=colleague).exists()
    assert initiative.tracking_token() in client.get(letter_url(initiative)).text
    assert initiative.pk in client.session[LETTER_SESSION_KEY]


def test_a_broker_of_another_wijk_gets_no_letter_and_no_new_link(client, broker_b, wijk_a):
    from tests.factories import InitiativeFactory, InitiatorFactory

    initiative = InitiativeFactory(neighbourhood=wijk_a)
    InitiatorFactory(initiative=initiative)
    client.force_login(broker_b)
    assert client.get(letter_url(initiative)).status_code == 403
    new_link = reverse("initiatives:workspace_new_link", kwargs={"pk": initiative.pk})
    before = initiative.tracking_token_hash
    assert client.post(new_link).status_code == 403
    initiative.refresh_from_db()
    assert initiative.tracking_token_hash == before


def test_intake_counts_in_the_figures_by_channel(client, broker_a, wijk_a):
    client.force_login(broker_a)
    client.post(URL, intake_data(wijk_a, channel=Channel.CONSULTATION))
    assert Initiative.objects.filter(channel=Channel.CONSULTATION).count() == 1
