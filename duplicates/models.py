"""A duplicate merged into a similar initiative, and what moved with it (for undoing)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative


class Merge(models.Model):
    """``duplicate`` was merged into ``into`` (duplicates.services.merge_initiatives).

    The duplicate's status is "Samengevoegd" while this row exists; reopening the duplicate
    deletes the row and moves back what is listed here.
    """

    duplicate = models.OneToOneField(
        Initiative,
        verbose_name=_("samengevoegd idee"),
        on_delete=models.CASCADE,
        related_name="merge",
    )
    into = models.ForeignKey(
        Initiative,
        verbose_name=_("samengevoegd met"),
        on_delete=models.CASCADE,
        related_name="merged_in",
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("moment"), default=timezone.now)
    # The primary keys of what moved to ``into``; a support of a browser that supported
    # both stays with the duplicate, so it counts once.
    support_ids = models.JSONField(default=list, blank=True)
    verified_support_ids = models.JSONField(default=list, blank=True)
    help_offer_ids = models.JSONField(default=list, blank=True)
    # The duplicate was public until the merge: undoing it puts it back online.
    duplicate_published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("samenvoeging")
        verbose_name_plural = _("samenvoegingen")
        constraints = [
            models.CheckConstraint(condition=~Q(duplicate=F("into")), name="merge_not_into_itself"),
        ]

    def __str__(self) -> str:
        return f"{self.duplicate_id} → {self.into_id}"
