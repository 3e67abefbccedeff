"""A small fixed data set for the overviews, with hand-computed figures, and canaries.

Today is Wednesday 20 May 2026 (Amsterdam). Poelenburg (wijk_a) and Kogerveld (wijk_b):

- p1, Poelenburg, published, intake, kinderen + werkloosheid: submitted Thursday 23 April
  2026, first response Tuesday 28 April = 2 working days (24th, 28th; the 27th is
  Koningsdag); due Friday 1 May, so on time.
- p2, Poelenburg, published, completed, kinderen: submitted Monday 2 March, answered
  Thursday 12 March = 8 working days; due Monday 9 March, so late.
- p3, Poelenburg, unpublished, submitted, handhaving: 1 April, no response: open and past
  due, so late.
- p4, Poelenburg, unpublished, withdrawn, no priority: 10 January, no response: closed, not
  counted for promptness.
- k1, Kogerveld, published, declined, werkloosheid: 5 January, answered 7 January = 2
  working days, on time.
- k2, Kogerveld, published, referred, no priority: 3 November 2025, answered 4 November =
  1 working day, on time.

Money (tests/initiatives/overviews/test_budget_figures.py computes it by hand): Poelenburg has
"Wijkbudget Poelenburg 2026" (€ 5,000; p1's € 500 and p2's € 2,000 drawn from it) and
"Wijkbudget Poelenburg 2025" (€ 1,000, unused). Partners contribute € 250 money and space
worth € 750 to p1, 20 hours worth € 500 to p2, and materials worth € 200 to unpublished p3.
Kogerveld has no budget. Two addresses confirmed their support for p1, one for p3.

Results (what completed initiatives achieved): completed p2 reached 32 residents with 6
volunteers. p1 has a public result from before it was reopened (intake now): it counts
nowhere and shows nowhere until p1 is completed again.

Asked afterwards (feedback): p2 answered 5, k1 2 and k2 4, each with a text that no overview
may show. Poelenburg: 1 answer, 1 felt helped (100%); Kogerveld: 2 answers, 1 (50%).

Every personal or internal text carries a CANARY marker that no overview may show.
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from budgets.models import Contribution, ContributionKind, Grant
from initiatives import services
from initiatives.models import EntryKind, Initiative, Status, VerifiedSupport
from initiatives.workdays import working_days_between
from tests.factories import (
    BudgetPotFactory,
    HelpOfferFactory,
    InitiativeFactory,
    InitiatorFactory,
    PartnerFactory,
    ResultFactory,
    TimelineEntryFactory,
    priority,
)
from voices.models import Tag, Voice

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = dt.datetime(2026, 5, 20, 12, 0, tzinfo=AMS)

CANARIES = [
    "CANARY-INITIATOR-NAME",
    "canary-initiator@bewoner.example",
    "0611223344",
    "CANARY-HELPER-NAME",
    "canary-helper@bewoner.example",
    "CANARY-HELP-MESSAGE",
    "CANARY-INTERNAL-NOTE",
    "CANARY-MESSAGE-TO-INITIATOR",
    "CANARY-MESSAGE-FROM-INITIATOR",
    "CANARY-STATUS-TEXT",
    "CANARY-STATUS-NOTE",
    "CANARY-REFERRAL",
    "CANARY-UNPUBLISHED-TITLE",
    "CANARY-UNPUBLISHED-DESCRIPTION",
    "CANARY-RESIDENT-TITLE",
    "CANARY-RESIDENT-DESCRIPTION",
    "broker_a@gemeente.example",
    "CANARY-CONTRIBUTION-NOTE",
    # What a broker heard (voices): a summary not marked publishable, and the place.
    "CANARY-VOICE-SUMMARY",
    "CANARY-VOICE-PLACE",
    "canary-voice-tag",
    "CANARY-RESULT-STORY",
    # What an initiator wrote under "Wat kan beter?" (feedback): for the wijk's brokers only.
    "CANARY-FEEDBACK-TEXT",
]


def assert_no_canaries(text: str) -> None:
    found = [canary for canary in CANARIES if canary.lower() in text.lower()]
    assert not found, f"personal or unpublished data leaked: {found}"


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


def _responded(initiative: Initiative, moment: dt.datetime) -> None:
    """Record a first response as the services would (working days from the calendar)."""
    initiative.first_response_at = moment
    initiative.response_working_days = working_days_between(
        initiative.submitted_at.astimezone(AMS).date(), moment.astimezone(AMS).date()
    )
    initiative.save(update_fields=["first_response_at", "response_working_days"])


@pytest.fixture
def dataset(today, wijk_a, wijk_b, broker_a):
    kinderen, werkloosheid, handhaving = (
        priority("kinderen"),
        priority("werkloosheid"),
        priority("handhaving"),
    )
    p1 = InitiativeFactory(
        neighbourhood=wijk_a,
        published=True,
        title="CANARY-RESIDENT-TITLE",
        description="CANARY-RESIDENT-DESCRIPTION",
        public_title="Huiswerkklas in het buurthuis",
        public_summary="Kinderen maken samen hun huiswerk.",
        submitted_at=dt.datetime(2026, 4, 23, 10, 0, tzinfo=AMS),
        amount_requested=Decimal("1000.00"),
        support_count=3,
        help_offer_count=1,
        priorities=[kinderen, werkloosheid],
    )
    InitiatorFactory(
        initiative=p1,
        name="CANARY-INITIATOR-NAME",
        email="canary-initiator@bewoner.example",
        phone="0611223344",
    )
    # The first response through the service, across Koningsdag: 2 working days.
    with time_machine.travel(dt.datetime(2026, 4, 28, 14, 0, tzinfo=AMS), tick=False):
        services.change_status(
            p1,
            Status.INTAKE,
            actor=broker_a,
            public_text="CANARY-STATUS-TEXT",
            internal_note="CANARY-STATUS-NOTE",
        )
        services.send_message(p1, "CANARY-MESSAGE-TO-INITIATOR", actor=broker_a)
        services.add_note(p1, "CANARY-INTERNAL-NOTE", actor=broker_a)
        services.post_update(p1, "De huiswerkklas begint na de zomer.", actor=broker_a)
    Initiative.objects.filter(pk=p1.pk).update(amount_granted=Decimal("500.00"))
    HelpOfferFactory(
        initiative=p1,
        name="CANARY-HELPER-NAME",
        email="canary-helper@bewoner.example",
        message="CANARY-HELP-MESSAGE",
    )
    TimelineEntryFactory(
        initiative=p1,
        kind=EntryKind.MESSAGE_FROM_INITIATOR,
        public_text="CANARY-MESSAGE-FROM-INITIATOR",
    )

    p2 = InitiativeFactory(
        neighbourhood=wijk_a,
        published=True,
        public_title="Speelplein De Vlinder",
        status=Status.COMPLETED,
        channel="spreekuur",  # a broker typed it in at the spreekuur
        submitted_at=dt.datetime(2026, 3, 2, 9, 0, tzinfo=AMS),
        amount_requested=Decimal("2000.00"),
        amount_granted=Decimal("2000.00"),
        support_count=5,
        priorities=[kinderen],
    )
    _responded(p2, dt.datetime(2026, 3, 12, 11, 0, tzinfo=AMS))

    p3 = InitiativeFactory(
        neighbourhood=wijk_a,
        title="CANARY-UNPUBLISHED-TITLE",
        description="CANARY-UNPUBLISHED-DESCRIPTION",
        submitted_at=dt.datetime(2026, 4, 1, 9, 0, tzinfo=AMS),
        amount_requested=Decimal("300.00"),
        priorities=[handhaving],
        channel="phone",
    )
    TimelineEntryFactory(
        initiative=p3, kind=EntryKind.PUBLIC_UPDATE, public_text="CANARY-UNPUBLISHED-DESCRIPTION"
    )
    p4 = InitiativeFactory(
        neighbourhood=wijk_a,
        title="CANARY-UNPUBLISHED-TITLE 2",
        status=Status.WITHDRAWN,
        submitted_at=dt.datetime(2026, 1, 10, 9, 0, tzinfo=AMS),
        amount_requested=None,
    )

    k1 = InitiativeFactory(
        neighbourhood=wijk_b,
        published=True,
        public_title="Taalcafé voor werkzoekenden",
        status=Status.DECLINED,
        submitted_at=dt.datetime(2026, 1, 5, 9, 0, tzinfo=AMS),
        amount_requested=None,
        priorities=[werkloosheid],
    )
    _responded(k1, dt.datetime(2026, 1, 7, 9, 0, tzinfo=AMS))
    k2 = InitiativeFactory(
        neighbourhood=wijk_b,
        published=True,
        public_title="Melding: losliggende stoeptegels",
        status=Status.REFERRED,
        referred_to="CANARY-REFERRAL",
        referral_reference="CANARY-REFERRAL-REF",
        submitted_at=dt.datetime(2025, 11, 3, 9, 0, tzinfo=AMS),
        amount_requested=None,
    )
    _responded(k2, dt.datetime(2025, 11, 4, 9, 0, tzinfo=AMS))
    _money(wijk_a, p1, p2, p3)
    Voice.objects.create(
        neighbourhood=wijk_a,
        heard_on=dt.date(2026, 4, 2),
        channel="street",
        place="CANARY-VOICE-PLACE",
        summary="CANARY-VOICE-SUMMARY",
        residents=4,
    ).tags.add(Tag.objects.create(name="canary-voice-tag"))
    publishable = Voice.objects.create(
        neighbourhood=wijk_a,
        heard_on=dt.date(2026, 4, 3),
        channel="school",
        place="CANARY-VOICE-PLACE",
        summary="Oversteken bij school is gevaarlijk.",
        is_publishable=True,
    )
    publishable.priorities.add(priority("kinderen"))
    ResultFactory(initiative=p2, residents_reached=32, volunteers=6, story="Elke middag spelen.")
    ResultFactory(initiative=p1, residents_reached=100, volunteers=9, story="CANARY-RESULT-STORY")
    _feedback(p2, k1, k2)
    return {"p1": p1, "p2": p2, "p3": p3, "p4": p4, "k1": k1, "k2": k2}


def _money(wijk_a, p1, p2, p3) -> None:
    """The pots, grants and contributions of the docstring, written directly (test data)."""
    pot = BudgetPotFactory(
        neighbourhood=wijk_a,
        year=2026,
        name="Wijkbudget Poelenburg 2026",
        amount=Decimal(5000),
        granted=Decimal(2500),
    )
    BudgetPotFactory(
        neighbourhood=wijk_a, year=2025, name="Wijkbudget Poelenburg 2025", amount=Decimal(1000)
    )
    Grant.objects.create(initiative=p1, pot=pot, amount=Decimal(500))
    Grant.objects.create(initiative=p2, pot=pot, amount=Decimal(2000))
    partner = PartnerFactory(name="Stichting Buurtwerk")
    for initiative, kind, value in [
        (p1, ContributionKind.MONEY, 250),
        (p1, ContributionKind.SPACE, 750),
        (p2, ContributionKind.HOURS, 500),
        (p3, ContributionKind.MATERIALS, 200),
    ]:
        Contribution.objects.create(
            initiative=initiative,
            partner=partner,
            kind=kind,
            value=Decimal(value),
            description="CANARY-CONTRIBUTION-NOTE",
        )
    for initiative, address in [(p1, "a"), (p1, "b"), (p3, "a")]:
        VerifiedSupport.objects.create(initiative=initiative, address_hash=address * 64)


def _feedback(p2, k1, k2) -> None:
    """Asked afterwards: p2 felt helped completely (5), k1 not really (2), k2 mostly (4)."""
    feedback = Initiative.feedback.related.related_model
    for initiative, helped in [(p2, 5), (k1, 2), (k2, 4)]:
        feedback.objects.create(
            initiative=initiative,
            requested_at=TODAY - dt.timedelta(days=10),
            helped=helped,
            improvement="CANARY-FEEDBACK-TEXT",
            answered_at=TODAY - dt.timedelta(days=9),
        )


def make_initiatives(neighbourhoods, count: int) -> None:
    """``count`` initiatives spread over the wijken, half published, with priorities."""
    kinderen = priority("kinderen")
    built = InitiativeFactory.build_batch(count, neighbourhood=neighbourhoods[0])
    for index, initiative in enumerate(built):
        initiative.neighbourhood = neighbourhoods[index % len(neighbourhoods)]
        initiative.submitted_at = TODAY - dt.timedelta(days=index % 400)
        if index % 2:
            initiative.is_published = True
            initiative.published_at = initiative.submitted_at
            initiative.public_title = f"Openbaar {index}"
            initiative.public_summary = f"Openbare samenvatting {index}."
        if index % 3:
            initiative.first_response_at = initiative.submitted_at + dt.timedelta(days=2)
            initiative.response_working_days = index % 7
    created = Initiative.objects.bulk_create(built)
    through = Initiative.priorities.through
    through.objects.bulk_create(
        [through(initiative_id=initiative.pk, priority_id=kinderen.pk) for initiative in created]
    )
