"""What residents say before they submit anything: a voice (signaal uit de wijk).

A broker writes down what they heard at the school gate, the spreekuur or a house visit: in
their own words and without personal data, how many residents said it, and which priority
it concerns. Voices are counted per wijk and priority on the wijk's page; only a summary
the broker marked publishable is ever shown there.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative
from neighbourhoods.models import Neighbourhood, Priority


class Channel(models.TextChoices):
    STREET = "street", _("Gesprek op straat")
    CONSULTATION = "spreekuur", _("Spreekuur")
    HOUSE_VISIT = "house_visit", _("Huisbezoek")
    SCHOOL = "school", _("Op of bij school")
    EVENT = "event", _("Bijeenkomst")
    PARTNER = "partner", _("Via een partner")
    ONLINE = "online", _("Online")


# More residents in one voice than this is a typing error (a wijk hall holds fewer).
MOST_RESIDENTS = 5000


class Tag(models.Model):
    """A word a voice is about ("oversteken", "speeltuin"), kept once, in lower case."""

    name = models.CharField(_("naam"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("trefwoord")
        verbose_name_plural = _("trefwoorden")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Voice(models.Model):
    neighbourhood = models.ForeignKey(
        Neighbourhood, verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="voices"
    )
    place = models.CharField(_("buurt of straat"), max_length=100, blank=True)
    heard_on = models.DateField(_("gehoord op"), default=timezone.localdate)
    channel = models.CharField(_("waar gehoord"), max_length=20, choices=Channel.choices)
    priorities = models.ManyToManyField(
        Priority, verbose_name=_("prioriteiten"), related_name="voices", blank=True
    )
    summary = models.TextField(_("wat zeiden ze"), max_length=500)
    residents = models.PositiveIntegerField(
        _("hoeveel bewoners"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MOST_RESIDENTS)],
    )
    tags = models.ManyToManyField(
        Tag, verbose_name=_("trefwoorden"), related_name="voices", blank=True
    )
    # Only then may the summary appear on the public wijk page.
    is_publishable = models.BooleanField(_("mag openbaar"), default=False)
    initiatives = models.ManyToManyField(
        Initiative, verbose_name=_("initiatieven"), related_name="voices", blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("signaal uit de wijk")
        verbose_name_plural = _("signalen uit de wijk")
        ordering = ["-heard_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(residents__gte=1) & Q(residents__lte=MOST_RESIDENTS),
                name="voice_residents_in_range",
            ),
        ]
        indexes = [
            # A wijk's voices of a period: the wijk page and the broker's list.
            models.Index(fields=["neighbourhood", "heard_on"], name="voice_wijk_heard_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.neighbourhood} ({self.heard_on:%Y-%m-%d})"
