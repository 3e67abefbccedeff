"""The action bar above the queue: one action on the initiatives the broker ticked."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from answers.forms import refuse_leftover_braces
from assessments.models import SCORES_ELSEWHERE, decision_needs_scores
from initiatives import rules
from initiatives.bulk import BulkAction
from initiatives.forms.workspace import (
    MAX_ID,
    BrokerChoiceField,
    ListedModelChoiceField,
)
from initiatives.models import Partner
from initiatives.workflow import Status
from wijkaanpak.forms import StyledFormMixin

# One page of the queue, and some room: more is not a broker ticking boxes.
MOST_IDS = 100


class IdsField(forms.Field):
    """The ticked rows: a list of initiative ids."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        try:
            ids = [int(item) for item in values]
        except (TypeError, ValueError):
            raise ValidationError(_("Laad de pagina opnieuw en probeer het nog eens.")) from None
        if any(not 0 < pk <= MAX_ID for pk in ids) or len(ids) > MOST_IDS:
            raise ValidationError(_("Laad de pagina opnieuw en probeer het nog eens."))
        return list(dict.fromkeys(ids))

    def validate(self, value: list[int]) -> None:
        if not value:
            raise ValidationError(_("Kies eerst een of meer initiatieven met de vakjes."))


class BulkForm(StyledFormMixin, forms.Form):
    use_required_attribute = False

    ids = IdsField()
    action = forms.ChoiceField(
        label=_("Wat wilt u doen met de gekozen initiatieven?"),
        choices=BulkAction.choices,
        widget=forms.RadioSelect,
    )
    assignee = BrokerChoiceField(
        label=_("Collega"),
        queryset=rules.brokers().none(),
        required=False,
        empty_label=_("Kies een collega"),
        help_text=_("Alleen bij “Geef aan een collega”."),
    )
    to = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[("", _("Kies een status")), *Status.choices],
        required=False,
        help_text=_("Alleen bij “Status wijzigen”. Bij elk initiatief kijken we of het kan."),
    )
    public_text = forms.CharField(
        label=_("Tekst voor de initiatiefnemers"),
        help_text=_("Alleen bij “Status wijzigen”. Elke initiatiefnemer krijgt deze tekst."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )
    partner = ListedModelChoiceField(
        label=_("Partner"),
        queryset=Partner.objects.filter(is_active=True).only("name"),
        required=False,
        empty_label=_("Kies een partner"),
        help_text=_("Alleen bij “Partner koppelen”."),
    )
    role = forms.CharField(
        label=_("Rol van de partner"),
        max_length=200,
        required=False,
        help_text=_("Alleen bij “Partner koppelen”. Bijvoorbeeld: stelt een ruimte beschikbaar."),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        # Its own ids: the queue's filter form above it has an "assignee" too.
        kwargs.setdefault("auto_id", "bulk_%s")
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = rules.colleagues(user).only(
            "first_name", "last_name", "username"
        )

    def clean_public_text(self) -> str:
        refuse_leftover_braces(self.cleaned_data["public_text"])  # each initiator reads it
        return self.cleaned_data["public_text"]

    def clean(self) -> dict:
        cleaned = super().clean()
        action = cleaned.get("action")
        for field in self.NEEDED.get(action, ()):
            value = cleaned.get(field)
            if isinstance(value, str):
                value = cleaned[field] = value.strip()
            if not value and field not in self.errors:
                self.add_error(field, self.MISSING[field])
        if action == BulkAction.STATUS and decision_needs_scores(cleaned.get("to")):
            self.add_error("to", SCORES_ELSEWHERE)  # a decision has its assessment
        return cleaned

    NEEDED = {
        BulkAction.ASSIGN: ("assignee",),
        BulkAction.STATUS: ("to", "public_text"),
        BulkAction.PARTNER: ("partner", "role"),
    }
    MISSING = {
        "assignee": _("Kies de collega die ze krijgt."),
        "to": _("Kies de nieuwe status."),
        "public_text": _("Schrijf wat de initiatiefnemers te lezen krijgen."),
        "partner": _("Kies een partner."),
        "role": _("Schrijf op wat de partner doet."),
    }
