"""Results on the completed demo initiatives (``manage.py seed_demo``), in B1 Dutch.

Each completed demo initiative without a result gets one from its broker a few days after
it was completed; the numbers come from a random generator seeded with the initiative's
submission key, so every run tells the same story. Most stories are public, some are not.
"""

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

from initiatives.demo.plan import demo_plans
from initiatives.models import Initiative, Status
from results.services import record_result

# Per priority (the first of the initiative's, or "" for none): stories in B1 Dutch.
STORIES: dict[str, list[str]] = {
    "kinderen": [
        "Elke week kwamen er kinderen uit de buurt. Ouders hielpen mee met eten en "
        "opruimen. De kinderen vragen nu zelf wanneer het weer is.",
        "Kinderen en ouders leerden elkaar beter kennen. Twee moeders gaan door als vaste "
        "vrijwilligers. De school wil volgend jaar meedoen.",
        "Het plein is nu een plek waar kinderen veilig spelen. Oudere kinderen letten op de "
        "jongere. Bewoners zeggen dat het rustiger is op straat.",
    ],
    "werkloosheid": [
        "Bewoners oefenden met sollicitatiegesprekken en hun cv. Een paar deelnemers hebben "
        "nu werk of een stageplek. De groep gaat zelf verder.",
        "Mensen die lang thuis zaten, kwamen weer onder de mensen. Ze hielpen elkaar met "
        "vragen over werk en geld. Het wijkteam blijft betrokken.",
    ],
    "handhaving": [
        "Bewoners maakten samen afspraken over afval en parkeren. Er ligt minder zwerfafval. "
        "De wijkagent kwam twee keer langs om mee te praten.",
        "De straat is schoner en er is minder overlast. Buren spreken elkaar nu sneller aan. "
        "De corporatie heeft de verlichting verbeterd.",
    ],
    "": [
        "Veel buren deden mee en leerden elkaar kennen. Bewoners willen het volgend jaar "
        "weer doen, en een paar van hen gaan het zelf organiseren.",
    ],
}


def load_results(coordinator, log: Callable[[str], None], limit: datetime) -> None:
    """Record a result on every completed demo initiative that has none; before ``limit``."""
    completed = (
        Initiative.objects.filter(status=Status.COMPLETED, result__isnull=True)
        .filter(submission_key__in=[plan.submission_key for plan in demo_plans()])
        .select_related("assigned_broker")
        .prefetch_related("priorities", "partner_links")
        .order_by("pk")
    )
    count = 0
    for initiative in completed:
        rng = random.Random(f"{initiative.submission_key}:result")  # noqa: S311 - demo data
        slugs = sorted(priority.slug for priority in initiative.priorities.all())
        stories = STORIES.get(slugs[0] if slugs else "", STORIES[""])
        granted = initiative.amount_granted
        spent = None
        if granted:
            spent = (granted * Decimal(rng.choice([80, 90, 95, 100])) / 100).quantize(Decimal(1))
        moment = (initiative.closed_at or limit) + timedelta(days=rng.randint(1, 5))
        record_result(
            initiative,
            actor=initiative.assigned_broker or coordinator,
            residents_reached=rng.randint(12, 80),
            volunteers=rng.randint(2, 12),
            partners_involved=len(initiative.partner_links.all()) or rng.randint(0, 2),
            money_spent=spent,
            story=rng.choice(stories),
            is_public=rng.random() < 0.8,
            now=min(moment, limit - timedelta(minutes=1)),
        )
        count += 1
    log(f"Results of completed initiatives: {count} new")
