"""The file fields and forms of attachments: residents' photos, brokers' photos and PDFs.

``FilesField`` checks every chosen file with ``attachments.files.prepare`` and cleans to a
list of ``(Prepared, original name)``; the name is used for a broker's document only. A
browser cannot fill a file input in again, so every error on a form with photos says to
choose them again.
"""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from attachments import files
from wijkaanpak.forms import StyledFormMixin

RESIDENT_FILES_PER_REQUEST = 3
BROKER_FILES_PER_REQUEST = 5
CHOOSE_AGAIN = _("Kies de foto opnieuw: de browser bewaart hem niet.")


def _filled(text, values: dict):
    """``text % values`` in the language of the moment it is shown, not of import."""
    return lazy(lambda: str(text) % values, str)()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *, max_files: int, allow_pdf: bool = False, **kwargs) -> None:
        self.max_files = max_files
        self.allow_pdf = allow_pdf
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        accept = files.ACCEPT_DOCUMENTS if allow_pdf else files.ACCEPT_PHOTOS
        self.widget.attrs.update({"multiple": True, "accept": accept})

    def clean(self, data, initial=None) -> list[tuple[files.Prepared, str]]:
        uploads = [upload for upload in (data or []) if upload]
        if not uploads:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if len(uploads) > self.max_files:
            raise forms.ValidationError(
                ngettext(
                    "U kunt %(max)s bestand tegelijk sturen. U koos er %(count)s.",
                    "U kunt %(max)s bestanden tegelijk sturen. U koos er %(count)s.",
                    self.max_files,
                )
                % {"max": self.max_files, "count": len(uploads)},
                code="too_many",
            )
        prepared, errors = [], []
        for number, upload in enumerate(uploads, start=1):
            try:
                prepared.append(
                    (files.prepare(upload, allow_pdf=self.allow_pdf), upload.name or "")
                )
            except files.Refused as refused:
                label = _("Bestand %(number)s") % {"number": number}
                errors.append(forms.ValidationError(f"{label}: {refused}", code="refused"))
        if errors:
            raise forms.ValidationError(errors)
        return prepared


def photos_field() -> FilesField:
    """The resident's photos on the submit form and the tracking page."""
    return FilesField(
        max_files=RESIDENT_FILES_PER_REQUEST,
        label=_("Foto's"),
        help_text=_filled(
            _(
                "Een foto van de plek helpt ons. Hoogstens %(max)s foto's van elk %(mb)s MB: "
                "JPEG, PNG of WebP. Zet er geen mensen herkenbaar op. We halen de locatie en "
                "andere gegevens uit de foto. Een foto is pas openbaar als een sociaal "
                "makelaar hem heeft bekeken."
            ),
            {"max": RESIDENT_FILES_PER_REQUEST, "mb": files.MAX_BYTES // (1024 * 1024)},
        ),
    )


def choose_again(form: forms.Form, field: str = "photos") -> None:
    """After any error, tell a resident who chose files to choose them again."""
    if form.errors and form.files.getlist(form.add_prefix(field)):
        form.add_error(field, forms.ValidationError(CHOOSE_AGAIN, code="choose_again"))


class ResidentPhotosForm(StyledFormMixin, forms.Form):
    """Photos from the tracking page."""

    photos = photos_field()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["photos"].required = True
        self.fields["photos"].error_messages["required"] = _("Kies eerst een foto.")

    def full_clean(self) -> None:
        super().full_clean()
        choose_again(self)


class BrokerFilesForm(StyledFormMixin, forms.Form):
    """Photos and PDFs from the initiative's page in the workspace."""

    files = FilesField(
        max_files=BROKER_FILES_PER_REQUEST,
        allow_pdf=True,
        required=True,
        label=_("Foto's en documenten"),
        help_text=_filled(
            _(
                "Hoogstens %(max)s tegelijk, elk hoogstens %(mb)s MB: JPEG, PNG, WebP of PDF. "
                "Een bijlage is pas openbaar als u hem openbaar maakt."
            ),
            {"max": BROKER_FILES_PER_REQUEST, "mb": files.MAX_BYTES // (1024 * 1024)},
        ),
        error_messages={"required": _("Kies eerst een bestand.")},
    )

    def full_clean(self) -> None:
        super().full_clean()
        choose_again(self, "files")


class PublishAttachmentForm(StyledFormMixin, forms.Form):
    alt_text = forms.CharField(
        label=_("Beschrijving"),
        max_length=300,
        help_text=_(
            "Wat staat er op de foto, of wat is het document? Voor wie de foto niet kan "
            "zien. Geen namen of adressen."
        ),
        error_messages={
            "required": _("Schrijf eerst wat er op de foto staat of wat het document is.")
        },
    )

    def clean_alt_text(self) -> str:
        return " ".join(self.cleaned_data["alt_text"].split())
