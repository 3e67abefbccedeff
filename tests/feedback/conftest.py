import datetime as dt

import pytest

from initiatives import services
from initiatives.models import Status
from tests.answers.test_browser import check  # noqa: F401 - language, one h1, axe
from tests.factories import InitiativeFactory, InitiatorFactory

CLOSED_AT = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)  # Monday 2 March, 11:00 local
SUBJECT = "Hoe ging het met uw idee?"


def morning(day: int) -> dt.datetime:
    """7:00 in Amsterdam ``day`` days after the day it was closed (CET in March)."""
    return dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC) + dt.timedelta(days=day)


def close(initiative, broker, to=Status.DECLINED, now=CLOSED_AT):
    return services.change_status(
        initiative,
        to,
        actor=broker,
        public_text="Helaas past uw idee niet bij het wijkbudget.",
        referred_to="Meldpunt openbare ruimte" if to == Status.REFERRED else "",
        now=now,
    )


def requests_in(outbox) -> list:
    return [message for message in outbox if message.subject == SUBJECT]


@pytest.fixture(autouse=True)
def _after_14_days(settings):
    settings.FEEDBACK_AFTER_DAYS = 14


@pytest.fixture
def initiative(wijk_a):
    """A new initiative in wijk A with a tracking link, by an initiator with an address."""
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, title="Huiswerkklas in het buurthuis", with_token=True
    )
    InitiatorFactory(initiative=initiative)
    return initiative


@pytest.fixture
def closed(initiative, broker_a):
    """The initiative, declined on 2 March 2026."""
    closed = close(initiative, broker_a)
    closed.token = initiative.token
    return closed
