import secrets
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from initiatives.querysets import InitiativeQuerySet, TimelineEntryQuerySet, hash_token
from initiatives.queues import queue_indexes
from initiatives.timeline import ENTRY_SPECS, Audience, EntryKind, EntrySpec
from initiatives.workflow import CLOSED_STATUSES, TRANSITIONS, Status, allowed_transitions
from neighbourhoods.models import Neighbourhood, Priority


class Need(models.TextChoices):
    HELP = "help", _("Hulp van de gemeente")
    MONEY = "money", _("Geld")
    PLACE = "place", _("Een plek of ruimte")
    VOLUNTEERS = "volunteers", _("Vrijwilligers")
    PERMIT = "permit", _("Een vergunning")
    OTHER = "other", _("Iets anders")


class Channel(models.TextChoices):
    """How an initiative reached the municipality (figures show the mix)."""

    ONLINE = "online", _("Via de website")
    PHONE = "phone", _("Telefoon")
    CONSULTATION = "spreekuur", _("Spreekuur in de wijk")
    HOUSE_VISIT = "house_visit", _("Huisbezoek")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Brief")
    EVENT = "event", _("Bijeenkomst in de wijk")


class ConsentBasis(models.TextChoices):
    """How the resident agreed that we keep their details (the privacy statement explains)."""

    ONLINE_FORM = "online_form", _("Vinkje op het formulier op de website")
    VERBAL = "verbal", _("Mondeling, tegen de sociaal makelaar")
    IN_WRITING = "in_writing", _("Schriftelijk, per brief of e-mail")


