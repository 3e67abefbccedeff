from django import forms
from django.utils.translation import gettext_lazy as _

from initiatives.forms.public import ProtectedForm
from subscriptions.models import Frequency


class FollowForm(ProtectedForm):
    """An address and how often; the honeypot and fill time of the other anonymous forms."""

    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_("Wij gebruiken het alleen voor deze e-mail. U kunt altijd stoppen."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label=_("Hoe vaak wilt u e-mail?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )

    field_order = ["email", "frequency"]
