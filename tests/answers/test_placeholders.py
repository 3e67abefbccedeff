"""Filling in {voornaam}, {wijk}, {makelaar} and {datum}; finding what is not a placeholder."""

import datetime as dt

import pytest
from django.utils import timezone

from answers import placeholders
from initiatives.models import Initiator
from tests.factories import InitiativeFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = "Beste {voornaam}, ik ben {makelaar} uit {wijk}. U hoort van ons voor {datum}."


def fill(initiative, broker, language="nl", text=TEXT) -> str:
    return placeholders.fill(text, initiative=initiative, broker=broker, language=language)


def test_known_placeholders_are_not_unknown():
    assert placeholders.unknown(TEXT) == []
    assert placeholders.unknown("Geen haakjes hier.") == []


def test_unknown_placeholders_are_found_once_each_in_order():
    text = "Beste {naam}, uw {idee} en nog eens {naam}; {voornaam} mag wel."
    assert placeholders.unknown(text) == ["{naam}", "{idee}"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Een { los haakje", ["{"]),
        ("Een } los haakje", ["}"]),
        ("Leeg: {}", ["{}"]),
        ("Dubbel: {{voornaam}}", ["{", "}"]),
        ("Hoofdletter: {Voornaam}", ["{Voornaam}"]),
        ("Spatie: { voornaam }", ["{ voornaam }"]),
        ("Over een regel: {voor\nnaam}", ["{", "}"]),
    ],
)
def test_stray_braces_count_as_unknown(text, found):
    assert placeholders.unknown(text) == found


def test_leftovers_are_every_brace_known_or_not():
    assert placeholders.leftovers("Beste {voornaam}, {x} en }") == ["{voornaam}", "{x}", "}"]
    assert placeholders.leftovers("Beste Fatima,") == []


def test_fill_in_dutch(initiative, broker_a):
    assert initiative.first_response_due == dt.date(2026, 3, 9)
    assert fill(initiative, broker_a) == (
        "Beste Fatima, ik ben Anna Makelaar uit Poelenburg. U hoort van ons voor 9 maart 2026."
    )


def test_fill_in_english(initiative, broker_a):
    assert fill(initiative, broker_a, "en") == (
        "Beste Fatima, ik ben Anna Makelaar uit Poelenburg. U hoort van ons voor 9 March 2026."
    )


def test_a_broker_without_a_name_is_named_by_username(initiative):
    broker = UserFactory(username="makelaar7", first_name="", last_name="")
    assert fill(initiative, broker, text="{makelaar}") == "makelaar7"


def test_an_anonymised_initiator_is_called_resident(initiative, broker_a):
    Initiator.objects.filter(initiative=initiative).update(**Initiator.anonymised(timezone.now()))
    initiative.refresh_from_db()
    assert fill(initiative, broker_a, text="Beste {voornaam},") == "Beste bewoner,"
    assert fill(initiative, broker_a, "en", text="Dear {voornaam},") == "Dear resident,"


def test_an_initiative_without_initiator_is_no_crash(wijk_a, broker_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    assert fill(initiative, broker_a, text="Beste {voornaam},") == "Beste bewoner,"


def test_a_name_of_spaces_counts_as_no_name(initiative, broker_a):
    initiative.initiator.name = "   "
    assert fill(initiative, broker_a, text="{voornaam}") == "bewoner"


def test_unknown_placeholders_and_stray_braces_stay_as_written(initiative, broker_a):
    text = "Beste {naam} {voornaam} { }"
    assert fill(initiative, broker_a, text=text) == "Beste {naam} Fatima { }"
