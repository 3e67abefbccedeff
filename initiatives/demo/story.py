"""One demo initiative's life, played through the services step by step."""

import hashlib
import random
from collections.abc import Callable
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.models import AbstractUser

from assessments.demo import assess
from assessments.models import DECISIONS, Assessment
from budgets import services as budget_services
from budgets.models import BudgetPot
from initiatives import services
from initiatives.demo.ideas import MELDPUNT
from initiatives.demo.people import HELPERS, email_of
from initiatives.demo.plan import FIRST_RESPONSE_DAYS, SEED, SUPPORT_COUNTS, Plan
from initiatives.demo.texts import (
    BUDGET_DECLINE,
    COMPLETED_TEXTS,
    CONVERSATIONS,
    IN_PROGRESS_TEXTS,
    INTAKE_TEXTS,
    NOTES,
    OUT_OF_SCOPE_NOTE,
    PREPARING_TEXTS,
    PREPARING_UPDATE,
    REOPEN_TEXT,
    SIMILAR_DECLINE,
    WITHDRAW_REASONS,
)
from initiatives.models import Initiative, Partner, Status
from initiatives.workdays import is_working_day, local_date

DAY = timedelta(days=1)

# (days after the previous step, what happens, whether a broker does it in office hours)
Step = tuple[float, Callable[[], object], bool]


