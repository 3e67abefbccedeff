"""Bulk work from the queue: one action on many initiatives, each on its own.

Every initiative goes through the same service as on its own page, in its own transaction:
the rules and the transition table are checked per initiative, and a refused one never
blocks the others. The result says, per initiative, what happened or why not.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from initiatives import rules, services
from initiatives.models import Initiative


class BulkAction(TextChoices):
    TAKE = "take", _("Ik pak ze op")
    ASSIGN = "assign", _("Geef aan een collega")
    STATUS = "status", _("Status wijzigen")
    PUBLISH = "publish", _("Openbaar maken")
    UNPUBLISH = "unpublish", _("Niet meer openbaar maken")
    PARTNER = "partner", _("Partner koppelen")


@dataclass(frozen=True)
class Outcome:
    initiative: Initiative
    done: bool
    reason: str = ""


def _publish(initiative: Initiative, actor, data: dict) -> None:
    # Published text is checked by a broker, one initiative at a time: in bulk only the
    # initiatives that have it already (published before, or written and then withdrawn).
    if not initiative.public_title or not initiative.public_summary:
        raise services.WorkflowError(
            _("Schrijf eerst een openbare titel en samenvatting op de pagina van het initiatief.")
        )
    services.publish(
        initiative,
        actor=actor,
        public_title=initiative.public_title,
        public_summary=initiative.public_summary,
    )


ACTIONS: dict[str, Callable[[Initiative, object, dict], object]] = {
    BulkAction.TAKE: lambda initiative, actor, data: services.assign(
        initiative, actor, actor=actor
    ),
    BulkAction.ASSIGN: lambda initiative, actor, data: services.assign(
        initiative, data["assignee"], actor=actor, note=data.get("note", "")
    ),
    BulkAction.STATUS: lambda initiative, actor, data: services.change_status(
        initiative, data["to"], actor=actor, public_text=data["public_text"]
    ),
    BulkAction.PUBLISH: _publish,
    BulkAction.UNPUBLISH: lambda initiative, actor, data: services.unpublish(
        initiative, actor=actor
    ),
    BulkAction.PARTNER: lambda initiative, actor, data: services.link_partner(
        initiative, data["partner"], data["role"], actor=actor
    ),
}


def _refusal(action: str, initiative: Initiative, actor) -> str:
    """Why an action cannot be done, asked before trying; empty when it can."""
    if not rules.can_manage(actor, initiative):
        return str(_("U werkt niet in de wijk van dit initiatief."))
    if action == BulkAction.TAKE and initiative.assigned_broker_id == actor.pk:
        return str(_("Dit initiatief is al van u."))
    if action == BulkAction.UNPUBLISH and not initiative.is_published:
        return str(_("Dit initiatief is niet openbaar."))
    if action == BulkAction.PUBLISH and initiative.is_published:
        return str(_("Dit initiatief is al openbaar."))
    return ""


def apply(action: str, initiatives: Iterable[Initiative], *, actor, data: dict) -> list[Outcome]:
    """Do ``action`` to each initiative; return what happened to each, in the given order."""
    run = ACTIONS[action]
    outcomes = []
    for initiative in initiatives:
        reason = _refusal(action, initiative, actor)
        if not reason:
            try:
                run(initiative, actor, data)
            except PermissionDenied:
                reason = str(_("U mag dit bij dit initiatief niet doen."))
            except services.WorkflowError as error:
                reason = str(error)
        outcomes.append(Outcome(initiative, done=not reason, reason=reason))
    return outcomes
