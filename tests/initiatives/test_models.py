"""Constraints the database itself enforces, whatever code writes to it."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from initiatives.models import Initiative, Status
from tests.factories import HelpOfferFactory, InitiativeFactory, InitiatorFactory, SupportFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["amount_requested", "amount_granted"])
def test_the_database_refuses_negative_amounts(field):
    initiative = InitiativeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Initiative.objects.filter(pk=initiative.pk).update(**{field: Decimal("-0.01")})


def test_the_database_refuses_a_second_support_from_the_same_browser():
    support = SupportFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SupportFactory(initiative=support.initiative, browser_key=support.browser_key)


def test_the_database_refuses_an_unknown_status():
    initiative = InitiativeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Initiative.objects.filter(pk=initiative.pk).update(status="lost")


def test_the_database_refuses_a_published_initiative_without_a_moment():
    initiative = InitiativeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Initiative.objects.filter(pk=initiative.pk).update(is_published=True)


def test_the_database_refuses_an_initiator_nobody_can_reach():
    with pytest.raises(IntegrityError), transaction.atomic():
        InitiatorFactory(email="", phone="")


def test_the_database_refuses_a_helper_nobody_can_reach():
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpOfferFactory(email="", phone="")


def test_the_database_refuses_a_duplicate_submission_key():
    first = InitiativeFactory(submission_key="6f1c1c1e-3c1a-4d52-9d6a-2f0e0c7b1a11")
    with pytest.raises(IntegrityError), transaction.atomic():
        InitiativeFactory(submission_key=first.submission_key)


def test_querysets_for_the_workflow(wijk_a, wijk_b):
    import datetime as dt

    today = dt.date(2026, 3, 20)
    overdue = InitiativeFactory(neighbourhood=wijk_a, first_response_due=dt.date(2026, 3, 19))
    due_today = InitiativeFactory(neighbourhood=wijk_a, first_response_due=today)
    answered = InitiativeFactory(
        neighbourhood=wijk_a,
        first_response_due=dt.date(2026, 3, 1),
        first_response_at=dt.datetime(2026, 3, 2, tzinfo=dt.UTC),
        status=Status.INTAKE,
    )
    closed = InitiativeFactory(
        neighbourhood=wijk_b, first_response_due=dt.date(2026, 3, 1), status=Status.WITHDRAWN
    )
    published = InitiativeFactory(neighbourhood=wijk_b, published=True, first_response_due=today)

    assert set(Initiative.objects.overdue(today)) == {overdue}
    is_overdue = dict(Initiative.objects.with_overdue(today).values_list("pk", "is_overdue"))
    assert is_overdue[overdue.pk] and not is_overdue[due_today.pk]
    assert set(Initiative.objects.open()) == {overdue, due_today, answered, published}
    assert set(Initiative.objects.closed()) == {closed}
    assert set(Initiative.objects.published()) == {published}
    assert set(Initiative.objects.in_neighbourhood(wijk_b)) == {closed, published}


def test_the_database_refuses_a_published_initiative_without_checked_public_text():
    initiative = InitiativeFactory(published=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Initiative.objects.filter(pk=initiative.pk).update(public_title="")
