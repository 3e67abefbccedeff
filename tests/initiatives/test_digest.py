"""The brokers' daily summary: its content, who gets it, and once a day only."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from initiatives import services
from initiatives.models import BrokerDigest, Initiative
from tests.factories import InitiativeFactory, InitiatorFactory, UserFactory, broker_of

pytestmark = pytest.mark.django_db

MORNING = dt.datetime(2026, 12, 3, 6, 30, tzinfo=dt.UTC)


def run() -> str:
    out = StringIO()
    call_command("send_broker_digests", stdout=out)
    return out.getvalue()


@pytest.fixture
def work(wijk_a, wijk_b, broker_a):
    """Overdue, a reply, a follow-up and a help offer in wijk A; nothing in wijk B."""
    overdue = InitiativeFactory(
        neighbourhood=wijk_a, title="Geheime titel", first_response_due=dt.date(2026, 11, 20)
    )
    replied = InitiativeFactory(neighbourhood=wijk_a, assigned_broker=broker_a)
    InitiatorFactory(initiative=replied, name="Fatma Yilmaz")
    follow_up = InitiativeFactory(neighbourhood=wijk_a, follow_up_on=dt.date(2026, 12, 3))
    helped = InitiativeFactory(neighbourhood=wijk_a, help_waiting_since=MORNING)
    later = InitiativeFactory(neighbourhood=wijk_a, follow_up_on=dt.date(2026, 12, 4))
    for initiative in (follow_up, helped, later):
        Initiative.objects.filter(pk=initiative.pk).update(
            first_response_at=MORNING, first_response_due=dt.date(2026, 12, 10)
        )
    Initiative.objects.filter(pk=replied.pk).update(
        first_response_at=MORNING, initiator_replied_at=MORNING
    )
    return overdue, replied, follow_up, helped, later


def test_a_broker_gets_one_summary_of_what_needs_them_today(
    work, broker_a, mailoutbox, django_capture_on_commit_callbacks
):
    overdue, replied, follow_up, helped, later = work
    with (
        time_machine.travel(MORNING, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert run().startswith("1 daily summary")
    [mail] = [mail for mail in mailoutbox if mail.to == [broker_a.email]]
    assert "Wat vandaag op u wacht" in mail.subject
    body = mail.body
    assert "Te laat met de eerste reactie (1)" in body
    assert "De bewoner reageerde (1)" in body
    assert "Opvolgen (1)" in body
    assert "Nieuw hulpaanbod (1)" in body
    for initiative in (overdue, replied, follow_up, helped):
        assert f"/werkvoorraad/{initiative.pk}/" in body
    assert f"/werkvoorraad/{later.pk}/" not in body  # tomorrow's follow-up
    # Like every mail to the brokers: no titles, no names.
    assert "Geheime titel" not in body and "Fatma" not in body
    assert mail.alternatives[0][0].count("<li>") == 4


def test_running_twice_in_a_day_sends_once(
    work, broker_a, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        time_machine.travel(MORNING, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        run()
        assert run().startswith("0 daily summary")
    assert len([mail for mail in mailoutbox if mail.to == [broker_a.email]]) == 1
    assert BrokerDigest.objects.filter(broker=broker_a).count() == 1
    with (
        time_machine.travel(MORNING + dt.timedelta(days=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert run().startswith("1 daily summary")  # the next day again


def test_nothing_to_do_means_no_mail(wijk_b, broker_b, mailoutbox):
    InitiativeFactory(neighbourhood=wijk_b, first_response_due=dt.date(2026, 12, 20))
    with time_machine.travel(MORNING, tick=False):
        assert run().startswith("0 daily summary")
    assert mailoutbox == []


def test_a_colleague_s_work_is_not_in_my_summary(work, wijk_a, broker_a):
    from initiatives import digest

    colleague = broker_of(wijk_a, username="collega", email="collega@gemeente.example")
    found = digest.collect(colleague, dt.date(2026, 12, 3))
    _overdue, replied, *_ = work
    assert replied not in found.replies  # assigned to broker A
    assert len(found.overdue) == 1  # nobody's yet: for every broker of the wijk


def test_handled_before_sending_sends_nothing(
    work, broker_a, mailoutbox, django_capture_on_commit_callbacks
):
    from initiatives import tasks

    with time_machine.travel(MORNING, tick=False):
        Initiative.objects.update(
            initiator_replied_at=None,
            help_waiting_since=None,
            follow_up_on=None,
            first_response_at=MORNING,
        )
        tasks.send_broker_digest.call(broker_id=broker_a.pk, day="2026-12-03")
    assert mailoutbox == []


def test_brokers_without_an_address_or_inactive_get_none(work, wijk_a, mailoutbox):
    UserFactory(username="geen_rol", email="burger@example.org")
    broker_of(wijk_a, username="weg", email="weg@gemeente.example", is_active=False)
    broker_of(wijk_a, username="zonder", email="")
    with time_machine.travel(MORNING, tick=False):
        run()
    assert not any(
        set(mail.to) & {"burger@example.org", "weg@gemeente.example"} for mail in mailoutbox
    )


def test_a_reply_from_the_resident_appears_the_next_morning(work, broker_a):
    from initiatives import digest

    *_, later = work
    services.reply_as_initiator(later, "Ik heb een vraag.")
    assert later in digest.collect(broker_a, dt.date(2026, 12, 3)).replies
