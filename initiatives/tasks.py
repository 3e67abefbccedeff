"""E-mail, sent in the background after the transaction that caused it commits.

Tasks carry ids only: never an address or a tracking token, so a queued task holds no secret.
A send that fails is retried with a growing pause (when the backend can defer, as
django_tasks_db does); every failed attempt stays visible in the admin's task results.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import TaskContext, task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from initiatives import rules
from initiatives.models import (
    EntryKind,
    HelpOffer,
    Initiative,
    SupportConfirmation,
    TimelineEntry,
)

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def _url(path: str) -> str:
    return settings.SITE_URL + path


def _message(template: str, context: dict, to: list[str], language: str) -> EmailMultiAlternatives:
    """Render templates/emails/<template>_subject.txt, .txt and .html in ``language``."""
    with translation.override(language):
        context = {
            **context,
            "SITE_NAME": settings.SITE_NAME,
            "MUNICIPALITY_NAME": settings.MUNICIPALITY_NAME,
        }
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    return message


def _send(context: TaskContext, message: EmailMultiAlternatives, retry, **kwargs) -> None:
    try:
        message.send()
    except Exception:
        attempt = context.attempt
        backend = retry.get_backend()
        if attempt < MAX_ATTEMPTS and backend.supports_defer:
            delay = timedelta(minutes=2**attempt)
            retry.using(run_after=timezone.now() + delay).enqueue(**kwargs)
            logger.warning(
                "E-mail %s failed (attempt %s); retrying in %s", retry.name, attempt, delay
            )
        raise


def _record(initiative: Initiative, description: str) -> None:
    TimelineEntry.objects.create(
        initiative=initiative, kind=EntryKind.EMAIL_SENT, internal_note=description
    )


def _broker_addresses(initiative: Initiative) -> list[str]:
    """The brokers of the wijk and the assigned broker; coordinators only when nobody else."""
    brokers = rules.brokers_of(initiative.neighbourhood_id).values_list("email", flat=True)
    addresses = set(brokers)
    if initiative.assigned_broker_id is not None:
        assignee = rules.brokers().filter(pk=initiative.assigned_broker_id)
        addresses.update(assignee.values_list("email", flat=True))
    addresses.discard("")
    if not addresses:
        addresses = set(rules.coordinators().exclude(email="").values_list("email", flat=True))
    return sorted(addresses)


def _workspace_url(initiative: Initiative) -> str:
    return _url(reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk}))


@task(takes_context=True)
def notify_initiator_submitted(context: TaskContext, initiative_id: int) -> None:
    """Confirmation with the private link, to the initiator."""
    initiative = Initiative.objects.select_related("initiator", "neighbourhood").get(
        pk=initiative_id
    )
    initiator = initiative.initiator
    if not initiator.email or initiator.anonymised_at:
        return
    tracking_url = _url(reverse("initiatives:track", kwargs={"token": initiative.tracking_token()}))
    message = _message(
        "submitted_initiator",
        {"initiative": initiative, "initiator": initiator, "tracking_url": tracking_url},
        [initiator.email],
        initiative.language,
    )
    _send(context, message, notify_initiator_submitted, initiative_id=initiative_id)
    _record(initiative, "bevestiging aan initiatiefnemer")


def _mail_brokers(
    context: TaskContext,
    retry,
    initiative: Initiative,
    template: str,
    extra: dict,
    **kwargs,
) -> None:
    """One e-mail to the wijk's brokers, in Dutch, with a link to the workspace only."""
    brokers = _broker_addresses(initiative)
    if not brokers:
        return
    context_data = {"initiative": initiative, "workspace_url": _workspace_url(initiative), **extra}
    _send(context, _message(template, context_data, brokers, "nl"), retry, **kwargs)
    _record(initiative, "melding aan sociaal makelaars")


@task(takes_context=True)
def notify_brokers_submitted(context: TaskContext, initiative_id: int) -> None:
    """A new initiative in their wijk, to the brokers (no personal data in the mail)."""
    initiative = Initiative.objects.select_related("neighbourhood").get(pk=initiative_id)
    _mail_brokers(
        context,
        notify_brokers_submitted,
        initiative,
        "submitted_brokers",
        {},
        initiative_id=initiative_id,
    )


@task(takes_context=True)
def notify_initiator(context: TaskContext, entry_id: int) -> None:
    """A status change or a message from a broker, to the initiator."""
    entry = TimelineEntry.objects.select_related(
        "initiative__initiator", "initiative__neighbourhood"
    ).get(pk=entry_id)
    initiative = entry.initiative
    initiator = initiative.initiator
    if not initiator.email or initiator.anonymised_at:
        return
    message = _message(
        "initiator_update",
        {"initiative": initiative, "initiator": initiator, "entry": entry},
        [initiator.email],
        initiative.language,
    )
    _send(context, message, notify_initiator, entry_id=entry_id)
    _record(initiative, "e-mail aan initiatiefnemer")


@task(takes_context=True)
def notify_brokers_of_initiator(context: TaskContext, entry_id: int) -> None:
    """The initiator replied or withdrew: tell the brokers (no personal data in the mail)."""
    entry = TimelineEntry.objects.select_related("initiative__neighbourhood").get(pk=entry_id)
    _mail_brokers(
        context,
        notify_brokers_of_initiator,
        entry.initiative,
        "initiator_action_brokers",
        {"entry": entry},
        entry_id=entry_id,
    )


@task(takes_context=True)
def notify_brokers_of_help_offer(context: TaskContext, offer_id: int) -> None:
    """Someone offered help: tell the brokers (the offer's details stay in the workspace)."""
    offer = HelpOffer.objects.select_related("initiative__neighbourhood").get(pk=offer_id)
    _mail_brokers(
        context,
        notify_brokers_of_help_offer,
        offer.initiative,
        "help_offer_brokers",
        {"offer": offer},
        offer_id=offer_id,
    )


@task(takes_context=True)
def send_support_confirmation(
    context: TaskContext, confirmation_id: int, language: str = "nl"
) -> None:
    """The link that makes a resident's support from their address count (double opt-in)."""
    confirmation = (
        SupportConfirmation.objects.select_related("initiative")
        .filter(pk=confirmation_id, confirmed_at__isnull=True)
        .first()
    )
    if confirmation is None or not confirmation.email:
        return
    url = _url(reverse("initiatives:confirm_support", kwargs={"token": confirmation.token()}))
    message = _message(
        "support_confirmation",
        {"initiative": confirmation.initiative, "confirm_url": url},
        [confirmation.email],
        language,
    )
    _send(
        context,
        message,
        send_support_confirmation,
        confirmation_id=confirmation_id,
        language=language,
    )
