"""Photos and documents on an initiative (bijlagen).

Written by ``attachments.services`` only. The stored file has a random name (its ``key``
and the extension of the type we detected) in a folder per year, through Django's storage
API (``STORAGES["default"]``: the file system, or an S3-compatible store). The name the
file had on the resident's phone is never kept; a broker's document keeps its name for
the brokers, cleared when the initiative is anonymised. Nothing is public until a broker
publishes the attachment with a text alternative (``alt_text``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from attachments.files import THUMBNAIL_SIDE
from initiatives.models import Initiative


class AttachmentQuerySet(models.QuerySet):
    def published(self) -> "AttachmentQuerySet":
        return self.filter(published_at__isnull=False)

    def photos(self) -> "AttachmentQuerySet":
        return self.filter(kind=Attachment.Kind.PHOTO)

    def from_initiator(self) -> "AttachmentQuerySet":
        return self.filter(added_by=Attachment.AddedBy.INITIATOR)


class Attachment(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", _("Foto")
        DOCUMENT = "document", _("Document")

    class AddedBy(models.TextChoices):
        INITIATOR = "initiator", _("Initiatiefnemer")
        BROKER = "broker", _("Sociaal makelaar")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    added_by = models.CharField(_("toegevoegd door"), max_length=10, choices=AddedBy.choices)
    added_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Random (uuid4 hex): the stored file's name and the file's address (/bijlagen/<key>/).
    key = models.CharField(max_length=32, unique=True, editable=False)
    file = models.FileField(_("bestand"), max_length=200)
    thumbnail = models.FileField(_("klein plaatje"), max_length=200, blank=True)
    content_type = models.CharField(_("soort bestand"), max_length=50)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    original_size = models.PositiveIntegerField(_("grootte zoals ontvangen (bytes)"))
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    # A broker's document only; a resident's file name may hold their name or address.
    original_name = models.CharField(_("oorspronkelijke naam"), max_length=200, blank=True)
    alt_text = models.CharField(
        _("beschrijving"),
        max_length=300,
        blank=True,
        help_text=_(
            "Wat staat er op de foto, of wat is het document? Voor wie de foto niet kan zien. "
            "Geen namen of adressen."
        ),
    )
    published_at = models.DateTimeField(_("openbaar sinds"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("openbaar gemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("toegevoegd op"), default=timezone.now)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | ~Q(alt_text=""),
                name="attachment_published_has_alt_text",
            ),
            models.CheckConstraint(
                condition=Q(added_by="broker", kind="document") | Q(original_name=""),
                name="attachment_no_resident_file_name",
            ),
            models.CheckConstraint(
                condition=Q(kind="document", content_type="application/pdf")
                | (Q(kind="photo") & ~Q(content_type="application/pdf")),
                name="attachment_kind_matches_type",
            ),
        ]
        indexes = [
            # An initiative's attachments, in order: every page that shows them.
            models.Index(fields=["initiative", "created_at"], name="attachment_initiative_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_image(self) -> bool:
        return self.kind == self.Kind.PHOTO

    @property
    def thumbnail_size(self) -> tuple[int, int] | None:
        """The thumbnail's width and height (``files.THUMBNAIL_SIDE`` on the long side)."""
        if not (self.width and self.height):
            return None
        scale = min(1, THUMBNAIL_SIDE / max(self.width, self.height))
        return max(1, round(self.width * scale)), max(1, round(self.height * scale))

    def download_name(self, *, for_broker: bool = False) -> str:
        """The name a download gets: a broker's own name for it, else a neutral one."""
        if for_broker and self.original_name:
            return self.original_name
        return f"bijlage-{self.pk}.{self.file.name.rsplit('.', 1)[-1]}"
