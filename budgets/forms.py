"""The workspace form that keeps a budget pot; ``budgets.services.save_pot`` saves it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from budgets.models import BudgetPot
from neighbourhoods.models import Neighbourhood
from wijkaanpak.forms import StyledFormMixin, clean_text


class BudgetPotForm(StyledFormMixin, forms.ModelForm):
    use_required_attribute = False

    class Meta:
        model = BudgetPot
        fields = ["neighbourhood", "year", "priority", "name", "amount", "description"]
        localized_fields = ["amount"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "priority": _("Leeg: voor elk initiatief in de wijk."),
            "amount": _("In hele euro's of met centen, bijvoorbeeld 5000 of 5000,50."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.active().order_by("name")
        self.fields["priority"].empty_label = _("Geen: voor alle prioriteiten")

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()

    def clean_description(self) -> str:
        return clean_text(self.cleaned_data["description"]).strip()
