"""Account security state that must be shared by every gunicorn worker and machine."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginFailures(models.Model):
    """Failed log-ins for one user name, from any address (see wijkaanpak.accounts).

    ``key_hash`` is an HMAC of the user name as typed (lower case), so the table holds no
    user name and counts names that do not exist just the same. Rows go a day after their
    last failure, or at once when the account logs in.
    """

    key_hash = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField()
    # The next attempt with this user name is refused before this moment.
    next_attempt_at = models.DateTimeField()

    class Meta:
        verbose_name = _("mislukte inlogpogingen")
        verbose_name_plural = _("mislukte inlogpogingen")
        indexes = [
            # Pruning: DELETE ... WHERE last_failure_at < ?
            models.Index(fields=["last_failure_at"], name="login_failures_last_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.failures} ({self.last_failure_at:%Y-%m-%d %H:%M})"


class SiteSettings(models.Model):
    """The municipality's own face: one row, edited by a functional administrator.

    Pages and e-mails read it through ``wijkaanpak.face.current()`` (cached, no query per
    page). An empty field falls back to the environment's default (``face.defaults()``), so
    a first start shows the municipality's name before anyone has opened the admin. Images
    are kept in the row (small, checked on upload by ``face.check_image``) so that every web
    instance serves the same ones without shared storage.
    """

    municipality_name = models.CharField(_("naam van de gemeente"), max_length=100, blank=True)
    site_name = models.CharField(_("naam van de site"), max_length=100, blank=True)
    logo = models.BinaryField(_("logo"), blank=True, default=b"", editable=False)
    logo_type = models.CharField(max_length=20, blank=True, editable=False)
    logo_alt = models.CharField(
        _("tekst bij het logo"),
        max_length=200,
        blank=True,
        help_text=_("Voor wie het logo niet ziet, bijvoorbeeld: Logo gemeente Zaanstad."),
    )
    favicon = models.BinaryField(
        _("pictogram in het tabblad"), blank=True, default=b"", editable=False
    )
    favicon_type = models.CharField(max_length=20, blank=True, editable=False)
    theme = models.CharField(_("huisstijl"), max_length=50, blank=True)
    contact_email = models.EmailField(_("e-mailadres voor bewoners"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer voor bewoners"), max_length=30, blank=True)
    office_hours = models.CharField(
        _("bereikbaar"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: maandag tot en met vrijdag van 9.00 tot 17.00 uur."),
    )
    accessibility_contact = models.EmailField(
        _("contact over toegankelijkheid"),
        blank=True,
        help_text=_("Staat in de toegankelijkheidsverklaring."),
    )
    privacy_officer = models.TextField(
        _("functionaris gegevensbescherming"),
        max_length=500,
        blank=True,
        help_text=_("Naam of afdeling en adres; staat in de privacyverklaring."),
    )
    # Raised on every save: part of the page cache's key and of the images' addresses.
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("instellingen van de site")
        verbose_name_plural = _("instellingen van de site")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="site_settings_single_row"),
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
