"""Recording voices: one short form for between two conversations, rows for after an event."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.forms.public import PriorityChoiceField
from neighbourhoods.models import Neighbourhood, Priority
from voices.models import MOST_RESIDENTS, Channel
from voices.personal import looks_personal
from wijkaanpak.forms import StyledFormMixin

MOST_TAGS = 5


def _wijken(scope: frozenset[int] | None):
    wijken = Neighbourhood.objects.active().only("name")
    return wijken if scope is None else wijken.filter(pk__in=scope)


class WhereForm(StyledFormMixin, forms.Form):
    """When, where and how it was heard: the same for every voice of one event."""

    use_required_attribute = False

    heard_on = forms.DateField(
        label=_("Gehoord op"),
        help_text=_("Bijvoorbeeld: 3-12-2026."),
        error_messages={"invalid": _("Vul een datum in, zoals 3-12-2026.")},
        widget=forms.DateInput(attrs={"class": "utrecht-textbox--short"}),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Wijk"), queryset=Neighbourhood.objects.none(), empty_label=_("Kies de wijk")
    )
    place = forms.CharField(
        label=_("Buurt of straat"),
        max_length=100,
        required=False,
        help_text=_("Geen huisnummer. Bijvoorbeeld: bij de Rosmolenschool."),
    )
    channel = forms.ChoiceField(
        label=_("Waar hoorde u het?"), choices=Channel.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, scope: frozenset[int] | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        wijken = _wijken(scope)
        self.fields["neighbourhood"].queryset = wijken
        self.fields["heard_on"].initial = timezone.localdate()
        if scope is not None and len(scope) == 1:
            self.fields["neighbourhood"].initial = next(iter(scope))

    def clean_heard_on(self):
        heard_on = self.cleaned_data["heard_on"]
        if heard_on > timezone.localdate():
            raise ValidationError(_("Deze datum ligt in de toekomst."), code="future")
        if heard_on.year < 2000:
            raise ValidationError(_("Vul de datum in waarop u het hoorde."), code="too_old")
        return heard_on

    def clean_place(self) -> str:
        return " ".join(self.cleaned_data["place"].split())


class WhatForm(StyledFormMixin, forms.Form):
    """What was said, by how many, about which priority."""

    use_required_attribute = False

    summary = forms.CharField(
        label=_("Wat zeiden ze?"),
        max_length=500,
        help_text=_("In uw eigen woorden. Zonder namen, adressen of telefoonnummers."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    residents = forms.IntegerField(
        label=_("Hoeveel bewoners zeiden dit?"),
        min_value=1,
        max_value=MOST_RESIDENTS,
        initial=1,
        error_messages={
            "min_value": _("Vul 1 of meer in."),
            "max_value": _("Dat zijn er te veel. Vul hoogstens 5.000 in."),
            "invalid": _("Vul een getal in, zoals 12."),
        },
        # Text, not type="number": what was typed wrong comes back as typed, and a number
        # input may not hold it.
        widget=forms.TextInput(attrs={"class": "utrecht-textbox--short", "inputmode": "numeric"}),
    )
    priorities = PriorityChoiceField(
        label=_("Over welke prioriteit?"),
        queryset=Priority.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(
        label=_("Trefwoorden"),
        max_length=200,
        required=False,
        help_text=_("Hoogstens 5, met komma's ertussen. Bijvoorbeeld: oversteken, school."),
    )
    is_publishable = forms.BooleanField(
        label=_("Deze samenvatting mag op de openbare wijkpagina."), required=False
    )
    # Shown after a warning: the broker checked the text and it holds no personal data.
    checked = forms.BooleanField(
        label=_("Ik heb het nagekeken: er staan geen persoonlijke gegevens in."),
        required=False,
    )

    def clean_summary(self) -> str:
        return self.cleaned_data["summary"].strip()

    def clean_tags(self) -> list[str]:
        tags = []
        for tag in self.cleaned_data["tags"].split(","):
            tag = " ".join(tag.split()).lower()
            if tag and tag not in tags:
                tags.append(tag)
        if len(tags) > MOST_TAGS:
            raise ValidationError(_("Kies hoogstens 5 trefwoorden."), code="too_many")
        if any(len(tag) > 40 for tag in tags):
            raise ValidationError(_("Een trefwoord is hoogstens 40 tekens."), code="too_long")
        return tags

    def clean(self) -> dict:
        cleaned = super().clean()
        text = " ".join([cleaned.get("summary", ""), *cleaned.get("tags", [])])
        found = looks_personal(text)
        self.warned = bool(found)
        if found and not cleaned.get("checked"):
            self.add_error(
                "summary",
                ValidationError(
                    _(
                        "Hier lijkt %(what)s in te staan. Haal persoonlijke gegevens weg, "
                        "of zet hieronder een vinkje als het geen persoonlijke gegevens zijn."
                    )
                    % {"what": ", ".join(found)},
                    code="personal",
                ),
            )
        return cleaned


class RowForm(WhatForm):
    """One voice among several: a row left empty is skipped, so nothing is filled in."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        residents = self.fields["residents"]
        residents.initial, residents.required = None, False
        residents.help_text = _("Leeg is 1.")

    def clean_residents(self) -> int:
        return self.cleaned_data["residents"] or 1


class BaseWhatFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        super().clean()
        if not any(form.has_changed() and form.cleaned_data for form in self.forms):
            raise ValidationError(_("Vul ten minste één signaal in."), code="empty")


# After an event: up to five voices with one "when and where".
WhatFormSet = forms.formset_factory(
    RowForm, formset=BaseWhatFormSet, extra=5, max_num=5, absolute_max=5, validate_max=True
)
