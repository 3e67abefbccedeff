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
