"""The broker's intake form: an idea typed in with a resident (phone, spreekuur, visit)."""

from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.forms.public import (
    ContactMixin,
    EuroField,
    PriorityChoiceField,
    clean_postcode,
    find_wijk,
)
from initiatives.models import Channel, ConsentBasis, Need
from initiatives.workdays import local_date
from neighbourhoods.models import Neighbourhood, Priority
from wijkaanpak.forms import StyledFormMixin

# Not the website's own form: a broker enters what came in another way.
INTAKE_CHANNELS = [choice for choice in Channel.choices if choice[0] != Channel.ONLINE]
INTAKE_CONSENT = [
    choice for choice in ConsentBasis.choices if choice[0] != ConsentBasis.ONLINE_FORM
]


class IntakeForm(ContactMixin, StyledFormMixin, forms.Form):
    use_required_attribute = False

    channel = forms.ChoiceField(
        label=_("Hoe kwam het idee binnen?"), choices=INTAKE_CHANNELS, widget=forms.RadioSelect
    )
    title = forms.CharField(
        label=_("Korte naam van het idee"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Huiswerkklas in het buurthuis."),
    )
    description = forms.CharField(
        label=_("Het idee, in de woorden van de bewoner"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    postcode = forms.CharField(
        label=_("Postcode van de bewoner"),
        required=False,
        max_length=10,
        help_text=_("Dan zoeken wij de wijk op. Bijvoorbeeld: 1506 AB."),
        widget=forms.TextInput(attrs={"class": "utrecht-textbox--short"}),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Of kies de wijk"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("Zoek de wijk op met de postcode"),
    )
    priorities = PriorityChoiceField(
        label=_("Waar helpt het idee bij?"),
        queryset=Priority.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    needs = forms.MultipleChoiceField(
        label=_("Wat is er nodig?"),
        choices=Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    amount_requested = EuroField(
        label=_("Gevraagd bedrag"),
        required=False,
        min_value=0,
        max_value=99999999.99,
        max_digits=10,
        decimal_places=2,
        help_text=_("In euro. Weet de bewoner het nog niet? Laat het dan leeg."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "utrecht-textbox--short"}),
    )
    language = forms.ChoiceField(
        label=_("In welke taal krijgt de bewoner e-mail?"),
        choices=settings.LANGUAGES,
        initial="nl",
    )
    consent_basis = forms.ChoiceField(
        label=_("Hoe gaf de bewoner toestemming?"),
        choices=INTAKE_CONSENT,
        widget=forms.RadioSelect,
        help_text=_("De privacyverklaring legt uit wat wij met de gegevens doen."),
    )
    consent_date = forms.DateField(
        label=_("Datum van de toestemming"),
        error_messages={"invalid": _("Vul een datum in, zoals 3-12-2026.")},
        help_text=_("Bijvoorbeeld: 3-12-2026."),
        # Text, not type="date": what a broker typed wrong comes back as typed, and
        # a date input may not hold it.
        widget=forms.DateInput(attrs={"class": "utrecht-textbox--short"}),
    )
    consent = forms.BooleanField(
        label=_(
            "De bewoner weet dat wij de naam en contactgegevens bewaren voor dit idee, "
            "en is het daarmee eens."
        ),
        error_messages={"required": _("Zet een vinkje. Zonder toestemming voert u niets in.")},
    )
    submission_key = forms.UUIDField(required=False, widget=forms.HiddenInput)

    field_order = [
        "channel",
        "title",
        "description",
        "postcode",
        "neighbourhood",
        "priorities",
        "needs",
        "amount_requested",
        "name",
        "email",
        "phone",
        "language",
        "consent_basis",
        "consent_date",
        "consent",
    ]

    def __init__(self, *args, scope: frozenset[int] | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.scope = scope
        wijken = Neighbourhood.objects.active().only("name")
        if scope is not None:
            wijken = wijken.filter(pk__in=scope)
        self.fields["neighbourhood"].queryset = wijken
        self.fields["consent_date"].initial = local_date(timezone.now())
        self.fields["name"].label = _("Naam van de bewoner")
        self.fields["email"].label = _("E-mailadres van de bewoner")
        self.fields["email"].help_text = _(
            "Met een e-mailadres krijgt de bewoner de link per e-mail. Zonder e-mailadres "
            "print u een brief met de link."
        )
        self.fields["phone"].label = _("Telefoonnummer van de bewoner")

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def clean_description(self) -> str:
        return self.cleaned_data["description"].strip()

    def clean_postcode(self) -> str:
        return clean_postcode(self.cleaned_data["postcode"])

    def clean_consent_date(self) -> date:
        value = self.cleaned_data["consent_date"]
        if value > local_date(timezone.now()):
            raise ValidationError(_("Deze datum ligt in de toekomst."), code="future")
        if value.year < 2000:
            raise ValidationError(_("Vul de datum van de toestemming in."), code="too_old")
        return value

    def clean(self) -> dict:
        cleaned = super().clean()
        find_wijk(self, cleaned, self.scope)
        return cleaned
