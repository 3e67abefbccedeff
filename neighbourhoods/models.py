import re

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CBS_WIJK_CODE = r"^WK[0-9]{6}\Z"
# PC4 ("1506") or PC6 ("1506AB"); Dutch postcodes never start with 0. \Z, not $: with
# Python's re (SQLite's REGEXP) $ also matches before a trailing newline.
POSTCODE = r"^[1-9][0-9]{3}([A-Z]{2})?\Z"
_POSTCODE_INPUT = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")


def normalise_postcode(value: str | None) -> str | None:
    """Turn any common spelling of a Dutch postcode into PC6 ("1506AB") or PC4 ("1506").

    Returns None for anything that is not a postcode. "SA", "SD" and "SS" are never
    issued, but we do not reject them: a lookup simply finds nothing.
    """
    match = _POSTCODE_INPUT.match(value or "")
    if not match:
        return None
    digits, letters = match.groups()
    return digits + (letters or "").upper()


class NeighbourhoodQuerySet(models.QuerySet):
    def active(self) -> "NeighbourhoodQuerySet":
        return self.filter(is_active=True)

    def for_postcode(self, postcode: str) -> "Neighbourhood | None":
        """The wijk a postcode lies in (PC6 first, then its PC4 area), or None."""
        normalised = normalise_postcode(postcode)
        if normalised is None:
            return None
        candidates = [normalised, normalised[:4]] if len(normalised) == 6 else [normalised]
        areas = (
            PostcodeArea.objects.filter(postcode__in=candidates, neighbourhood__is_active=True)
            .select_related("neighbourhood")
            .order_by("-postcode")  # "1506AB" sorts after "1506": most precise first
        )
        area = areas.first()
        return area.neighbourhood if area else None

    def for_address(self, postcode: str, house_number: int) -> "Neighbourhood | None":
        """The wijk of one address: its house-number range where a PC6 spans two wijken
        (``HouseNumberRange``, from the CBS import), else the PC6, else the PC4."""
        normalised = normalise_postcode(postcode)
        if normalised is not None and len(normalised) == 6:
            found = (
                HouseNumberRange.objects.filter(
                    postcode=normalised,
                    first__lte=house_number,
                    last__gte=house_number,
                    neighbourhood__is_active=True,
                )
                .select_related("neighbourhood")
                .first()
            )
            if found is not None:
                return found.neighbourhood
        return self.for_postcode(postcode)