class Initiative(models.Model):
    """An idea or plan a resident raised for their wijk."""

    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beschrijving"), max_length=5000)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    priorities = models.ManyToManyField(
        Priority, verbose_name=_("prioriteiten"), related_name="initiatives", blank=True
    )
    needs = models.JSONField(_("wat is er nodig"), default=list, blank=True)
    amount_requested = models.DecimalField(
        _("gevraagd bedrag (euro)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    amount_granted = models.DecimalField(
        _("toegekend bedrag (euro)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    referred_to = models.CharField(_("doorverwezen naar"), max_length=200, blank=True)
    referral_reference = models.CharField(
        _("kenmerk van de doorverwijzing"), max_length=100, blank=True
    )

    # Publication is separate from status: nothing is public until a broker publishes it,
    # with a public title and summary the broker has checked for personal details.
    is_published = models.BooleanField(_("gepubliceerd"), default=False)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    public_title = models.CharField(_("openbare titel"), max_length=200, blank=True)
    public_summary = models.TextField(_("openbare samenvatting"), max_length=2000, blank=True)
    # Shown beside the public summary when the resident wrote in another language
    # (``language``): the public texts stay in the resident's words and language.
    public_summary_nl = models.TextField(_("Nederlandse samenvatting"), max_length=2000, blank=True)

    assigned_broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sociaal makelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_initiatives",
    )
    submitted_at = models.DateTimeField(_("ingediend op"), default=timezone.now)
    channel = models.CharField(
        _("binnengekomen via"), max_length=20, choices=Channel.choices, default=Channel.ONLINE
    )
    # A broker who typed it in with the resident (by phone, at the spreekuur, ...).
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    first_response_due = models.DateField(_("eerste reactie uiterlijk"))
    first_response_at = models.DateTimeField(_("eerste reactie op"), null=True, blank=True)
    # Working days from submission to first response, fixed when it happens, so the
    # council's figures aggregate in SQL without a holiday calendar in the database.
    response_working_days = models.PositiveSmallIntegerField(
        _("werkdagen tot eerste reactie"), null=True, blank=True
    )
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    waiting_for_initiator_since = models.DateTimeField(
        _("wacht op antwoord sinds"), null=True, blank=True
    )
    # "Actie nodig" (initiatives.queues): the resident wrote and no broker answered yet; a
    # help offer came in that nobody connected yet; a follow-up date the broker set.
    initiator_replied_at = models.DateTimeField(_("bewoner reageerde op"), null=True, blank=True)
    help_waiting_since = models.DateTimeField(_("hulpaanbod wacht sinds"), null=True, blank=True)
    follow_up_on = models.DateField(_("opvolgen op"), null=True, blank=True)
    follow_up_reason = models.CharField(_("reden om op te volgen"), max_length=200, blank=True)
    # Set by the services with the moment of the change (not auto_now, which would ignore
    # the moment a service is given); the edit-conflict check compares it with the form's.
    updated_at = models.DateTimeField(_("laatst gewijzigd"), default=timezone.now)

    # Counters read on every list page; kept in the row by the services that change them.
    support_count = models.PositiveIntegerField(_("steunbetuigingen"), default=0)
    help_offer_count = models.PositiveIntegerField(_("hulpaanbiedingen"), default=0)

    version = models.PositiveIntegerField(_("versie"), default=1)
    # The private tracking token is HMAC(SECRET_KEY, nonce): the database holds the nonce and
    # the token's hash but never the token, so neither a database dump nor a queued e-mail
    # task (which carries only the initiative's id) reveals a working link.
    tracking_nonce = models.CharField(max_length=32, editable=False)
    tracking_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    language = models.CharField(_("taal"), max_length=8, default="nl")

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_requested__isnull=True) | Q(amount_requested__gte=0),
                name="initiative_amount_requested_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(amount_granted__isnull=True) | Q(amount_granted__gte=0),
                name="initiative_amount_granted_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="initiative_status_known"
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_at__isnull=False),
                name="initiative_published_has_moment",
            ),
            # Public pages show only the broker's checked text, never the resident's own.
            models.CheckConstraint(
                condition=Q(is_published=False) | (~Q(public_title="") & ~Q(public_summary="")),
                name="initiative_published_has_public_text",
            ),
        ]
        indexes = [
            # Public list: published initiatives of a wijk, newest first.
            models.Index(
                fields=["neighbourhood", "-published_at"],
                condition=Q(is_published=True),
                name="initiative_public_wijk_idx",
            ),
            # Public list without a wijk filter, newest first.
            models.Index(
                fields=["-published_at"],
                condition=Q(is_published=True),
                name="initiative_public_idx",
            ),
            # Brokers' queues: open work of a wijk by due date.
            models.Index(
                fields=["neighbourhood", "status", "first_response_due"],
                name="initiative_queue_idx",
            ),
            models.Index(fields=["assigned_broker", "status"], name="initiative_assignee_idx"),
            # The brokers' work queues: one partial index per queue (initiatives.queues).
            *queue_indexes(),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", kwargs={"pk": self.pk})

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def issue_tracking_token(self) -> str:
        """Give the initiative a new private link (the old one stops working); caller saves."""
        self.tracking_nonce = secrets.token_hex(16)
        token = self.tracking_token()
        self.tracking_token_hash = hash_token(token)
        return token

    def tracking_token(self) -> str:
        return salted_hmac(
            "wijkaanpak.tracking", self.tracking_nonce, algorithm="sha256"
        ).hexdigest()

    def allowed_transitions(self) -> list[str]:
        return allowed_transitions(self.status)

    def can_transition_to(self, status: str) -> bool:
        return status in TRANSITIONS[self.status]


ANONYMISED_NAME = "—"


class ContactDetails(models.Model):
    """A resident's name and how to reach them: personal data, anonymised after retention."""

    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    consent_at = models.DateTimeField(_("toestemming gegeven op"))
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    # Set by the resident's stop link in any of our e-mails (initiatives.resident_mail):
    # from then on they get no more e-mail; their tracking link keeps working.
    mail_stopped_at = models.DateTimeField(_("wil geen e-mail meer sinds"), null=True, blank=True)

    class Meta:
        abstract = True
        constraints = [
            # Reachable by e-mail or phone until the details are anonymised.
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone="") | Q(anonymised_at__isnull=False),
                name="%(class)s_reachable",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def anonymised(cls, now: datetime) -> dict[str, object]:
        """The values that replace the personal data (for ``QuerySet.update``)."""
        return {"name": ANONYMISED_NAME, "email": "", "phone": "", "anonymised_at": now}


class Initiator(ContactDetails):
    """The resident who raised the initiative, kept apart so they are easy to protect."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="initiator", primary_key=True
    )
    consent_basis = models.CharField(
        _("toestemming gegeven via"),
        max_length=20,
        choices=ConsentBasis.choices,
        default=ConsentBasis.ONLINE_FORM,
    )

    class Meta(ContactDetails.Meta):
        verbose_name = _("initiatiefnemer")
        verbose_name_plural = _("initiatiefnemers")


class TimelineEntry(models.Model):
    """One thing that happened to an initiative: who, when, what the initiator sees, and why."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(_("soort"), max_length=30, choices=EntryKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("moment"), default=timezone.now)
    from_status = models.CharField(
        _("van status"), max_length=20, choices=Status.choices, blank=True
    )
    to_status = models.CharField(
        _("naar status"), max_length=20, choices=Status.choices, blank=True
    )
    # What the initiator (or, for public updates, everyone) reads.
    public_text = models.TextField(_("tekst voor de initiatiefnemer"), blank=True)
    # Only brokers read this.
    internal_note = models.TextField(_("interne notitie"), blank=True)

    objects = TimelineEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("tijdlijn")
        ordering = ["created_at", "pk"]
        indexes = [
            # Timeline of one initiative in order, and its public updates (feeds, pages).
            models.Index(fields=["initiative", "created_at"], name="timeline_initiative_idx"),
            models.Index(fields=["kind", "-created_at"], name="timeline_kind_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def spec(self) -> EntrySpec:
        return ENTRY_SPECS[self.kind]

    @property
    def is_internal(self) -> bool:
        return self.spec.audience == Audience.BROKERS

    @property
    def written_by_resident(self) -> bool:
        return self.actor_id is None and self.spec.by_resident

    def initiator_heading(self) -> str:
        """What the tracking page calls this entry."""
        return str(self.spec.initiator_heading) % {"status": self.get_to_status_display()}


class Support(models.Model):
    """ "Ik steun dit": one per browser per initiative; we keep no identity, only a hash."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="supports")
    browser_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("steunbetuiging")
        verbose_name_plural = _("steunbetuigingen")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "browser_key"], name="support_once_per_browser"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id} ({self.created_at:%Y-%m-%d})"


class SupportConfirmation(models.Model):
    """A resident asked to confirm support from their address; waiting for the e-mail link.

    No address is kept: ``address_hash`` is an HMAC (keyed with SECRET_KEY) of postcode and
    house number. The link's token is HMAC(nonce), like the private tracking link: the
    database holds the nonce and the token's hash. The e-mail address is deleted once the
    link is used, and unused requests are deleted when they expire (initiatives.verification).
    """

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="support_confirmations"
    )
    address_hash = models.CharField(max_length=64)
    email = models.EmailField(blank=True)
    nonce = models.CharField(max_length=32)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bevestiging van steun")
        verbose_name_plural = _("bevestigingen van steun")
        constraints = [
            # Once confirmed, the e-mail address is gone.
            models.CheckConstraint(
                condition=Q(confirmed_at__isnull=True) | Q(email=""),
                name="support_confirmation_forgets_email",
            ),
        ]
        indexes = [
            # Deleting expired requests: DELETE ... WHERE created_at < ?
            models.Index(fields=["created_at"], name="support_confirmation_age_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id} ({self.created_at:%Y-%m-%d})"

    def token(self) -> str:
        return salted_hmac("wijkaanpak.support", self.nonce, algorithm="sha256").hexdigest()


class VerifiedSupport(models.Model):
    """Support confirmed from an address inside the wijk: once per address per initiative."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="verified_supports"
    )
    address_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("geverifieerde steun")
        verbose_name_plural = _("geverifieerde steun")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "address_hash"], name="verified_support_once_per_address"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id} ({self.created_at:%Y-%m-%d})"


