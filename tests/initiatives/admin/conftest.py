"""Fixtures of the admin tests: the cast logged in by role name, and an initiative per wijk."""

import pytest

from tests.factories import (
    HelpOfferFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    InitiatorFactory,
    SupportFactory,
    TimelineEntryFactory,
)
from tests.initiatives.admin.helpers import STAFF_ROLES, make_staff


@pytest.fixture
def login(client, request):
    """Log in as one of the cast by role name; brokers and coordinators as staff."""

    def log_in(role: str):
        if role == "anonymous":
            return None
        user = request.getfixturevalue(role)
        if role in STAFF_ROLES:
            make_staff(user)
        client.force_login(user)
        return user

    return log_in


@pytest.fixture
def initiative_a(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, title="Moestuin Poelenburg")
    InitiatorFactory(initiative=initiative, name="Fatima de Vries")
    return initiative


@pytest.fixture
def initiative_b(wijk_b):
    initiative = InitiativeFactory(neighbourhood=wijk_b, title="Buurtfeest Kogerveld")
    InitiatorFactory(initiative=initiative, name="Henk Jansen")
    return initiative


@pytest.fixture
def around_a(initiative_a):
    """One of everything that can happen around wijk A's initiative."""
    return {
        "timeline": TimelineEntryFactory(initiative=initiative_a),
        "help_offer": HelpOfferFactory(initiative=initiative_a, name="Jan Bakker"),
        "support": SupportFactory(initiative=initiative_a),
        "partner_link": InitiativePartnerFactory(initiative=initiative_a),
    }


@pytest.fixture
def around_b(initiative_b):
    return {
        "timeline": TimelineEntryFactory(initiative=initiative_b, public_text="Feest in B"),
        "help_offer": HelpOfferFactory(initiative=initiative_b, name="Kees Kogerveld"),
        "support": SupportFactory(initiative=initiative_b),
        "partner_link": InitiativePartnerFactory(
            initiative=initiative_b, role="Zorgt voor de muziek"
        ),
    }
