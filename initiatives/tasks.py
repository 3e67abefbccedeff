"""E-mail, sent in the background once the transaction that caused it has committed.

Tasks carry ids only: never an address or a tracking token, so a queued task holds no secret.
A send that fails is retried after 2, 4, 8 and 16 minutes (when the backend can defer, as
django_tasks_db does) and then given up with an ERROR in the log; every failed attempt stays
visible in the admin's task results (wijkaanpak.tasks.send_or_retry).
"""

from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import Task, task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from initiatives import digest, rules
from initiatives.models import (
    EntryKind,
    HelpOffer,
    Initiative,
    SupportConfirmation,
    TimelineEntry,
)
from wijkaanpak import face
from wijkaanpak.tasks import send_or_retry


def _url(path: str) -> str:
    return settings.SITE_URL + path


def _message(template: str, context: dict, to: list[str], language: str) -> EmailMultiAlternatives:
    """Render templates/emails/<template>_subject.txt, .txt and .html in ``language``."""
    with translation.override(language):
        context = {**context, **face.template_context(), "SITE_URL": settings.SITE_URL}
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    return message


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


@task
def notify_initiator_submitted(initiative_id: int, attempt: int = 1) -> None:
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
    send_or_retry(message, notify_initiator_submitted, attempt, initiative_id=initiative_id)
    _record(initiative, "bevestiging aan initiatiefnemer")


def _mail_brokers(
    retry: Task,
    attempt: int,
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
    send_or_retry(_message(template, context_data, brokers, "nl"), retry, attempt, **kwargs)
    _record(initiative, "melding aan sociaal makelaars")


@task
def notify_brokers_submitted(initiative_id: int, attempt: int = 1) -> None:
    """A new initiative in their wijk, to the brokers (no personal data in the mail)."""
    initiative = Initiative.objects.select_related("neighbourhood").get(pk=initiative_id)
    _mail_brokers(
        notify_brokers_submitted,
        attempt,
        initiative,
        "submitted_brokers",
        {},
        initiative_id=initiative_id,
    )


@task
def notify_initiator(entry_id: int, attempt: int = 1) -> None:
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
    send_or_retry(message, notify_initiator, attempt, entry_id=entry_id)
    _record(initiative, "e-mail aan initiatiefnemer")


@task
def notify_brokers_of_initiator(entry_id: int, attempt: int = 1) -> None:
    """The initiator replied or withdrew: tell the brokers (no personal data in the mail)."""
    entry = TimelineEntry.objects.select_related("initiative__neighbourhood").get(pk=entry_id)
    _mail_brokers(
        notify_brokers_of_initiator,
        attempt,
        entry.initiative,
        "initiator_action_brokers",
        {"entry": entry},
        entry_id=entry_id,
    )


@task
def notify_brokers_of_help_offer(offer_id: int, attempt: int = 1) -> None:
    """Someone offered help: tell the brokers (the offer's details stay in the workspace)."""
    offer = HelpOffer.objects.select_related("initiative__neighbourhood").get(pk=offer_id)
    _mail_brokers(
        notify_brokers_of_help_offer,
        attempt,
        offer.initiative,
        "help_offer_brokers",
        {"offer": offer},
        offer_id=offer_id,
    )


@task
def notify_assignee(entry_id: int, assignee_id: int, attempt: int = 1) -> None:
    """A colleague handed an initiative over: tell the new assignee (a link, no details)."""
    entry = TimelineEntry.objects.select_related("initiative__neighbourhood", "actor").get(
        pk=entry_id
    )
    assignee = rules.brokers().filter(pk=assignee_id).exclude(email="").first()
    if assignee is None:
        return
    initiative = entry.initiative
    context = {
        "initiative": initiative,
        "entry": entry,
        "from_name": entry.actor.get_full_name() or entry.actor.get_username()
        if entry.actor
        else "",
        "workspace_url": _workspace_url(initiative),
        # The entry's note is the assignee's name, then the hand-over note if there is one.
        "has_note": entry.internal_note != (assignee.get_full_name() or assignee.get_username()),
    }
    message = _message("handed_over", context, [assignee.email], "nl")
    send_or_retry(message, notify_assignee, attempt, entry_id=entry_id, assignee_id=assignee_id)
    _record(initiative, "melding aan de nieuwe sociaal makelaar")


@task
def send_broker_digest(broker_id: int, day: str, attempt: int = 1) -> None:
    """The daily summary for one broker (send_broker_digests), as it stands when sent."""
    broker = digest.recipients().filter(pk=broker_id).first()
    if broker is None:
        return
    today = date.fromisoformat(day)
    found = digest.collect(broker, today)
    if not found:
        return  # handled since the command ran
    for initiative in {*found.overdue, *found.replies, *found.follow_ups, *found.help_offers}:
        initiative.workspace_url = _workspace_url(initiative)
    context = {
        "broker": broker,
        "digest": found,
        "day": today,
        "attention_url": _url(reverse("initiatives:workspace")) + "?queue=attention",
    }
    message = _message("broker_digest", context, [broker.email], "nl")
    send_or_retry(message, send_broker_digest, attempt, broker_id=broker_id, day=day)


@task
def send_support_confirmation(confirmation_id: int, language: str = "nl", attempt: int = 1) -> None:
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
    send_or_retry(
        message,
        send_support_confirmation,
        attempt,
        confirmation_id=confirmation_id,
        language=language,
    )
