"""What a completed initiative achieved ("Wat heeft het opgeleverd?"), as its broker records it.

One ``Result`` per initiative, written by ``results.services.record_result`` only. Its numbers
count in the council's figures (``initiatives.figures``) while the initiative is completed;
its story is public only when the broker marks it so and the initiative is published
(``Result.is_shown_publicly``).
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative
from initiatives.workflow import Status

# A result counts, and shows, while its initiative is completed: a reopened initiative's
# result waits until it is completed again.
COUNTED = Q(initiative__status=Status.COMPLETED)


class ResultQuerySet(models.QuerySet):
    def counted(self) -> "ResultQuerySet":
        return self.filter(COUNTED)

    def per_priority(self, initiatives: QuerySet) -> dict[int, dict[str, int]]:
        """Per priority id: residents reached and results, over ``initiatives``; one query.

        An initiative with two priorities counts in both (as the per-priority counts do).
        """
        rows = (
            self.counted()
            .filter(initiative__in=initiatives.order_by().values("pk"))
            .filter(initiative__priorities__isnull=False)
            .order_by()
            .values_list("initiative__priorities")
            .annotate(residents=Sum("residents_reached"), results=Count("pk"))
        )
        return {
            priority: {"residents": residents, "results": results}
            for priority, residents, results in rows
        }


class Result(models.Model):
    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="result", primary_key=True
    )
    residents_reached = models.PositiveIntegerField(
        _("bereikte bewoners"),
        help_text=_("Hoeveel bewoners deden mee of hadden er iets aan? Een schatting is goed."),
    )
    volunteers = models.PositiveIntegerField(
        _("vrijwilligers"), help_text=_("Hoeveel bewoners hielpen als vrijwilliger?")
    )
    partners_involved = models.PositiveIntegerField(
        _("betrokken partners"),
        help_text=_(
            "Hoeveel organisaties deden mee? Eerst staat hier het aantal gekoppelde partners."
        ),
    )
    money_spent = models.DecimalField(
        _("uitgegeven (euro)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Wat het initiatief echt heeft uitgegeven. Leeg laten als u het niet weet."),
    )
    story = models.TextField(
        _("kort verhaal"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Wat is er gebeurd en wat heeft het de wijk gebracht? Schrijf geen namen, "
            "adressen, telefoonnummers of e-mailadressen: dit verhaal kan openbaar worden."
        ),
    )
    is_public = models.BooleanField(
        _("verhaal en cijfers openbaar maken"),
        default=False,
        help_text=_("Ze staan dan op de openbare pagina van het initiatief, als dat openbaar is."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt op"), default=timezone.now)

    objects = ResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("resultaat")
        verbose_name_plural = _("resultaten")
        constraints = [
            # PositiveIntegerField has its own checks; the amount needs one of its own.
            models.CheckConstraint(
                condition=Q(money_spent__isnull=True) | Q(money_spent__gte=0),
                name="result_money_spent_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(residents_reached__gte=0)
                & Q(volunteers__gte=0)
                & Q(partners_involved__gte=0),
                name="result_counts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return str(self.initiative_id)

    def is_shown_publicly(self, initiative: Initiative) -> bool:
        """On the public page: marked public by the broker, of a published completed initiative."""
        return bool(
            self.is_public and initiative.is_published and initiative.status == Status.COMPLETED
        )
