"""The two questions on the tracking page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.models import IMPROVEMENT_LENGTH, Helped
from wijkaanpak.forms import StyledFormMixin, clean_text


class FeedbackForm(StyledFormMixin, forms.Form):
    use_required_attribute = False

    helped = forms.TypedChoiceField(
        label=_("Voelde u zich geholpen?"),
        choices=Helped.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies hoe geholpen u zich voelde."),
            "invalid_choice": _("Kies een van de vijf antwoorden."),
        },
    )
    improvement = forms.CharField(
        label=_("Wat kan beter?"),
        required=False,
        max_length=IMPROVEMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["improvement"].help_text = _(
            "Hoogstens %(length)s tekens. Alleen de sociaal makelaars lezen dit."
        ) % {"length": IMPROVEMENT_LENGTH}

    def clean_improvement(self) -> str:
        return clean_text(self.cleaned_data["improvement"]).strip()
