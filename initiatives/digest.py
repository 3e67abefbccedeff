"""The brokers' daily summary: what needs them today, once a day, only when there is any.

A broker hears about the initiatives of their wijken that are theirs or nobody's yet; a
coordinator (who sees every wijk) about the ones assigned to them. Like every mail to the
brokers it holds no title or personal data: counts, wijken and links to the workspace.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from initiatives import rules
from initiatives.models import Initiative
from initiatives.workflow import OPEN_STATUSES, overdue_condition


@dataclass
class Digest:
    overdue: list[Initiative] = field(default_factory=list)
    replies: list[Initiative] = field(default_factory=list)
    follow_ups: list[Initiative] = field(default_factory=list)
    help_offers: list[Initiative] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.overdue or self.replies or self.follow_ups or self.help_offers)


def _theirs(broker: AbstractBaseUser) -> Q:
    if rules.is_coordinator(broker):
        return Q(assigned_broker=broker)
    return Q(assigned_broker=broker) | Q(assigned_broker__isnull=True)


def collect(broker: AbstractBaseUser, today: date) -> Digest:
    """What needs ``broker`` on ``today``, each list in due-date order."""
    rows = list(
        rules.managed_initiatives(broker)
        .filter(_theirs(broker))
        .filter(
            overdue_condition(today)
            | Q(status__in=sorted(OPEN_STATUSES), initiator_replied_at__isnull=False)
            | Q(status__in=sorted(OPEN_STATUSES), help_waiting_since__isnull=False)
            | Q(follow_up_on__lte=today)
        )
        .select_related("neighbourhood")
        .only(
            "status",
            "first_response_due",
            "first_response_at",
            "initiator_replied_at",
            "help_waiting_since",
            "follow_up_on",
            "neighbourhood__name",
        )
        .order_by("first_response_due", "pk")
    )
    digest = Digest()
    for initiative in rows:
        if (
            not initiative.is_closed
            and initiative.first_response_at is None
            and initiative.first_response_due < today
        ):
            digest.overdue.append(initiative)
        if not initiative.is_closed and initiative.initiator_replied_at is not None:
            digest.replies.append(initiative)
        if initiative.follow_up_on is not None and initiative.follow_up_on <= today:
            digest.follow_ups.append(initiative)
        if not initiative.is_closed and initiative.help_waiting_since is not None:
            digest.help_offers.append(initiative)
    return digest


def recipients():
    """Active brokers and coordinators with an e-mail address."""
    return rules.brokers().exclude(email="")
