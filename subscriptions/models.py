"""Residents who follow a wijk by e-mail: an address, a wijk, how often, and nothing else.

The addresses live in this table only: no initiative, page, feed, export or log refers to
them, the admin does not list them, and unsubscribing deletes the row. A subscription
counts once its owner confirmed it from the e-mail (double opt-in); unconfirmed ones go
after ``CONFIRM_DAYS``.

The link in every e-mail carries a token: HMAC(SECRET_KEY, ``nonce``). The table keeps the
nonce (to write the link into each message) and the token's SHA-256 (to look it up), so a
leaked table without the key gives no working link.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from neighbourhoods.models import Neighbourhood

CONFIRM_DAYS = 7


class Frequency(models.TextChoices):
    EACH = "each", _("Bij elk nieuw initiatief")
    WEEKLY = "weekly", _("Eén keer per week")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SubscriptionQuerySet(models.QuerySet):
    def for_token(self, token: str) -> "SubscriptionQuerySet":
        return self.filter(token_hash=_hash(token))

    def confirmed(self) -> "SubscriptionQuerySet":
        return self.filter(confirmed_at__isnull=False)

    def expired(self, now) -> "SubscriptionQuerySet":
        """Never confirmed, and the link has run out."""
        return self.filter(
            confirmed_at__isnull=True, created_at__lt=now - timedelta(days=CONFIRM_DAYS)
        )


class Subscription(models.Model):
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.CASCADE, related_name="+", verbose_name=_("wijk")
    )
    email = models.EmailField(_("e-mailadres"))
    frequency = models.CharField(
        _("hoe vaak"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    language = models.CharField(max_length=8)  # of the messages: as the resident subscribed
    nonce = models.CharField(max_length=64, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Everything in the wijk from before this moment has been sent (or came before the
    # subscription): the next message starts here, so running the command twice sends once.
    sent_up_to = models.DateTimeField(default=timezone.now)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("volger van een wijk")
        verbose_name_plural = _("volgers van een wijk")
        constraints = [
            models.UniqueConstraint(
                fields=["neighbourhood", "email"], name="subscription_once_per_wijk"
            ),
        ]
        indexes = [
            # send_wijk_updates: the confirmed followers, by wijk.
            models.Index(
                fields=["neighbourhood", "sent_up_to"],
                condition=models.Q(confirmed_at__isnull=False),
                name="subscription_confirmed_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.neighbourhood} ({self.get_frequency_display()})"

    def issue_token(self) -> str:
        self.nonce = secrets.token_urlsafe(32)
        token = self.token()
        self.token_hash = _hash(token)
        return token

    def token(self) -> str:
        return salted_hmac("subscriptions.token", self.nonce, algorithm="sha256").hexdigest()

    @property
    def link_expired(self) -> bool:
        return self.created_at < timezone.now() - timedelta(days=CONFIRM_DAYS)