class Story:
    """One demo initiative's life, played through the services step by step.

    ``play`` first places every step at its moment, then runs them in order; each step hands
    its moment to the service (``now=``), so the services date what they write themselves.
    """

    def __init__(
        self,
        initiative: Initiative,
        plan: Plan,
        broker: AbstractUser,
        coordinator: AbstractUser,
        partners: dict[str, Partner],
        limit: datetime,
    ) -> None:
        self.initiative = initiative
        self.plan = plan
        self.broker = broker
        self.coordinator = coordinator
        self.partners = partners
        self.limit = limit
        self.zone = limit.tzinfo
        self.rng = random.Random(f"{SEED}:{plan.key}")  # noqa: S311 - demo data
        self.now = initiative.submitted_at
        self.until = limit

    def play(self, steps: list[Step]) -> None:
        # Squeeze the steps in before `limit` when the initiative is too young for them.
        room = (self.limit - self.initiative.submitted_at) / DAY * 0.9
        total = sum(gap for gap, _action, _office in steps)
        scale = min(1.0, room / total) if total else 1.0
        moments = []
        moment = previous = self.initiative.submitted_at
        for gap, _action, office in steps:
            moment += gap * scale * DAY
            previous = self.place(moment, previous, office)
            moments.append(previous)
        for number, (_gap, action, _office) in enumerate(steps):
            self.now = moments[number]
            self.until = moments[number + 1] if number + 1 < len(moments) else self.limit
            action()

    def place(self, moment: datetime, previous: datetime, office: bool) -> datetime:
        """``moment``, moved into office hours on a working day when a broker acts then.

        Always after ``previous`` and before ``limit``, so the timeline keeps its order.
        """
        if office:
            day = local_date(moment)
            while not is_working_day(day):
                day += DAY
            minute = self.rng.randint(8 * 60 + 30, 17 * 60)
            moment = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=self.zone)
        if moment <= previous:
            moment = previous + timedelta(minutes=self.rng.randint(5, 45))
        if moment >= self.limit:
            moment = previous + (self.limit - previous) / 2
        return moment

    # Each step calls one service at the step's moment.

    def take(self) -> None:
        self.initiative = services.assign(
            self.initiative, self.broker, actor=self.broker, now=self.now
        )

    def assign(self) -> None:
        self.initiative = services.assign(
            self.initiative, self.broker, actor=self.coordinator, now=self.now
        )

    def move(self, to: str, text: str, referred_to: str = "") -> None:
        reference = ""
        if referred_to == MELDPUNT:
            reference = f"MOR-{self.now:%Y}-{self.rng.randint(10000, 99999)}"
        text = text.format(
            broker=self.broker.get_full_name(),
            wijk=self.plan.wijk.name,
            to=referred_to,
            reference=reference,
        )
        self.initiative = services.change_status(
            self.initiative,
            to,
            actor=self.broker,
            public_text=text,
            referred_to=referred_to,
            referral_reference=reference,
            now=self.now,
        )
        if to in DECISIONS:
            self.assess(DECISIONS[to])

    def withdraw(self, reason: str) -> None:
        self.initiative = services.withdraw_as_initiator(self.initiative, reason, now=self.now)

    def message(self, text: str) -> None:
        services.send_message(self.initiative, text, actor=self.broker, now=self.now)

    def reply(self, text: str) -> None:
        services.reply_as_initiator(self.initiative, text, now=self.now)

    def note(self, text: str) -> None:
        services.add_note(self.initiative, text, actor=self.broker, now=self.now)

    def update(self, text: str) -> None:
        services.post_update(self.initiative, text, actor=self.broker, now=self.now)

    def publish(self) -> None:
        idea = self.plan.idea
        self.initiative = services.publish(
            self.initiative,
            actor=self.broker,
            public_title=idea.public_title,
            public_summary=idea.public_summary,
            now=self.now,
        )

    def grant(self, amount: Decimal) -> None:
        wijk = self.initiative.neighbourhood
        year = self.now.year
        pot = BudgetPot.objects.filter(neighbourhood=wijk, year=year, priority=None).first()
        if pot is None:
            pot = budget_services.save_pot(
                BudgetPot(
                    neighbourhood=wijk,
                    year=year,
                    name=f"Wijkbudget {wijk.name} {year}",
                    amount=Decimal(40000),
                    description="Voor initiatieven van bewoners.",
                ),
                actor=self.coordinator,
                now=self.now,
            )
        self.initiative = budget_services.grant_money(
            self.initiative,
            amount,
            pot=pot,
            actor=self.broker,
            note="Uit het wijkbudget.",
            now=self.now,
        )
        self.assess(Assessment.Kind.GRANT)

    def assess(self, kind: str) -> None:
        """The scores of the decision just played (assessments.demo)."""
        seed = f"{SEED}:{self.plan.key}:{self.now.isoformat()}"
        assess(self.initiative, kind, actor=self.broker, now=self.now, seed=seed)

    def link(self, partner: str, role: str) -> None:
        services.link_partner(
            self.initiative, self.partners[partner], role, actor=self.broker, now=self.now
        )

    def supports(self, count: int) -> None:
        """``count`` residents support it, spread until the next step."""
        for number in range(count):
            key = hashlib.sha256(f"{self.plan.key}:{number}".encode()).hexdigest()
            moment = self.now + (self.until - self.now) * (number + 1) / (count + 1)
            services.add_support(self.initiative, key, now=moment)

    def offer_help(self, count: int) -> None:
        """``count`` residents offer help, spread until the next step."""
        for number, (name, kinds, message) in enumerate(self.rng.sample(HELPERS, count)):
            services.offer_help(
                self.initiative,
                name=name,
                email=email_of(name, "voorbeeld.example"),
                offer_kinds=kinds,
                message=message,
                now=self.now + (self.until - self.now) * (number + 1) / (count + 2),
            )

    def connect_help(self) -> None:
        for offer in self.initiative.help_offers.filter(is_connected=False):
            services.connect_help_offer(offer, actor=self.broker, now=self.now)


