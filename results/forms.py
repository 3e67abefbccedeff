"""The form of "Wat heeft het opgeleverd?" on an initiative's page in the workspace."""

import re

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative
from initiatives.workflow import Status
from results.models import Result
from wijkaanpak.forms import StyledFormMixin

# Beyond any wijk: a typing error, refused with a message rather than by the database.
MOST_PEOPLE = 1_000_000
COUNTS = ("residents_reached", "volunteers", "partners_involved")
# The story may become public: no e-mail address and no phone number in it.
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}", re.IGNORECASE)
_PHONE = re.compile(r"(?:\+31|\b0)[\s-]?\d(?:[\s-]?\d){8}\b")


class ResultForm(StyledFormMixin, forms.ModelForm):
    use_required_attribute = False

    class Meta:
        model = Result
        fields = [*COUNTS, "money_spent", "story", "is_public"]
        localized_fields = ["money_spent"]
        # Text boxes rather than number inputs: what was typed ("veel") comes back as typed.
        widgets = {
            **{
                name: forms.TextInput(
                    attrs={"inputmode": "numeric", "class": "utrecht-textbox--short"}
                )
                for name in COUNTS
            },
            "money_spent": forms.TextInput(
                attrs={"inputmode": "decimal", "class": "utrecht-textbox--short"}
            ),
            "story": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in COUNTS:
            self.fields[name].validators.append(MaxValueValidator(MOST_PEOPLE))

    def clean_story(self) -> str:
        story = self.cleaned_data["story"].strip()
        if _EMAIL.search(story) or _PHONE.search(story):
            raise forms.ValidationError(
                _(
                    "Haal het e-mailadres of telefoonnummer uit het verhaal. Het verhaal "
                    "kan openbaar worden."
                )
            )
        return story


def result_forms(initiative: Initiative) -> dict[str, forms.Form]:
    """The workspace's form, filled with the recorded result or the linked partners' count.

    The initiative comes with ``select_related("result")``; the partners are counted only
    when there is no result yet and one can be recorded (a completed initiative).
    """
    result = getattr(initiative, "result", None)
    initial = {}
    if result is None and initiative.status == Status.COMPLETED:
        initial["partners_involved"] = initiative.partner_links.count()
    return {"result_form": ResultForm(instance=result, initial=initial, prefix="result")}
