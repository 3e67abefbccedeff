"""The followers' e-mail: the confirmation request and the news of their wijk.

Tasks carry ids and moments only, never an address. Each message has a link to stop and the
``List-Unsubscribe`` headers (RFC 2369, and RFC 8058's one-click POST), so a mail program's
own "unsubscribe" button works too.
"""

from datetime import datetime

from django.conf import settings
from django.tasks import task
from django.urls import reverse

from initiatives.tasks import _message
from subscriptions.models import Subscription
from subscriptions.updates import news
from wijkaanpak.tasks import send_or_retry


def _links(subscription: Subscription) -> dict[str, str]:
    token = subscription.token()
    return {
        "confirm_url": settings.SITE_URL
        + reverse("subscriptions:confirm", kwargs={"token": token}),
        "unsubscribe_url": settings.SITE_URL
        + reverse("subscriptions:unsubscribe", kwargs={"token": token}),
        "wijk_url": settings.SITE_URL
        + reverse("initiatives:neighbourhood", kwargs={"slug": subscription.neighbourhood.slug}),
    }


@task
def send_confirmation(subscription_id: int, attempt: int = 1) -> None:
    """The link to confirm; or, for an address that follows the wijk already, a note saying so."""
    subscription = (
        Subscription.objects.select_related("neighbourhood").filter(pk=subscription_id).first()
    )
    if subscription is None:
        return  # stopped or expired since
    links = _links(subscription)
    template = "follow_already" if subscription.confirmed_at else "follow_confirm"
    message = _message(
        template,
        {"subscription": subscription, "wijk": subscription.neighbourhood, **links},
        [subscription.email],
        subscription.language,
        unsubscribe_url=links["unsubscribe_url"],
    )
    send_or_retry(message, send_confirmation, attempt, subscription_id=subscription_id)


@task
def send_news(subscription_id: int, since: str, until: str, attempt: int = 1) -> None:
    """What was published in the wijk between ``since`` and ``until`` (ISO moments)."""
    subscription = (
        Subscription.objects.confirmed()
        .select_related("neighbourhood")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None:
        return
    found = news(
        subscription.neighbourhood_id, datetime.fromisoformat(since), datetime.fromisoformat(until)
    )
    if not found:
        return
    links = _links(subscription)
    message = _message(
        "follow_news",
        {
            "subscription": subscription,
            "wijk": subscription.neighbourhood,
            "initiatives": [
                (initiative, settings.SITE_URL + initiative.get_absolute_url())
                for initiative in found.initiatives
            ],
            "updates": [
                (entry, settings.SITE_URL + entry.initiative.get_absolute_url())
                for entry in found.updates
            ],
            **links,
        },
        [subscription.email],
        subscription.language,
        unsubscribe_url=links["unsubscribe_url"],
    )
    send_or_retry(
        message, send_news, attempt, subscription_id=subscription_id, since=since, until=until
    )