def steps_for(plan: Plan, story: Story) -> list[Step]:
    """What happens to this initiative, step by step, until it reaches its status."""
    rng, idea, status, index = story.rng, plan.idea, plan.status, plan.index
    steps: list[Step] = []

    def then(days: float, action: Callable[[], object], *, by_initiator: bool = False) -> None:
        steps.append((days, action, not by_initiator))

    def days(low: float, high: float) -> float:
        return rng.uniform(low, high)

    first = rng.choice(FIRST_RESPONSE_DAYS)
    question, answer = rng.choice(CONVERSATIONS)

    if idea.fate == Status.REFERRED:
        then(first, lambda: story.move(Status.REFERRED, idea.reason, referred_to=idea.referred_to))
        return steps
    if idea.fate == Status.DECLINED:
        then(first, story.take)
        then(0.05, lambda: story.note(OUT_OF_SCOPE_NOTE))
        then(0.05, lambda: story.move(Status.DECLINED, idea.reason))
        return steps
    if status == Status.SUBMITTED:
        if plan.overdue and index == 0:
            # A note is not a response: this one is still overdue.
            then(days(1, 3), lambda: story.note(NOTES[1]))
        elif plan.awaiting_reply:
            then(first, story.take)
            then(0.02, lambda: story.message(question))
        return steps
    if status == Status.WITHDRAWN and index % 2 == 0:  # before anyone reacted
        then(days(0.5, 3), lambda: story.withdraw(rng.choice(WITHDRAW_REASONS)), by_initiator=True)
        return steps

    then(first, story.take if index % 4 else story.assign)
    then(0.02, lambda: story.move(Status.INTAKE, rng.choice(INTAKE_TEXTS)))
    if not plan.awaiting_reply and rng.random() < 0.6:
        then(days(0.5, 4), lambda: story.message(question))
        then(days(0.2, 2), lambda: story.reply(answer), by_initiator=True)
    if rng.random() < 0.6:
        then(days(0.5, 3), lambda: story.note(rng.choice(NOTES)))
    if plan.published:
        then(days(1, 6), story.publish)
        then(0.01, lambda: story.supports(rng.choice(SUPPORT_COUNTS)))
    if status == Status.INTAKE:
        if plan.awaiting_reply:
            then(days(1, 5), lambda: story.message(question))
        return steps
    if status == Status.DECLINED:
        then(days(5, 20), lambda: story.move(Status.DECLINED, SIMILAR_DECLINE))
        return steps
    if status == Status.WITHDRAWN:
        then(days(5, 30), lambda: story.withdraw(rng.choice(WITHDRAW_REASONS)), by_initiator=True)
        return steps
    if plan.reopened:
        then(days(10, 20), lambda: story.move(Status.DECLINED, BUDGET_DECLINE))
        then(days(20, 40), lambda: story.move(Status.INTAKE, REOPEN_TEXT))

    then(days(7, 30), lambda: story.move(Status.PREPARING, rng.choice(PREPARING_TEXTS)))
    for partner, role in idea.partners:
        then(days(1, 8), lambda partner=partner, role=role: story.link(partner, role))
    if idea.amount and rng.random() < 0.8:
        requested = Decimal(idea.amount)
        share = rng.choice([Decimal(1), Decimal(1), Decimal("0.75"), Decimal("0.5")])
        granted = (requested * share / 50).quantize(Decimal(1)) * 50
        then(days(3, 15), lambda: story.grant(granted))
    if plan.published:
        then(days(2, 10), lambda: story.update(PREPARING_UPDATE))
        then(0.01, lambda: story.offer_help(rng.randint(0, 3)))
    if status == Status.PREPARING:
        if plan.awaiting_reply:
            then(days(1, 5), lambda: story.message(question))
        return steps

    then(days(10, 40), lambda: story.move(Status.IN_PROGRESS, rng.choice(IN_PROGRESS_TEXTS)))
    then(days(1, 5), story.connect_help)
    then(days(3, 20), lambda: story.update(idea.updates[0]))
    if status == Status.IN_PROGRESS:
        return steps

    if len(idea.updates) > 1:
        then(days(20, 60), lambda: story.update(idea.updates[1]))
    then(days(5, 40), lambda: story.move(Status.COMPLETED, rng.choice(COMPLETED_TEXTS)))
    return steps
