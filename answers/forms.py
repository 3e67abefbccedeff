"""The form that keeps an answer template, and the picker on an initiative's page."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from answers import placeholders
from answers.models import AnswerTemplate
from initiatives.workflow import Status
from wijkaanpak.forms import StyledFormMixin, clean_text


def refuse_unknown_placeholders(text: str) -> None:
    """A template may hold only the known placeholders, and no other braces."""
    if found := placeholders.unknown(text):
        raise ValidationError(
            _("Onbekend: %(unknown)s. Gebruik {voornaam}, {wijk}, {makelaar} of {datum}."),
            code="unknown_placeholder",
            params={"unknown": ", ".join(found)},
        )


def refuse_leftover_braces(text: str) -> None:
    """A text about to be sent holds no placeholder or brace: the resident reads it as is."""
    if found := placeholders.leftovers(text):
        raise ValidationError(
            _(
                "Er staat nog %(found)s in de tekst. Zet daar de tekst zelf neer, "
                "of haal de haakjes { } weg."
            ),
            code="leftover_placeholder",
            params={"found": ", ".join(dict.fromkeys(found))},
        )


class AnswerTemplateForm(forms.ModelForm):
    """Used by the admin and, with the Utrecht styling, by the workspace page."""

    class Meta:
        model = AnswerTemplate
        fields = ["name", "kind", "to_status", "text_nl", "text_en", "is_active"]
        widgets = {
            "text_nl": forms.Textarea(attrs={"rows": 6}),
            "text_en": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "text_nl": _(
                "U kunt {voornaam}, {wijk}, {makelaar} en {datum} gebruiken. Die vullen we "
                "in als een makelaar de tekst kiest. {datum} is de datum van de eerste reactie."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [
            ("", _("Geen: dit is geen statuswijziging")),
            *Status.choices,
        ]

    def _clean_template_text(self, name: str) -> str:
        text = clean_text(self.cleaned_data[name]).strip()
        refuse_unknown_placeholders(text)
        return text

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()

    def clean_text_nl(self) -> str:
        return self._clean_template_text("text_nl")

    def clean_text_en(self) -> str:
        return self._clean_template_text("text_en")

    def clean(self) -> dict:
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind and kind != AnswerTemplate.Kind.STATUS:
            cleaned["to_status"] = ""  # only a status change has a status
        elif kind and not cleaned.get("to_status") and "to_status" not in self.errors:
            self.add_error("to_status", _("Kies bij welke nieuwe status deze tekst hoort."))
        return cleaned


class WorkspaceAnswerTemplateForm(StyledFormMixin, AnswerTemplateForm):
    use_required_attribute = False


class AnswerPickerForm(StyledFormMixin, forms.Form):
    """Which template to put in an action's text box ("Gebruik" on an initiative's page).

    The choices are the templates given, read with one query for the whole page.
    """

    use_required_attribute = False

    answer = forms.TypedChoiceField(
        label=_("Standaardtekst"),
        coerce=int,
        help_text=_("Kies een tekst en klik op Gebruik. Daarna kunt u de tekst aanpassen."),
        error_messages={"required": _("Kies eerst een standaardtekst.")},
    )

    def __init__(self, *args, templates: list[AnswerTemplate], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.templates = {template.pk: template for template in templates}
        self.fields["answer"].choices = [
            ("", _("Kies een standaardtekst")),
            *((template.pk, template.name) for template in templates),
        ]

    def clean_answer(self) -> AnswerTemplate:
        return self.templates[self.cleaned_data["answer"]]
