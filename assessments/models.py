"""The published assessment: the criteria an idea is weighed by, and a decision's scores.

Coordinators keep the criteria (``Criterion``). When a broker declines an initiative,
approves it (to "in voorbereiding") or grants it money, they score every active criterion;
``Assessment`` is that decision, ``Score`` one criterion's result. Scores hold no personal
data: the initiator, the public (once the initiative is published) and the council read them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative, TimelineEntry
from initiatives.workflow import Status


def _in_english() -> bool:
    return (get_language() or "nl").startswith("en")


class CriterionQuerySet(models.QuerySet):
    def active(self) -> "CriterionQuerySet":
        return self.filter(is_active=True)


class Criterion(models.Model):
    """One thing the municipality weighs an idea by, with a short public explanation."""

    name = models.CharField(_("naam"), max_length=100)
    name_en = models.CharField(_("naam (Engels)"), max_length=100, blank=True)
    explanation = models.TextField(
        _("uitleg"),
        max_length=500,
        help_text=_("Iedereen kan deze uitleg lezen. Schrijf kort en in gewone taal."),
    )
    explanation_en = models.TextField(
        _("uitleg (Engels)"),
        max_length=500,
        blank=True,
        help_text=_("Leeg? Dan lezen Engelstalige bewoners de Nederlandse uitleg."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(
        _("in gebruik"),
        default=True,
        help_text=_("Alleen criteria in gebruik krijgen een score bij een nieuwe beslissing."),
    )

    objects = CriterionQuerySet.as_manager()

    class Meta:
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="criterion_unique_name"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the current language (Dutch when no translation is stored)."""
        return self.name_en if _in_english() and self.name_en else self.name

    @property
    def summary(self) -> str:
        """The explanation in the current language (Dutch when none is stored)."""
        return self.explanation_en if _in_english() and self.explanation_en else self.explanation


class Assessment(models.Model):
    """The scores given with one decision on an initiative."""

    class Kind(models.TextChoices):
        DECLINED = "declined", _("Afgewezen")
        APPROVED = "approved", _("Goedgekeurd")
        GRANT = "grant", _("Geld toegekend")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="assessments")
    kind = models.CharField(_("beslissing"), max_length=10, choices=Kind.choices)
    # The decision's entry on the timeline; kept when the entry is ever removed.
    entry = models.OneToOneField(
        TimelineEntry,
        verbose_name=_("gebeurtenis"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessment",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("moment"), default=timezone.now)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["created_at", "pk"]
        indexes = [
            # An initiative's assessments, oldest first (its pages).
            models.Index(fields=["initiative", "created_at"], name="assessment_initiative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.initiative_id})"


# The status moves that are a decision, and the kind of assessment each one records.
DECISIONS: dict[str, str] = {
    Status.DECLINED: Assessment.Kind.DECLINED,
    Status.PREPARING: Assessment.Kind.APPROVED,
}


def decision_needs_scores(to: str) -> bool:
    """Whether moving to ``to`` asks for scores: a decision, with criteria in use.

    Pages that change status without the scores (the bulk change, the admin's status
    page) refuse such a move and send the broker to the initiative's page.
    """
    return to in DECISIONS and Criterion.objects.active().exists()


SCORES_ELSEWHERE = _(
    "Afwijzen en goedkeuren gaan één voor één, op de pagina van het initiatief in de "
    "werkvoorraad: daar geeft u per criterium een score."
)


class ScoreQuerySet(models.QuerySet):
    def for_initiative(self, initiative: Initiative) -> "ScoreQuerySet":
        """An initiative's scores with their decision and criterion: one query for a page."""
        return (
            self.filter(assessment__initiative=initiative)
            .select_related("assessment", "criterion")
            .order_by("assessment__created_at", "assessment_id", "criterion__order", "pk")
        )

    def outcome_counts(self, initiatives) -> list[dict]:
        """Per criterion, how often each value came with an approval or a refusal.

        One grouped query over the assessments of ``initiatives`` (a QuerySet); grants are
        left out: they follow an approval and would count it twice.
        """
        kinds = (Assessment.Kind.APPROVED, Assessment.Kind.DECLINED)
        rows = (
            self.filter(assessment__initiative__in=initiatives, assessment__kind__in=kinds)
            .values("criterion_id", "criterion__name", "criterion__name_en", "criterion__order")
            .annotate(
                **{
                    f"{kind}_{value}": Count("pk", filter=Q(assessment__kind=kind, value=value))
                    for kind in kinds
                    for value in Score.Value.values
                }
            )
            .order_by("criterion__order", "criterion__name")
        )
        english = _in_english()
        for row in rows:
            row["label"] = (english and row["criterion__name_en"]) or row["criterion__name"]
        return list(rows)


class Score(models.Model):
    """How one decision weighed one criterion, with a sentence why."""

    class Value(models.TextChoices):
        MEETS = "meets", _("Voldoet")
        PARTLY = "partly", _("Voldoet deels")
        NOT = "not", _("Voldoet niet")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterium"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.CharField(_("score"), max_length=10, choices=Value.choices)
    sentence = models.CharField(_("toelichting"), max_length=300)

    objects = ScoreQuerySet.as_manager()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="score_one_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(value__in=["meets", "partly", "not"]), name="score_known_value"
            ),
        ]
        # The wijk page's table groups scores by criterion (ScoreQuerySet.outcome_counts);
        # the unique constraint's index serves an assessment's scores.

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"


def assessments_of(initiative: Initiative) -> list[dict]:
    """The initiative's assessments, oldest first, each with its scores: one query."""
    found: dict[int, dict] = {}
    for score in Score.objects.for_initiative(initiative):
        row = found.setdefault(score.assessment_id, {"assessment": score.assessment, "scores": []})
        row["scores"].append(score)
    return list(found.values())