class Neighbourhood(models.Model):
    """A wijk: an area the municipality works in."""

    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    cbs_code = models.CharField(
        _("CBS-wijkcode"),
        max_length=8,
        blank=True,
        validators=[
            RegexValidator(CBS_WIJK_CODE, _("Een CBS-wijkcode is WK gevolgd door 6 cijfers."))
        ],
        help_text=_("Bijvoorbeeld WK047901. Laat leeg als de wijk geen CBS-wijk is."),
    )
    cbs_year = models.PositiveSmallIntegerField(
        _("jaar van de CBS-indeling"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    description = models.TextField(_("beschrijving"), blank=True)
    brokers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sociaal makelaars"),
        related_name="neighbourhoods",
        blank=True,
    )
    is_active = models.BooleanField(_("actief"), default=True)

    objects = NeighbourhoodQuerySet.as_manager()

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cbs_code="") | Q(cbs_code__regex=CBS_WIJK_CODE),
                name="neighbourhood_cbs_code_format",
                violation_error_message=_("Een CBS-wijkcode is WK gevolgd door 6 cijfers."),
            ),
            models.UniqueConstraint(
                fields=["cbs_code"],
                condition=~Q(cbs_code=""),
                name="neighbourhood_cbs_code_unique",
            ),
            models.CheckConstraint(
                condition=Q(cbs_year__isnull=True) | Q(cbs_year__gte=2000, cbs_year__lte=2100),
                name="neighbourhood_cbs_year_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PostcodeArea(models.Model):
    """A postcode (PC4 or PC6) that lies in a wijk; used to suggest the wijk from an address."""

    postcode = models.CharField(
        _("postcode"),
        max_length=6,
        unique=True,
        validators=[
            RegexValidator(POSTCODE, _("Een postcode is 4 cijfers, eventueel met 2 letters."))
        ],
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("wijk"),
        on_delete=models.CASCADE,
        related_name="postcode_areas",
    )

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ["postcode"]
        constraints = [
            models.CheckConstraint(
                condition=Q(postcode__regex=POSTCODE), name="postcode_area_postcode_format"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.postcode} → {self.neighbourhood_id}"


class Priority(models.Model):
    """A theme residents named, in their own words ("Help onze kinderen").

    The name and description are stored per language (``name_en``, ``name_tr``, …, one
    field per code in ``TRANSLATED``); a language without a stored text reads the Dutch.
    """

    TRANSLATED = ("en", "tr", "ar")

    name = models.CharField(_("naam"), max_length=100)
    name_en = models.CharField(_("naam (Engels)"), max_length=100, blank=True)
    name_tr = models.CharField(_("naam (Turks)"), max_length=100, blank=True)
    name_ar = models.CharField(_("naam (Arabisch)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    description = models.TextField(_("korte beschrijving"), blank=True)
    description_en = models.TextField(_("korte beschrijving (Engels)"), blank=True)
    description_tr = models.TextField(_("korte beschrijving (Turks)"), blank=True)
    description_ar = models.TextField(_("korte beschrijving (Arabisch)"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("prioriteit")
        verbose_name_plural = _("prioriteiten")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.label

    @classmethod
    def name_fields(cls) -> list[str]:
        """The fields a label needs, for ``only()``."""
        return ["name", *(f"name_{code}" for code in cls.TRANSLATED)]

    @property
    def label(self) -> str:
        """The name in the current language (Dutch when no translation is stored)."""
        return self._in_current_language("name")

    @property
    def summary(self) -> str:
        return self._in_current_language("description")

    def _in_current_language(self, field: str) -> str:
        code = (get_language() or "nl").split("-")[0]
        if code in self.TRANSLATED:
            return getattr(self, f"{field}_{code}") or getattr(self, field)
        return getattr(self, field)


class HouseNumberRange(models.Model):
    """House numbers of a PC6 that lies in more than one wijk, and the wijk they lie in.

    Written by ``import_areas`` from the CBS postcode-huisnummer file, only for such PC6s:
    elsewhere the PC6 (``PostcodeArea``) says it all.
    """

    postcode = models.CharField(_("postcode"), max_length=6)
    first = models.PositiveIntegerField(_("van huisnummer"))
    last = models.PositiveIntegerField(_("tot en met huisnummer"))
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("wijk"),
        on_delete=models.CASCADE,
        related_name="house_number_ranges",
    )

    class Meta:
        verbose_name = _("huisnummerreeks")
        verbose_name_plural = _("huisnummerreeksen")
        ordering = ["postcode", "first"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first__lte=F("last")), name="house_number_range_in_order"
            ),
        ]
        indexes = [
            # Neighbourhood.objects.for_address: the range of one PC6 holding a number.
            models.Index(fields=["postcode", "first"], name="house_number_range_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.postcode} {self.first}-{self.last} → {self.neighbourhood_id}"


class PopulationQuerySet(models.QuerySet):
    def latest_until(self, year: int | None) -> "PopulationQuerySet":
        """Newest first, the years up to ``year`` (all years for None)."""
        rows = self if year is None else self.filter(year__lte=year)
        return rows.order_by("-year")


class Population(models.Model):
    """Who lives in a wijk in one year, from the CBS kerncijfers (``import_areas --population``).

    ``share_children`` is CBS's share aged 0 to 14 (``P_00_14_JR``), the youngest age group
    CBS publishes per wijk: the nearest figure to the 0 to 17 year-olds of the "kinderen"
    priority. ``is_sample`` marks sample figures in CBS's format that are not CBS's own
    (the demo's).
    """

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("wijk"),
        on_delete=models.CASCADE,
        related_name="populations",
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    residents = models.PositiveIntegerField(_("inwoners"))
    households = models.PositiveIntegerField(_("huishoudens"), null=True, blank=True)
    share_children = models.DecimalField(
        _("deel 0 tot 15 jaar"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    is_sample = models.BooleanField(_("voorbeeldcijfers"), default=False)

    objects = PopulationQuerySet.as_manager()

    class Meta:
        verbose_name = _("bevolking")
        verbose_name_plural = _("bevolking")
        ordering = ["neighbourhood", "-year"]
        constraints = [
            # Also the index of the figures' "latest year up to the period's" subquery.
            models.UniqueConstraint(
                fields=["neighbourhood", "year"], name="population_one_per_wijk_and_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="population_year_range"
            ),
            models.CheckConstraint(
                condition=Q(share_children__isnull=True)
                | Q(share_children__gte=0, share_children__lte=1),
                name="population_share_children_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.neighbourhood_id} {self.year}: {self.residents}"
