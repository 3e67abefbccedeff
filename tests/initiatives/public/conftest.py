"""Shared helpers for the residents' pages: a valid submission and an aged form."""

import time

import pytest
from django.core import signing

from initiatives.forms.public import STARTED_SALT
from tests.factories import InitiativeFactory, InitiatorFactory, PostcodeAreaFactory


def started(seconds_ago: float = 60) -> str:
    """The hidden "started" value of a form the resident opened ``seconds_ago``."""
    return signing.dumps(time.time() - seconds_ago, salt=STARTED_SALT)


@pytest.fixture
def submission(wijk_a) -> dict:
    """What an honest resident sends; tests change one thing at a time."""
    PostcodeAreaFactory(postcode="1506", neighbourhood=wijk_a)
    return {
        "title": "Huiswerkklas in het buurthuis",
        "description": "Kinderen krijgen na school hulp bij hun huiswerk.",
        "postcode": "1506 ab",
        "neighbourhood": "",
        "priorities": [],
        "needs": ["place", "volunteers"],
        "amount_requested": "€ 1.250,50",
        "name": "Fatima de Vries",
        "email": "Fatima@Bewoner.example",
        "phone": "",
        "consent": "on",
        "website": "",
        "started": started(),
        "submission_key": "6f1c2b8e-3a1f-4c55-9d0e-1b2c3d4e5f60",
    }


@pytest.fixture
def published(wijk_a):
    """A published initiative in wijk A, open for support and help."""
    initiative = InitiativeFactory(
        neighbourhood=wijk_a,
        published=True,
        public_title="Speeltuin Poelenburg opknappen",
        public_summary="Bewoners knappen samen de speeltuin op.",
    )
    InitiatorFactory(initiative=initiative)
    return initiative
