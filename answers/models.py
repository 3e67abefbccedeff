"""Answer templates (standaardteksten): texts a broker starts from in the workspace."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from initiatives.workflow import Status


class AnswerTemplate(models.Model):
    """A text for one kind of action, in Dutch and (optionally) English, with placeholders.

    The placeholders are filled in by ``answers.placeholders`` when a broker uses it.
    """

    class Kind(models.TextChoices):
        STATUS = "status", _("Statuswijziging")
        MESSAGE = "message", _("Bericht aan de initiatiefnemer")
        UPDATE = "update", _("Voortgangsbericht")

    name = models.CharField(_("naam"), max_length=100)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    to_status = models.CharField(
        _("naar status"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text=_("Alleen bij een statuswijziging: de nieuwe status."),
    )
    text_nl = models.TextField(_("tekst in het Nederlands"), max_length=5000)
    text_en = models.TextField(
        _("tekst in het Engels"),
        max_length=5000,
        blank=True,
        help_text=_("Leeg? Dan krijgen Engelstalige bewoners de Nederlandse tekst."),
    )
    is_active = models.BooleanField(
        _("in gebruik"),
        default=True,
        help_text=_("Alleen teksten in gebruik kunnen makelaars kiezen."),
    )

    class Meta:
        verbose_name = _("standaardtekst")
        verbose_name_plural = _("standaardteksten")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="answertemplate_unique_name"),
            # A status template says which status it is for; the others name none.
            models.CheckConstraint(
                condition=(Q(kind="status") & ~Q(to_status=""))
                | (~Q(kind="status") & Q(to_status="")),
                name="answertemplate_to_status_only_for_status",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def text_in(self, language: str) -> tuple[str, str]:
        """The text for a reader of ``language`` and the language it is in.

        English when asked and written; otherwise Dutch.
        """
        if language == "en" and self.text_en.strip():
            return self.text_en, "en"
        return self.text_nl, "nl"
