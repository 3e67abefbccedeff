"""The request afterwards: FEEDBACK_AFTER_DAYS days after closing, once per initiative ever."""

from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from feedback import services
from feedback.models import Feedback
from initiatives import privacy
from initiatives.models import EntryKind, Initiator, Status
from initiatives.resident_mail import stop_mail
from tests.factories import InitiativeFactory, InitiatorFactory

from .conftest import close, morning, requests_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """The daily command on the morning ``day`` days after closing; its output."""

    def run(day: int) -> str:
        out = StringIO()
        with (
            time_machine.travel(morning(day), tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("send_feedback_requests", stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def ask(django_capture_on_commit_callbacks):
    """``services.queue_requests`` on the morning ``day`` days after closing, mail sent."""

    def ask(day: int) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return services.queue_requests(now=morning(day))

    return ask


def test_nothing_on_day_13_the_request_on_day_14_and_nothing_on_a_second_run(
    closed, mailoutbox, run
):
    assert "0 follow-up request(s) queued" in run(13)
    assert requests_in(mailoutbox) == []
    assert not Feedback.objects.exists()

    assert "1 follow-up request(s) queued" in run(14)
    [message] = requests_in(mailoutbox)
    assert message.to == ["fatima@bewoner.example"]
    assert "Beste Fatima de Vries," in message.body
    assert "Huiswerkklas in het buurthuis" in message.body
    assert "/volgen/" in message.body
    # Resident mail: the stop link in the text and the headers.
    assert "/wijkpost/bewoner/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    feedback = Feedback.objects.get()
    assert feedback.initiative_id == closed.pk and feedback.helped is None
    # The brokers see on the timeline that it went.
    assert closed.timeline.filter(
        kind=EntryKind.EMAIL_SENT, internal_note__contains="twee vragen achteraf"
    ).exists()

    assert "0 follow-up request(s) queued" in run(15)
    assert len(requests_in(mailoutbox)) == 1


@pytest.mark.parametrize("to", [Status.DECLINED, Status.REFERRED])
def test_declined_and_referred_are_asked(initiative, broker_a, mailoutbox, to, ask):
    close(initiative, broker_a, to=to)
    assert ask(14) == 1


def test_completed_is_asked(wijk_a, broker_a, mailoutbox, ask):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.IN_PROGRESS)
    InitiatorFactory(initiative=initiative)
    close(initiative, broker_a, to=Status.COMPLETED)
    assert ask(14) == 1
    assert len(requests_in(mailoutbox)) == 1


def test_open_and_withdrawn_initiatives_are_not_asked(initiative, broker_a, mailoutbox, ask):
    close(initiative, broker_a, to=Status.WITHDRAWN)
    assert ask(30) == 0
    assert requests_in(mailoutbox) == []


def test_reopened_and_closed_again_is_asked_once(closed, broker_a, mailoutbox, ask):
    assert ask(14) == 1
    reopened = close(closed, broker_a, to=Status.INTAKE, now=morning(20))
    assert ask(21) == 0
    close(reopened, broker_a, to=Status.DECLINED, now=morning(22))
    assert ask(60) == 0
    assert len(requests_in(mailoutbox)) == 1


def test_reopened_before_the_request_is_asked_after_the_second_closing(
    closed, broker_a, mailoutbox, ask
):
    reopened = close(closed, broker_a, to=Status.INTAKE, now=morning(5))
    assert ask(14) == 0  # open
    close(reopened, broker_a, to=Status.DECLINED, now=morning(10))
    assert ask(23) == 0  # 13 days after the second closing
    assert ask(24) == 1
    assert len(requests_in(mailoutbox)) == 1


def test_not_after_anonymising(closed, mailoutbox, ask):
    privacy.erase_initiator(closed)
    assert ask(14) == 0
    assert requests_in(mailoutbox) == []
    assert not Feedback.objects.exists()


def test_not_when_the_resident_stopped_mail(closed, mailoutbox, ask):
    stop_mail(Initiator.objects.get(initiative=closed))
    assert ask(14) == 0
    assert requests_in(mailoutbox) == []


def test_not_without_an_address(closed, mailoutbox, ask):
    Initiator.objects.filter(initiative=closed).update(email="")
    assert ask(14) == 0
    assert requests_in(mailoutbox) == []


def test_not_without_an_initiator(wijk_a, broker_a, mailoutbox, ask):
    close(InitiativeFactory(neighbourhood=wijk_a), broker_a)
    assert ask(14) == 0


def test_the_task_sends_nothing_when_reopened_before_it_runs(closed, broker_a, mailoutbox):
    from feedback.tasks import send_feedback_request

    close(closed, broker_a, to=Status.INTAKE, now=morning(14))
    mailoutbox.clear()
    send_feedback_request.call(initiative_id=closed.pk)
    assert requests_in(mailoutbox) == []


def test_the_days_come_from_the_setting(closed, settings, mailoutbox, ask):
    settings.FEEDBACK_AFTER_DAYS = 3
    assert ask(2) == 0
    assert ask(3) == 1


def test_the_task_carries_the_id_only(closed, settings, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from feedback.tasks import send_feedback_request

    with (
        time_machine.travel(morning(14), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert services.queue_requests() == 1
    [result] = send_feedback_request.get_backend().results
    assert result.args == [] and result.kwargs == {"initiative_id": closed.pk}
