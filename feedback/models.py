"""Asking the initiator afterwards how it went: one row per closed initiative, ever.

The row is written when the request is queued (``services.queue_requests``), in the same
transaction as the mail's task, so the request goes out once per initiative, also when it
is reopened and closed again. The answer fills in the same row: how much the initiator felt
helped (1 to 5; the council's figures count it) and what could be better (free text, for the
initiative's brokers only; cleared when the initiative is anonymised).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative

IMPROVEMENT_LENGTH = 1000
SATISFIED = 4  # 4 or 5 on the scale counts as "felt helped" in the figures


class Helped(models.IntegerChoices):
    NOT_AT_ALL = 1, _("Helemaal niet")
    NOT_REALLY = 2, _("Niet echt")
    A_LITTLE = 3, _("Een beetje")
    MOSTLY = 4, _("Grotendeels")
    COMPLETELY = 5, _("Helemaal wel")


class Feedback(models.Model):
    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="feedback", primary_key=True
    )
    requested_at = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    helped = models.PositiveSmallIntegerField(
        _("voelde zich geholpen"), choices=Helped.choices, null=True, blank=True
    )
    improvement = models.TextField(_("wat kan beter"), max_length=IMPROVEMENT_LENGTH, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("vragen achteraf")
        verbose_name_plural = _("vragen achteraf")
        constraints = [
            models.CheckConstraint(
                condition=Q(helped__isnull=True) | Q(helped__gte=1, helped__lte=5),
                name="feedback_helped_on_the_scale",
            ),
            models.CheckConstraint(
                condition=Q(helped__isnull=True, answered_at__isnull=True)
                | Q(helped__isnull=False, answered_at__isnull=False),
                name="feedback_answered_with_a_score",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id} ({self.requested_at:%Y-%m-%d})"
