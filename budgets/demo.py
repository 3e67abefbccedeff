"""The demo's money and verified support (``manage.py seed_demo``).

Before the initiatives' stories: a wijkbudget per wijk for this year and last year (the
stories' grants draw from them), and one pot earmarked for the children. After them:
partners' contributions (money and in kind) to some granted initiatives, and a few
addresses confirming their support of every published one. Random choices come from a
generator seeded with the initiative's submission key, so every run tells the same story;
every step runs only where it has not run before.
"""

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from budgets import services
from budgets.models import BudgetPot, ContributionKind, Grant
from initiatives import rules
from initiatives.demo.plan import demo_plans
from initiatives.demo.wijken import WIJKEN
from initiatives.models import Initiative, Partner, VerifiedSupport
from initiatives.verification import address_hash
from neighbourhoods.models import Neighbourhood, PostcodeArea, Priority

Log = Callable[[str], None]

# (partner key in initiatives.demo.wijken.PARTNERS, kind, value range in euros, description)
CONTRIBUTIONS = [
    ("parteon", ContributionKind.MONEY, (250, 1500), "Bijdrage uit het leefbaarheidsbudget."),
    ("parteon", ContributionKind.MATERIALS, (100, 600), "Verf, planten en gereedschap."),
    ("welzijn", ContributionKind.HOURS, (200, 1200), "Uren van een jongerenwerker."),
    ("school", ContributionKind.SPACE, (150, 900), "Het lokaal op woensdagmiddag."),
    ("bewoners", ContributionKind.SPACE, (100, 500), "De zaal van het buurthuis."),
    ("welzijn", ContributionKind.MONEY, (100, 750), "Een bijdrage voor de materialen."),
]


def load_pots(wijken: dict[str, Neighbourhood], coordinator, log: Log) -> None:
    """A wijkbudget per wijk for last year and this year; more for the bigger wijken."""
    zone = timezone.get_current_timezone()
    year = timezone.localdate().year
    weights = {wijk.slug: wijk.weight for wijk in WIJKEN}
    children = Priority.objects.filter(slug="kinderen").first()
    new = 0
    for slug, wijk in wijken.items():
        for pot_year in (year - 1, year):
            pots = [
                (f"Wijkbudget {wijk.name} {pot_year}", 35000 + 5000 * weights[slug], None),
            ]
            if weights[slug] >= 5 and pot_year == year and children:
                pots.append(
                    (f"Extra middelen voor kinderen {wijk.name} {pot_year}", 15000, children)
                )
            for name, amount, priority in pots:
                if BudgetPot.objects.filter(neighbourhood=wijk, year=pot_year, name=name).exists():
                    continue
                services.save_pot(
                    BudgetPot(
                        neighbourhood=wijk,
                        year=pot_year,
                        priority=priority,
                        name=name,
                        amount=Decimal(amount),
                        description=(
                            "Voor initiatieven van bewoners."
                            if priority is None
                            else "Alleen voor initiatieven die de kinderen helpen."
                        ),
                    ),
                    actor=coordinator,
                    now=datetime(pot_year, 1, 1, tzinfo=zone),
                )
                new += 1
    log(f"Budget pots: {new} new")


def _demo_initiatives():
    return Initiative.objects.filter(
        submission_key__in=[plan.submission_key for plan in demo_plans()]
    ).order_by("pk")


def load_contributions(
    partners: dict[str, Partner], coordinator, log: Log, limit: datetime
) -> None:
    """Partners' money or help in kind for about two in three granted initiatives."""
    grants = (
        Grant.objects.filter(initiative__in=_demo_initiatives(), initiative__contributions=None)
        .select_related("initiative__neighbourhood", "initiative__assigned_broker")
        .order_by("initiative_id")
    )
    new = 0
    for grant in grants:
        initiative = grant.initiative
        rng = random.Random(f"{initiative.submission_key}:contributions")  # noqa: S311 - demo
        if rng.random() < 1 / 3:
            continue
        broker = initiative.assigned_broker
        actor = broker if broker and rules.can_manage(broker, initiative) else coordinator
        for number, (key, kind, (low, high), description) in enumerate(
            rng.sample(CONTRIBUTIONS, rng.randint(1, 2))
        ):
            now = min(grant.granted_at + timedelta(days=1, hours=number), limit)
            services.add_contribution(
                initiative,
                partners[key],
                kind=kind,
                value=Decimal(rng.randint(low, high) // 50 * 50),
                description=description,
                actor=actor,
                now=now,
            )
            new += 1
    log(f"Contributions: {new} new")


def load_verified_supports(log: Log, limit: datetime) -> None:
    """A few addresses in the wijk confirm their support of each published initiative.

    Stored as the real path stores them: only the keyed hash of postcode and house number.
    Most demo wijken have no postcode areas (made-up ones would look real); their addresses
    are hashed from the wijk's name instead, which no one can tell apart from a real one.
    """
    areas: dict[int, list[str]] = {}
    for area in PostcodeArea.objects.order_by("postcode"):
        areas.setdefault(area.neighbourhood_id, []).append(area.postcode)
    published = _demo_initiatives().filter(is_published=True, verified_supports=None)
    rows = []
    for initiative in published:
        rng = random.Random(f"{initiative.submission_key}:verified")  # noqa: S311 - demo
        postcodes = areas.get(initiative.neighbourhood_id) or [f"DEMO{initiative.neighbourhood_id}"]
        end = min(initiative.closed_at or limit, limit)
        span = max((end - initiative.published_at).total_seconds(), 1)
        numbers = rng.sample(range(1, 400), rng.randint(1, 6))
        for number in numbers:
            postcode = rng.choice(postcodes)
            pc6 = postcode if len(postcode) == 6 else postcode + rng.choice(["AA", "AB", "BC"])
            rows.append(
                VerifiedSupport(
                    initiative=initiative,
                    address_hash=address_hash(pc6, str(number)),
                    created_at=initiative.published_at + timedelta(seconds=rng.random() * span),
                )
            )
    VerifiedSupport.objects.bulk_create(rows, ignore_conflicts=True)
    log(f"Verified supports: {len(rows)} new")
