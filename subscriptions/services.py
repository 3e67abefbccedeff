"""Following a wijk: subscribe (double opt-in), confirm, unsubscribe. Each in one transaction."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from neighbourhoods.models import Neighbourhood
from subscriptions import tasks
from subscriptions.models import Frequency, Subscription


def subscribe(
    neighbourhood: Neighbourhood,
    email: str,
    frequency: str,
    language: str,
    *,
    now: datetime | None = None,
) -> None:
    """Ask the address to confirm; the page says the same whatever the address's state.

    A new address gets the confirmation link. One that follows the wijk already gets a note
    that it does (with the link to stop), so nobody learns from the page who follows what,
    and nobody can change another's choice without their mailbox.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    subscription = Subscription(
        neighbourhood=neighbourhood,
        email=email,
        frequency=Frequency(frequency),
        language=language,
        created_at=now,
        sent_up_to=now,
    )
    subscription.issue_token()
    try:
        with transaction.atomic():
            subscription.save()
    except IntegrityError:
        subscription = Subscription.objects.get(neighbourhood=neighbourhood, email=email)
        if subscription.confirmed_at is None and subscription.link_expired:
            # An old, never confirmed request: start again with a fresh link.
            subscription.delete()
            return subscribe(neighbourhood, email, frequency, language, now=now)
    # The row is committed (autocommit); the message may go.
    tasks.send_confirmation.enqueue(subscription.pk)


def confirm(subscription: Subscription, *, now: datetime | None = None) -> None:
    """The owner of the address said yes: messages start with what comes after now."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if locked.confirmed_at is None:
            locked.confirmed_at = now
            locked.sent_up_to = now
            locked.save(update_fields=["confirmed_at", "sent_up_to"])


def unsubscribe(subscription: Subscription) -> None:
    """Stop, and forget the address."""
    Subscription.objects.filter(pk=subscription.pk).delete()


def prune(now: datetime) -> int:
    """Delete requests nobody confirmed in time; how many."""
    deleted, _ = Subscription.objects.expired(now).delete()
    return deleted
