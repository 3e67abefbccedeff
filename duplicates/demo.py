"""Look-alikes in the demo (``manage.py seed_demo``): one merged, one waiting for a broker.

Two neighbours send in an idea that is already there: the first was merged into it ten days
ago (its supports and help offers moved along), the second waits on the workspace page with
"Samenvoegen met dit initiatief". Fixed submission keys make a second run add nothing.
"""

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from duplicates.services import merge_initiatives
from initiatives import services
from initiatives.demo.plan import demo_plans
from initiatives.models import Initiative, Status

MERGED_KEY = uuid.UUID("7d1f6a52-0c3e-4b8e-9a51-6f2d0c1e9b01")
WAITING_KEY = uuid.UUID("7d1f6a52-0c3e-4b8e-9a51-6f2d0c1e9b02")


def load_merges(broker_of: Callable[[str], object], log: Callable[[str], None], limit: datetime):
    """Two look-alikes of the oldest published open demo idea; before ``limit``."""
    if Initiative.objects.filter(submission_key__in=[MERGED_KEY, WAITING_KEY]).exists():
        return
    target = (
        Initiative.objects.published()
        .filter(status__in=[Status.INTAKE, Status.PREPARING, Status.IN_PROGRESS])
        .filter(submission_key__in=[plan.submission_key for plan in demo_plans()])
        .select_related("neighbourhood")
        .order_by("submitted_at", "pk")
        .first()
    )
    if target is None:
        return
    broker = broker_of(target.neighbourhood.slug)
    common = {
        "neighbourhood": target.neighbourhood,
        "description": f"{target.public_summary} Ik wil graag meehelpen.",
    }
    duplicate, _token = services.submit_initiative(
        title=target.public_title,
        name="Ria Smit",
        email="ria.smit@bewoner.example",
        submission_key=MERGED_KEY,
        now=limit - timedelta(days=12),
        **common,
    )
    merge_initiatives(duplicate, target, actor=broker, now=limit - timedelta(days=10))
    services.submit_initiative(
        title=f"Ook: {target.public_title.lower()}",
        name="Hamza El Idrissi",
        email="hamza.elidrissi@bewoner.example",
        submission_key=WAITING_KEY,
        now=limit - timedelta(days=1),
        **common,
    )
    log(f"Look-alikes: 2 (1 merged into #{target.pk})")
