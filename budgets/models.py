"""Money per wijk: budget pots, the grants drawn from them, and partners' contributions.

A pot's ``granted`` and ``overdraft`` are kept by ``budgets.ledger`` under the pot's row
lock, and the database refuses a pot drawn beyond its amount plus what a coordinator
allowed (``budget_pot_not_overdrawn``), so two grants at once cannot overdraw it.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative, Partner
from neighbourhoods.models import Neighbourhood, Priority
from wijkaanpak.money import money

_NOT_NEGATIVE = [MinValueValidator(Decimal(0))]


class BudgetPotQuerySet(models.QuerySet):
    def in_years(self, years: tuple[int, int] | None) -> "BudgetPotQuerySet":
        """Pots of the budget years from ``years[0]`` to ``years[1]``; None: every year."""
        if years is None:
            return self
        return self.filter(year__gte=years[0], year__lte=years[1])

    def with_cofunding(self) -> "BudgetPotQuerySet":
        """Each pot with ``cofunding``: what partners contribute to the initiatives it funds.

        One correlated sum per pot, in the same query (an initiative draws from one pot).
        """
        contributions = (
            Contribution.objects.filter(initiative__grant__pot=OuterRef("pk"))
            .order_by()
            .values("initiative__grant__pot")
            .annotate(total=models.Sum("value"))
            .values("total")
        )
        return self.annotate(cofunding=Coalesce(Subquery(contributions), Decimal(0)))


class BudgetPot(models.Model):
    """Money for one wijk and year, optionally earmarked for one priority."""

    neighbourhood = models.ForeignKey(
        Neighbourhood, verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="budget_pots"
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    priority = models.ForeignKey(
        Priority,
        verbose_name=_("alleen voor prioriteit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_pots",
    )
    name = models.CharField(
        _("naam"), max_length=200, help_text=_("Bijvoorbeeld: Wijkbudget Poelenburg 2027.")
    )
    description = models.TextField(_("omschrijving"), max_length=2000, blank=True)
    amount = models.DecimalField(
        _("bedrag (euro)"), max_digits=12, decimal_places=2, validators=_NOT_NEGATIVE
    )
    # The sum of the grants drawn from the pot; written by budgets.ledger only.
    granted = models.DecimalField(
        _("toegekend (euro)"), max_digits=12, decimal_places=2, default=0, editable=False
    )
    # How far a coordinator allowed the pot beyond its amount (0 unless they did).
    overdraft = models.DecimalField(
        _("overschrijding (euro)"), max_digits=12, decimal_places=2, default=0, editable=False
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects = BudgetPotQuerySet.as_manager()

    class Meta:
        verbose_name = _("wijkbudget")
        verbose_name_plural = _("wijkbudgetten")
        ordering = ["-year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="budget_pot_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(granted__gte=0) & Q(overdraft__gte=0),
                name="budget_pot_granted_not_negative",
            ),
            # The last line of defence against concurrent grants: never beyond the amount
            # plus what a coordinator allowed.
            models.CheckConstraint(
                condition=Q(granted__lte=F("amount") + F("overdraft")),
                name="budget_pot_not_overdrawn",
            ),
            models.UniqueConstraint(
                fields=["neighbourhood", "year", "name"], name="budget_pot_name_once_per_year"
            ),
        ]
        indexes = [
            # A wijk's pots, newest year first (the grant form, the wijk page).
            models.Index(fields=["neighbourhood", "-year"], name="budget_pot_wijk_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def left(self) -> Decimal:
        """What is still there to grant (negative when a coordinator overdrew it)."""
        return self.amount - self.granted

    @property
    def cofunding_per_euro(self) -> Decimal | None:
        """Partners' euros per granted euro; needs ``with_cofunding()``."""
        return self.cofunding / self.granted if self.granted else None


class Grant(models.Model):
    """The money an initiative gets, drawn from one pot; one grant per initiative."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.PROTECT, related_name="grant", primary_key=True
    )
    pot = models.ForeignKey(
        BudgetPot, verbose_name=_("wijkbudget"), on_delete=models.PROTECT, related_name="grants"
    )
    amount = models.DecimalField(
        _("bedrag (euro)"), max_digits=10, decimal_places=2, validators=_NOT_NEGATIVE
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegekend door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("toegekend op"), default=timezone.now)

    class Meta:
        verbose_name = _("toekenning")
        verbose_name_plural = _("toekenningen")
        ordering = ["-granted_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="grant_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.pot}: {money(self.amount)}"


class ContributionKind(models.TextChoices):
    MONEY = "money", _("Geld")
    SPACE = "space", _("Ruimte")
    MATERIALS = "materials", _("Materiaal")
    HOURS = "hours", _("Uren")


class Contribution(models.Model):
    """Co-funding: what a partner gives an initiative, in money or in kind, and its value."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="contributions"
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    kind = models.CharField(_("soort bijdrage"), max_length=20, choices=ContributionKind.choices)
    # Money: the amount; in kind (space, materials, hours): what it would have cost.
    value = models.DecimalField(
        _("waarde (euro)"), max_digits=10, decimal_places=2, validators=_NOT_NEGATIVE
    )
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0), name="contribution_value_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ContributionKind.values), name="contribution_kind_known"
            ),
        ]
        indexes = [
            # An initiative's contributions (its pages); the co-funding sums per initiative.
            models.Index(fields=["initiative", "created_at"], name="contribution_initiative_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.get_kind_display()} ({money(self.value)})"
