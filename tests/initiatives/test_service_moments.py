"""Services record the moment they are given, and serialise actions on one initiative.

Demo data and tests pass ``now`` instead of rewriting dates afterwards; the broker actions
that append to a timeline lock the initiative's row, so two at once never both act.
"""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from budgets import services as budget_services
from initiatives import services
from initiatives.models import EntryKind, InitiativePartner, Status, TimelineEntry
from tests.factories import (
    BudgetPotFactory,
    HelpOfferFactory,
    InitiativeFactory,
    PartnerFactory,
)

MOMENT = dt.datetime(2026, 3, 2, 10, 30, tzinfo=dt.UTC)


def later(hours: float) -> dt.datetime:
    return MOMENT + dt.timedelta(hours=hours)


@pytest.mark.django_db
def test_every_broker_action_records_the_moment_it_is_given(broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, submitted_at=MOMENT - dt.timedelta(days=1))
    partner = PartnerFactory()
    offer = HelpOfferFactory(initiative=initiative)
    # Each service returns the initiative as it left it (a new version).
    initiative = services.assign(initiative, broker_a, actor=broker_a, now=later(1))
    initiative = services.change_status(
        initiative, Status.INTAKE, actor=broker_a, public_text="We bellen u.", now=later(2)
    )
    services.send_message(initiative, "Wanneer kunt u?", actor=broker_a, now=later(3))
    services.reply_as_initiator(initiative, "Dinsdag.", now=later(4))
    services.add_note(initiative, "Gebeld.", actor=broker_a, now=later(5))
    services.post_update(initiative, "We beginnen.", actor=broker_a, now=later(6))
    initiative = services.publish(
        initiative, actor=broker_a, public_title="Titel", public_summary="Samen.", now=later(7)
    )
    pot = BudgetPotFactory(neighbourhood=initiative.neighbourhood)
    initiative = budget_services.grant_money(
        initiative, Decimal(100), pot=pot, actor=broker_a, now=later(8)
    )
    services.link_partner(initiative, partner, "ruimte", actor=broker_a, now=later(9))
    services.connect_help_offer(offer, actor=broker_a, now=later(10))
    services.record_contact_view(initiative, actor=broker_a, now=later(11))
    services.unpublish(initiative, actor=broker_a, now=later(12))

    moments = list(
        TimelineEntry.objects.filter(initiative=initiative)
        .exclude(kind=EntryKind.EMAIL_SENT)
        .values_list("created_at", flat=True)
    )
    assert moments == [later(hours) for hours in range(1, 13)]
    initiative.refresh_from_db()
    assert initiative.updated_at == later(12)
    assert initiative.first_response_at == later(2)
    assert initiative.published_at is None
    assert InitiativePartner.objects.get(initiative=initiative).created_at == later(9)
    offer.refresh_from_db()
    assert offer.connected_at == later(10)


@pytest.mark.django_db
def test_residents_actions_record_the_moment_they_are_given(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, published=True)
    services.add_support(initiative, "browser-key", now=later(1))
    offer = services.offer_help(initiative, name="Sam", email="sam@example.org", now=later(2))
    services.withdraw_as_initiator(initiative, "Het hoeft niet meer.", now=later(3))
    assert initiative.supports.get().created_at == later(1)
    assert offer.created_at == offer.consent_at == later(2)
    initiative.refresh_from_db()
    assert initiative.closed_at == initiative.updated_at == later(3)


def _at_once(count: int, action) -> list[BaseException]:
    """Run ``action`` in ``count`` threads that start together; return what they raised.

    On SQLite, which has one writer at a time and no row locks, one after the other.
    """
    if connection.vendor != "postgresql":
        for _ in range(count):
            action()
        return []
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait()
            action()
        except BaseException as error:  # the test reports what each raised
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def test_two_brokers_linking_one_partner_at_once_make_one_link(transactional_db, broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    partner = PartnerFactory()
    errors = _at_once(
        4, lambda: services.link_partner(initiative, partner, "ruimte", actor=broker_a)
    )
    assert errors == []
    assert InitiativePartner.objects.filter(initiative=initiative).count() == 1


def test_a_double_click_connects_a_help_offer_once(transactional_db, broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, published=True)
    offer = HelpOfferFactory(initiative=initiative)

    def connect() -> None:
        services.connect_help_offer(type(offer).objects.get(pk=offer.pk), actor=broker_a)

    assert _at_once(4, connect) == []
    assert initiative.timeline.filter(kind=EntryKind.HELP_CONNECTED).count() == 1
