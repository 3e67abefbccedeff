"""The e-mail with the two questions, to the initiator; ids only, as every mail task."""

from django.tasks import task

from initiatives.models import CLOSED_STATUSES, Initiative
from initiatives.resident_mail import may_mail
from initiatives.tasks import _record, _resident_message, _tracking_url
from wijkaanpak.tasks import send_or_retry


@task
def send_feedback_request(initiative_id: int, attempt: int = 1) -> None:
    """Two short questions on the tracking page: did you feel helped, what could be better."""
    initiative = Initiative.objects.select_related("initiator", "neighbourhood").get(
        pk=initiative_id
    )
    initiator = getattr(initiative, "initiator", None)
    if initiator is None or not may_mail(initiator) or initiative.status not in CLOSED_STATUSES:
        return  # stopped or anonymised since, or reopened: the questions wait on the page
    message = _resident_message(
        "feedback_request",
        {
            "initiative": initiative,
            "initiator": initiator,
            "tracking_url": _tracking_url(initiative),
        },
        initiator,
        initiative.language,
    )
    send_or_retry(message, send_feedback_request, attempt, initiative_id=initiative_id)
    _record(initiative, "e-mail aan initiatiefnemer: twee vragen achteraf")
