"""Which demo initiatives there are, where, and in which status each ends: the same every run.

A fixed seed and no clock, so a second run recognises what the first one made.
"""

import random
import uuid
from collections import Counter
from dataclasses import dataclass

from initiatives.demo.ideas import DECLINED_IDEAS, IDEAS, MELDINGEN, Idea
from initiatives.demo.people import INITIATORS
from initiatives.demo.wijken import WIJKEN, Wijk
from initiatives.models import Status

SEED = 2026
# Demo initiatives carry submission_key = uuid5(DEMO_NAMESPACE, plan key), so a second run
# recognises the ones the first run made.
DEMO_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wijkaanpak.example/seed_demo")
OLDEST_DAYS = 530  # just within 18 months

# How many demo initiatives end in each status; declined and referred ones also come from
# DECLINED_IDEAS and MELDINGEN.
STATUS_COUNTS = {
    Status.SUBMITTED: 12,
    Status.INTAKE: 13,
    Status.PREPARING: 10,
    Status.IN_PROGRESS: 13,
    Status.COMPLETED: 14,
    Status.DECLINED: 6,
    Status.REFERRED: 7,
    Status.WITHDRAWN: 5,
}
# How long ago (days) initiatives that end in a status were submitted: later stages are older.
AGES = {
    Status.SUBMITTED: (1, 6),
    Status.INTAKE: (5, 60),
    Status.PREPARING: (30, 200),
    Status.IN_PROGRESS: (60, 400),
    Status.COMPLETED: (150, OLDEST_DAYS),
    Status.DECLINED: (10, OLDEST_DAYS),
    Status.REFERRED: (5, OLDEST_DAYS),
    Status.WITHDRAWN: (20, OLDEST_DAYS),
}
# Published (index within the status below this number); about half of all.
PUBLISHED = {Status.INTAKE: 7, Status.PREPARING: 8, Status.IN_PROGRESS: 12, Status.COMPLETED: 13}
# How many residents support a published initiative: mostly a few, now and then many.
SUPPORT_COUNTS = [0, 1, 2, 3, 5, 8, 12, 17, 24, 31, 45]
# Days from submission to the first response: mostly in time, sometimes late.
FIRST_RESPONSE_DAYS = [0.2, 0.7, 1.1, 1.9, 2.8, 3.6, 4.3, 5.5, 7.8, 11.5]


@dataclass(frozen=True)
class Plan:
    key: str
    idea: Idea
    wijk: Wijk
    status: str
    index: int  # among the plans ending in this status; decides the variant
    days_ago: int
    initiator: str
    published: bool = False
    overdue: bool = False  # still waiting for a first response, past its due date
    awaiting_reply: bool = False  # the broker asked the initiator something, no answer yet
    reopened: bool = False  # declined once, then picked up again

    @property
    def submission_key(self) -> uuid.UUID:
        return uuid.uuid5(DEMO_NAMESPACE, self.key)


def demo_plans() -> list[Plan]:
    """The demo initiatives; the same list on every run (a fixed seed, no clock)."""
    rng = random.Random(SEED)  # noqa: S311 - demo data, not secrets
    special = [(idea, Status.DECLINED) for idea in DECLINED_IDEAS]
    special += [
        (MELDINGEN[n % len(MELDINGEN)], Status.REFERRED)
        for n in range(STATUS_COUNTS[Status.REFERRED])
    ]
    left = Counter(STATUS_COUNTS)
    left.subtract(Counter(status for _idea, status in special))
    statuses = sorted(left.elements())
    rng.shuffle(statuses)
    ideas = list(IDEAS)
    rng.shuffle(ideas)
    pairs = special + [(ideas[n % len(ideas)], status) for n, status in enumerate(statuses)]

    plans = []
    seen: Counter[str] = Counter()
    used: set[tuple[str, str]] = set()
    weights = [wijk.weight for wijk in WIJKEN]
    for number, (idea, status) in enumerate(pairs, start=1):
        index = seen[status]
        seen[status] += 1
        wijk = rng.choices(WIJKEN, weights)[0]
        while (idea.key, wijk.slug) in used:  # the same idea twice in one wijk looks odd
            wijk = rng.choices(WIJKEN, weights)[0]
        used.add((idea.key, wijk.slug))
        overdue = status == Status.SUBMITTED and index < 4
        awaiting = (status, index) in {
            (Status.SUBMITTED, 4),
            (Status.SUBMITTED, 5),
            (Status.INTAKE, 8),
            (Status.INTAKE, 9),
            (Status.INTAKE, 10),
            (Status.PREPARING, 8),
        }
        youngest, oldest = AGES[status]
        if overdue:
            youngest, oldest = 10, 40
        elif awaiting and status == Status.SUBMITTED:
            youngest, oldest = 4, 14
        plans.append(
            Plan(
                key=f"demo-{number:02d}-{idea.key}-{wijk.slug}",
                idea=idea,
                wijk=wijk,
                status=status,
                index=index,
                days_ago=rng.randint(youngest, oldest),
                initiator=rng.choice(INITIATORS),
                published=index < PUBLISHED.get(status, 0),
                overdue=overdue,
                awaiting_reply=awaiting,
                reopened=(status, index) == (Status.PREPARING, 9),
            )
        )
    return plans
