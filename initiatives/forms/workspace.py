"""Forms of the brokers' workspace. They validate and normalise; the services do the work."""

from datetime import UTC, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from answers.forms import refuse_leftover_braces
from budgets.models import BudgetPot, ContributionKind
from initiatives import rules
from initiatives.models import (
    Initiative,
    Partner,
)
from initiatives.queues import Queue
from initiatives.workdays import local_date
from initiatives.workflow import REASON_REQUIRED, Status, is_reopening
from neighbourhoods.models import Neighbourhood, Priority
from wijkaanpak.forms import StyledFormMixin
from wijkaanpak.money import money

# A version beyond PostgreSQL's integer range is tampering, not a real version.
MAX_ID = 2**31 - 1
# Versions were written between these moments; a `seen` outside them is tampering. Fixed
# rather than relative to now, so a clock set back (or frozen in a test) refuses no honest form.
SEEN_RANGE = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


class ListedChoiceIterator(ModelChoiceIterator):
    """The choices from one plain query.

    Django's iterator reads them with ``.iterator()``, which on PostgreSQL opens a server-side
    cursor: three round trips for a few dozen rows.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ListedModelChoiceField(forms.ModelChoiceField):
    iterator = ListedChoiceIterator


class BrokerChoiceField(ListedModelChoiceField):
    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


# --- Queue filters ------------------------------------------------------------------------


class QueueFilterForm(StyledFormMixin, forms.Form):
    """The filters above the werkvoorraad; every field is optional."""

    use_required_attribute = False

    queue = forms.ChoiceField(choices=Queue.choices, required=False, widget=forms.HiddenInput)
    q = forms.CharField(label=_("Zoeken in titel en beschrijving"), max_length=200, required=False)
    neighbourhood = ListedModelChoiceField(
        label=_("Wijk"), queryset=Neighbourhood.objects.none(), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alle statussen")), *Status.choices],
        required=False,
    )
    priority = ListedModelChoiceField(
        label=_("Prioriteit"),
        queryset=Priority.objects.only(*Priority.name_fields()),
        required=False,
    )
    # A filter needs only the names (the choices) and the id (the filter).
    assignee = BrokerChoiceField(
        label=_("Sociaal makelaar"),
        queryset=rules.brokers().only("first_name", "last_name", "username"),
        required=False,
    )

    def __init__(self, *args, scope: frozenset[int] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        wijken = Neighbourhood.objects.only("name")
        if scope is not None:
            wijken = wijken.filter(pk__in=scope)
        self.fields["neighbourhood"].queryset = wijken
        self.fields["neighbourhood"].empty_label = _("Alle wijken")
        self.fields["priority"].empty_label = _("Alle prioriteiten")
        self.fields["assignee"].empty_label = _("Iedereen")

    FILTERS = ("q", "neighbourhood", "status", "priority", "assignee")

    def has_filters(self) -> bool:
        """Whether ``filter`` narrows the queue: a valid filter has a value."""
        data = self.cleaned_data if self.is_bound else {}
        return any(data.get(name) for name in self.FILTERS)

    def filter(self, initiatives):
        """Apply the valid filters; an invalid one is ignored (its error is shown)."""
        data = self.cleaned_data if self.is_bound else {}
        if data.get("q"):
            text = data["q"]
            initiatives = initiatives.filter(
                Q(title__icontains=text) | Q(description__icontains=text)
            )
        if data.get("neighbourhood"):
            initiatives = initiatives.filter(neighbourhood=data["neighbourhood"])
        if data.get("status"):
            initiatives = initiatives.filter(status=data["status"])
        if data.get("priority"):
            initiatives = initiatives.filter(priorities=data["priority"])
        if data.get("assignee"):
            initiatives = initiatives.filter(assigned_broker=data["assignee"])
        return initiatives


# --- Actions on one initiative ----------------------------------------------------------


class VersionedForm(StyledFormMixin, forms.Form):
    """Carries the version the user saw, so a concurrent change is noticed, not overwritten.

    ``seen`` is when that version was written; it tells the conflict message which
    timeline entries are news to this user.
    """

    # No `required` attribute: Utrecht styles an empty required textarea as :invalid
    # before the broker typed anything; the server says what is missing instead.
    use_required_attribute = False
    # A version that was never written (0) is simply out of date: the service says so.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_ID)
    # Without it (the admin's status page) a conflict is refused without listing changes.
    seen = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)

    def __init__(self, *args, initiative: Initiative, **kwargs) -> None:
        kwargs.setdefault(
            "initial",
            {"version": initiative.version, "seen": initiative.updated_at.isoformat()},
        )
        super().__init__(*args, **kwargs)
        self.initiative = initiative

    def full_clean(self) -> None:
        super().full_clean()
        # The mixin marks invalid fields for assistive technology; a hidden input has no
        # presence there (and may not carry aria-* attributes). Its error shows in the summary.
        for name in ("version", "seen"):
            attrs = self.fields[name].widget.attrs
            attrs.pop("aria-invalid", None)
            attrs.pop("aria-describedby", None)

    def clean_seen(self) -> datetime | None:
        if not self.cleaned_data["seen"]:
            return None
        reload = ValidationError(_("Laad de pagina opnieuw en probeer het nog eens."))
        try:
            seen = datetime.fromisoformat(self.cleaned_data["seen"])
            # Converting now, not in the database query: 0001-01-01T00:00+14:00 parses
            # but falls outside what a datetime can hold once in UTC.
            seen = seen.astimezone(UTC) if seen.tzinfo is not None else None
        except (OverflowError, ValueError):
            raise reload from None
        if seen is None or not SEEN_RANGE[0] <= seen < SEEN_RANGE[1]:
            raise reload
        return seen


class StatusForm(VersionedForm):
    """A move along the transition table, and what the initiator reads about it.

    The workspace and the admin's status page both use it.
    """

    to = forms.ChoiceField(label=_("Nieuwe status"), widget=forms.RadioSelect)
    public_text = forms.CharField(
        label=_("Tekst voor de initiatiefnemer"),
        help_text=_(
            "De initiatiefnemer krijgt deze tekst per e-mail en ziet hem op de volgpagina."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    internal_note = forms.CharField(
        label=_("Interne notitie"),
        help_text=_("Alleen medewerkers zien deze notitie."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        required=False,
    )
    referred_to = forms.CharField(
        label=_("Doorverwezen naar"),
        help_text=_("Alleen bij doorverwijzen. Bijvoorbeeld: het meldpunt van de gemeente."),
        max_length=200,
        required=False,
    )
    referral_reference = forms.CharField(
        label=_("Kenmerk van de doorverwijzing"),
        help_text=_("Alleen bij doorverwijzen. De initiatiefnemer ziet dit kenmerk."),
        max_length=100,
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only the moves of the one transition table are offered.
        self.fields["to"].choices = [
            (value, Status(value).label) for value in self.initiative.allowed_transitions()
        ]

    def clean_public_text(self) -> str:
        refuse_leftover_braces(self.cleaned_data["public_text"])  # the initiator reads it
        return self.cleaned_data["public_text"]

    def clean(self) -> dict:
        cleaned = super().clean()
        to = cleaned.get("to")
        if to == Status.REFERRED and not cleaned.get("referred_to", "").strip():
            self.add_error("referred_to", _("Vul in waar het naartoe is doorverwezen."))
        if (
            to
            and "public_text" in self.errors
            and (to in REASON_REQUIRED or is_reopening(self.initiative.status, to))
        ):
            self.errors["public_text"] = self.error_class(
                [_("Schrijf de reden op. De initiatiefnemer leest deze tekst.")]
            )
        return cleaned


class AssignForm(VersionedForm):
    """Hand the initiative to a colleague: only people who may take it are offered."""

    assignee = BrokerChoiceField(
        label=_("Geef aan een collega"),
        queryset=rules.brokers().none(),
        empty_label=_("Kies een collega"),
    )
    note = forms.CharField(
        label=_("Notitie voor uw collega"),
        help_text=_("Bijvoorbeeld: ik ben met verlof. Uw collega krijgt dit per e-mail."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
    )

    def __init__(self, *args, initiative: Initiative, **kwargs) -> None:
        super().__init__(*args, initiative=initiative, **kwargs)
        self.fields["assignee"].queryset = rules.brokers(initiative.neighbourhood_id).exclude(
            pk=initiative.assigned_broker_id or 0
        )


class FollowUpForm(StyledFormMixin, forms.Form):
    """A date to come back to the initiative, and why ("bel terug na de vakantie")."""

    use_required_attribute = False
    on = forms.DateField(
        label=_("Opvolgen op"),
        required=False,
        error_messages={"invalid": _("Vul een datum in, zoals 3-12-2026.")},
        help_text=_("Bijvoorbeeld: 3-12-2026. Laat leeg om de datum weg te halen."),
        # Text, not type="date": what a broker typed wrong comes back as typed, and
        # a date input may not hold it.
        widget=forms.DateInput(attrs={"class": "utrecht-textbox--short"}),
    )
    reason = forms.CharField(
        label=_("Waarom?"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: bel terug na de vakantie. Alleen medewerkers zien dit."),
    )

    def clean_reason(self) -> str:
        return self.cleaned_data["reason"].strip()

    def clean(self) -> dict:
        cleaned = super().clean()
        on = cleaned.get("on")
        if on is not None and on < local_date(timezone.now()):
            self.add_error("on", _("Kies vandaag of een dag die nog komt."))
        if on is not None and not cleaned.get("reason"):
            self.add_error("reason", _("Schrijf op waarom u dit wilt opvolgen."))
        return cleaned


class PublishForm(VersionedForm):
    public_title = forms.CharField(
        label=_("Openbare titel"),
        max_length=200,
        help_text=_("Zet geen namen of adressen in de titel."),
    )
    public_summary = forms.CharField(
        label=_("Openbare samenvatting"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Iedereen kan dit lezen. Zet er geen persoonlijke gegevens in."),
    )
    public_summary_nl = forms.CharField(
        label=_("Nederlandse samenvatting"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "De bewoner schreef in een andere taal. De openbare tekst blijft in die taal; "
            "deze Nederlandse samenvatting staat ernaast."
        ),
    )

    def __init__(self, *args, initiative: Initiative, **kwargs) -> None:
        super().__init__(*args, initiative=initiative, **kwargs)
        if initiative.language == "nl":
            del self.fields["public_summary_nl"]


class UnpublishForm(VersionedForm):
    reason = forms.CharField(
        label=_("Waarom niet meer openbaar?"),
        help_text=_("Alleen medewerkers zien deze reden."),
        max_length=1000,
        required=False,
    )


class PotChoiceField(ListedModelChoiceField):
    def label_from_instance(self, pot) -> str:
        return _("%(name)s (%(year)s, nog %(left)s over)") % {
            "name": pot.name,
            "year": pot.year,
            "left": money(pot.left),
        }


class AmountForm(VersionedForm):
    pot = PotChoiceField(
        label=_("Uit welk wijkbudget?"),
        queryset=BudgetPot.objects.none(),
        empty_label=_("Kies een wijkbudget"),
        help_text=_("Een coördinator maakt de wijkbudgetten aan."),
    )
    amount = forms.DecimalField(
        label=_("Toegekend bedrag (euro)"),
        min_value=0,
        max_digits=10,
        decimal_places=2,
        localize=True,
        help_text=_("Bijvoorbeeld 750 of 750,50."),
    )
    note = forms.CharField(
        label=_("Toelichting"),
        help_text=_("Alleen medewerkers zien deze toelichting."),
        max_length=1000,
        required=False,
    )

    def __init__(self, *args, initiative: Initiative, **kwargs) -> None:
        super().__init__(*args, initiative=initiative, **kwargs)
        self.fields["pot"].queryset = BudgetPot.objects.filter(
            neighbourhood=initiative.neighbourhood_id
        ).select_related("priority")


class TextForm(StyledFormMixin, forms.Form):
    """One text: a message to the initiator, an internal note or a public update.

    A text for residents (``for_residents``) may not keep a placeholder of an answer
    template, or any other brace: it is sent as it stands.
    """

    use_required_attribute = False

    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)

    def __init__(
        self, *args, label: str, help_text: str = "", for_residents: bool = False, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label
        self.fields["text"].help_text = help_text
        self.for_residents = for_residents

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if self.for_residents:
            refuse_leftover_braces(text)
        return text


class PartnerLinkForm(StyledFormMixin, forms.Form):
    use_required_attribute = False
    partner = ListedModelChoiceField(
        label=_("Partner"), queryset=Partner.objects.filter(is_active=True)
    )
    role = forms.CharField(
        label=_("Rol van de partner"),
        max_length=200,
        help_text=_("Bijvoorbeeld: stelt een ruimte beschikbaar."),
    )

    def clean_role(self) -> str:
        return self.cleaned_data["role"].strip()


class ContributionForm(StyledFormMixin, forms.Form):
    """Co-funding by a partner: money, or space, materials or hours at their value."""

    use_required_attribute = False
    partner = ListedModelChoiceField(
        label=_("Partner"), queryset=Partner.objects.filter(is_active=True)
    )
    kind = forms.ChoiceField(label=_("Soort bijdrage"), choices=ContributionKind.choices)
    value = forms.DecimalField(
        label=_("Waarde (euro)"),
        min_value=0,
        max_digits=10,
        decimal_places=2,
        localize=True,
        help_text=_("Bij ruimte, materiaal of uren: wat het anders had gekost."),
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: de zaal op woensdagmiddag. Alleen medewerkers zien dit."),
    )

    def clean_description(self) -> str:
        return self.cleaned_data["description"].strip()


class PartnerForm(StyledFormMixin, forms.ModelForm):
    use_required_attribute = False

    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "contact_name",
            "contact_email",
            "contact_phone",
            "website",
            "notes",
            "is_active",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