class OfferKind(models.TextChoices):
    TIME = "time", _("Tijd")
    SKILLS = "skills", _("Kennis of vaardigheden")
    PLACE = "place", _("Een plek of ruimte")
    MATERIALS = "materials", _("Spullen of materiaal")


class HelpOffer(ContactDetails):
    """ "Ik wil helpen": a resident's offer; contact details are personal data."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="help_offers")
    offer_kinds = models.JSONField(_("wat biedt u aan"), default=list, blank=True)
    message = models.TextField(_("toelichting"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("aangeboden op"), default=timezone.now)
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    is_connected = models.BooleanField(_("gekoppeld"), default=False)
    connected_at = models.DateTimeField(_("gekoppeld op"), null=True, blank=True)
    # The language of the offer form: the helper's e-mail is written in it.
    language = models.CharField(_("taal"), max_length=8, default="nl")

    class Meta(ContactDetails.Meta):
        verbose_name = _("hulpaanbod")
        verbose_name_plural = _("hulpaanbiedingen")
        ordering = ["created_at"]
        constraints = [
            *ContactDetails.Meta.constraints,
            models.CheckConstraint(
                condition=Q(is_connected=False) | Q(connected_at__isnull=False),
                name="help_offer_connected_has_moment",
            ),
        ]

    @classmethod
    def anonymised(cls, now: datetime) -> dict[str, object]:
        return {**super().anonymised(now), "message": ""}


class PartnerKind(models.TextChoices):
    HOUSING = "housing", _("Woningcorporatie")
    SCHOOL = "school", _("School")
    WELFARE = "welfare", _("Welzijn")
    POLICE = "police", _("Politie of handhaving")
    BUSINESS = "business", _("Bedrijf")
    RESIDENTS = "residents", _("Bewonersgroep")
    OTHER = "other", _("Anders")


class Partner(models.Model):
    """An organisation the brokers connect: corporation, school, welfare, police, business."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=PartnerKind.choices)
    contact_name = models.CharField(_("contactpersoon"), max_length=100, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notities"), blank=True)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class InitiativePartner(models.Model):
    """A partner involved in an initiative, and what it does there."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="partner_links"
    )
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="initiative_links")
    role = models.CharField(_("rol"), max_length=200)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("betrokken partner")
        verbose_name_plural = _("betrokken partners")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "partner"], name="initiative_partner_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} ({self.role})"


class BrokerDigest(models.Model):
    """The daily summary e-mail sent to one broker on one day (send_broker_digests).

    A row per broker and day, written with the mail's task: a second run that day sends none.
    """

    broker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dagoverzicht")
        verbose_name_plural = _("dagoverzichten")
        constraints = [
            models.UniqueConstraint(fields=["broker", "day"], name="broker_digest_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.broker_id} ({self.day:%Y-%m-%d})"


class ThrottleBucket(models.Model):
    """Hits of one client (address or e-mail) in one fixed time window; see initiatives.throttle.

    The state lives in the database so that every gunicorn worker and container counts the
    same hits. ``key_hash`` is an HMAC of "scope:value": no address or e-mail is stored.
    """

    scope = models.CharField(max_length=30)
    key_hash = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("teller tegen misbruik")
        verbose_name_plural = _("tellers tegen misbruik")
        constraints = [
            # One counter per client and window: concurrent first hits cannot create two.
            models.UniqueConstraint(
                fields=["key_hash", "window_start"], name="throttle_bucket_once_per_window"
            ),
        ]
        indexes = [
            # Pruning the expired windows: DELETE ... WHERE window_start < ?
            models.Index(fields=["window_start"], name="throttle_bucket_window_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.window_start:%Y-%m-%d %H:%M} ({self.hits})"


# The data versions live in their own module; they are this app's models all the same.
from initiatives.versions import DataVersion, ScopeVersion  # noqa: E402, F401
