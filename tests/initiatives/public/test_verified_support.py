"""Verified neighbours: support confirmed by e-mail from an address inside the wijk."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from initiatives import services, verification
from initiatives.models import Initiative, SupportConfirmation, VerifiedSupport
from neighbourhoods.models import HouseNumberRange
from tests.factories import PostcodeAreaFactory
from wijkaanpak.logging import redact

from .conftest import started

pytestmark = pytest.mark.django_db

EMAIL = "buurvrouw@bewoner.example"


@pytest.fixture(autouse=True)
def areas(wijk_a, wijk_b):
    PostcodeAreaFactory(postcode="1506", neighbourhood=wijk_a)
    PostcodeAreaFactory(postcode="1506XY", neighbourhood=wijk_b)  # a PC6 of wijk B in PC4 A


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    """Post the form; the confirmation e-mail goes when the transaction commits."""

    def post(initiative, **values):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(form_url(initiative), data(**values))

    return post


def form_url(initiative) -> str:
    return reverse("initiatives:verify_support", kwargs={"pk": initiative.pk})


def data(**values) -> dict:
    return {
        "postcode": "1506 ab",
        "house_number": "12a",
        "email": EMAIL,
        "website": "",
        "started": started(),
        **values,
    }


def link_from_mail() -> str:
    return re.search(r"http\S+/steun-bevestigen/\S+/", mail.outbox[-1].body).group(0)


def confirm(client, link: str):
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    return client.post(path)


def count(initiative) -> int:
    return Initiative.objects.with_verified_count().get(pk=initiative.pk).verified_count


def test_a_resident_of_the_wijk_confirms_by_e_mail_and_counts_once(ask, client, published):
    assert client.get(form_url(published)).status_code == 200
    response = ask(published)
    assert response.status_code == 302
    assert count(published) == 0  # not before the link is used
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [EMAIL]
    link = link_from_mail()
    # Opening the link changes nothing (mail scanners open links); the button does.
    path = "/" + link.split("/", 3)[3]
    page = client.get(path)
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "same-origin"
    assert count(published) == 0
    assert client.post(path).status_code == 302
    assert count(published) == 1
    html = client.get(published.get_absolute_url()).text
    assert "1 adres in de wijk steunt dit." in html


def test_no_address_is_stored_and_the_e_mail_is_deleted_after_confirmation(ask, client, published):
    ask(published)
    confirmation = SupportConfirmation.objects.get()
    assert confirmation.email == EMAIL  # needed only until the link is used
    confirm(client, link_from_mail())
    confirmation.refresh_from_db()
    assert confirmation.email == ""
    with connection.cursor() as cursor:
        for table in ("initiatives_supportconfirmation", "initiatives_verifiedsupport"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
            dump = " ".join(str(value) for row in cursor.fetchall() for value in row).upper()
            assert "1506" not in dump and "12A" not in dump and EMAIL.upper() not in dump
    assert VerifiedSupport.objects.get().address_hash == verification.address_hash("1506AB", "12A")


def test_the_same_address_twice_counts_once(ask, client, published):
    for spelling in ("12a", "12 A"):
        ask(published, postcode="1506AB", house_number=spelling)
        confirm(client, link_from_mail())
    assert count(published) == 1
    ask(published, house_number="12B")
    confirm(client, link_from_mail())
    assert count(published) == 2


def test_an_address_outside_the_wijk_is_refused_keeping_what_was_typed(ask, client, published):
    response = ask(published, postcode="1506 XY")
    assert response.status_code == 200
    assert "Dit adres ligt niet in" in response.text
    assert 'value="1506 XY"' in response.text
    assert f'value="{EMAIL}"' in response.text
    assert not SupportConfirmation.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("postcode", "1506"),  # PC4 only
        ("postcode", "15O6 AB"),  # a letter O for a zero
        ("postcode", "AB 1506"),
        ("postcode", ""),
        ("house_number", "nul"),
        ("house_number", "0"),
        ("house_number", ""),
        ("email", "buurvrouw@"),
    ],
)
def test_typos_are_form_errors_not_500s(ask, client, published, field, value):
    response = ask(published, **{field: value})
    assert response.status_code == 200
    assert f'href="#id_{field}"' in response.text
    assert not SupportConfirmation.objects.exists()


def test_a_reused_link_says_so_and_counts_nothing_more(ask, client, published):
    ask(published)
    link = link_from_mail()
    confirm(client, link)
    response = confirm(client, link)
    assert response.status_code == 200
    assert "Deze link is al gebruikt." in response.text
    assert count(published) == 1


def test_an_expired_link_is_refused_and_forgotten(ask, client, published, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC), tick=False)
    ask(published)
    link = link_from_mail()
    time_machine.move_to(dt.datetime(2026, 3, 9, 10, 1, tzinfo=dt.UTC), tick=False)
    response = confirm(client, link)
    assert "Deze link is verlopen." in response.text
    assert count(published) == 0
    assert not SupportConfirmation.objects.exists()


def test_an_unknown_link_is_refused(client, published):
    response = client.post("/steun-bevestigen/niet-echt-een-token/")
    assert response.status_code == 200
    assert "Deze link kennen we niet." in response.text


def test_unused_requests_and_their_e_mail_addresses_expire(published):
    start = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
    verification.request_confirmation(
        published, postcode="1506AB", house_number="1", email=EMAIL, now=start
    )
    verification.request_confirmation(
        published,
        postcode="1506AB",
        house_number="2",
        email="ander@bewoner.example",
        now=start + dt.timedelta(days=8),
    )
    assert list(SupportConfirmation.objects.values_list("email", flat=True)) == [
        "ander@bewoner.example"
    ]


def test_a_closed_initiative_cannot_be_supported(client, published, broker_a):
    services.change_status(published, "withdrawn", actor=broker_a, public_text="Gestopt.")
    with pytest.raises(services.WorkflowError):
        verification.request_confirmation(
            Initiative.objects.get(pk=published.pk),
            postcode="1506AB",
            house_number="1",
            email=EMAIL,
        )


def test_the_form_is_throttled(ask, client, published, settings):
    settings.THROTTLE_VERIFY_PER_EMAIL_DAY = 2
    for _number in range(2):
        assert ask(published).status_code == 302
    response = ask(published)
    assert response.status_code == 429
    assert SupportConfirmation.objects.count() == 2


def test_the_link_is_removed_from_the_logs():
    assert redact("GET /steun-bevestigen/abcdef0123456789/ 200") == (
        "GET /steun-bevestigen/[verwijderd] 200"  # the rest of the path goes too
    )


def test_the_e_mail_carries_no_address_and_the_task_no_secret(ask, client, published):
    ask(published)
    message = mail.outbox[0]
    assert "1506" not in message.body and "12A" not in message.body.upper()


def test_where_a_pc6_spans_two_wijken_the_house_number_decides(ask, published, wijk_b):
    HouseNumberRange.objects.create(postcode="1506AB", first=1, last=10, neighbourhood=wijk_b)
    response = ask(published, house_number="7")
    assert "Dit adres ligt niet in" in response.text
    assert ask(published, house_number="11").status_code == 302
