"""Forms residents fill in without an account: submit an idea, reply, withdraw, offer help.

They validate and normalise only; the views count throttling hits and call the services.
"""

import re
import time
import uuid
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from attachments.forms import choose_again, photos_field
from initiatives.models import Need, OfferKind
from initiatives.verification import normalise_house_number
from neighbourhoods.models import Neighbourhood, Priority, normalise_postcode
from wijkaanpak.forms import StyledFormMixin

STARTED_SALT = "wijkaanpak.form-started"
# A form older than this is refused as "expired" rather than trusted for its fill time.
STARTED_MAX_AGE = 24 * 3600
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{7,25}\Z")


def started_token() -> str:
    """A signed moment for the hidden "started" field: when the resident got the form."""
    return signing.dumps(time.time(), salt=STARTED_SALT)


def min_fill_seconds() -> float:
    return getattr(settings, "SUBMIT_MIN_SECONDS", 3)


class ProtectedForm(StyledFormMixin, forms.Form):
    """An anonymous form with a honeypot and a minimum fill time (no CAPTCHA).

    The template renders a fresh ``started`` value on every showing (see ``started_token``),
    so a resident who corrects a mistake is never refused for being too fast.
    """

    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    # One key per form shown: a double click or a resubmission sends it twice, and the
    # database lets it create one row only.
    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)

    spam_message = _("Uw formulier is niet verstuurd. Probeer het opnieuw.")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["submission_key"].initial = uuid.uuid4()

    def clean_submission_key(self) -> uuid.UUID:
        try:
            return uuid.UUID(self.cleaned_data["submission_key"])
        except ValueError:
            # A missing or mangled key only costs the double-submit protection.
            return uuid.uuid4()

    def clean(self) -> dict:
        cleaned = super().clean()
        if self._errors:
            # The resident corrects those first (an empty form has them too); a message
            # about speed would only confuse. The checks run on the next post.
            return cleaned
        if cleaned.get("website"):
            # Only bots fill a field people cannot see; they get no hint why.
            self.add_error(None, self.spam_message)
            return cleaned
        try:
            started = float(
                signing.loads(
                    cleaned.get("started") or "", salt=STARTED_SALT, max_age=STARTED_MAX_AGE
                )
            )
        except (signing.BadSignature, TypeError, ValueError):
            self.add_error(
                None, _("Het formulier was verlopen. Kijk of alles klopt en verstuur het opnieuw.")
            )
            return cleaned
        if time.time() - started < min_fill_seconds():
            self.add_error(
                None, _("Dat ging erg snel. Kijk of alles klopt en verstuur het formulier opnieuw.")
            )
        return cleaned


class EuroField(forms.DecimalField):
    """An amount as residents type it: "750", "€ 750,50", "1.500" or "1.500,00"."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
            elif re.fullmatch(r"\d{1,3}(\.\d{3})+", value):
                value = value.replace(".", "")
        return super().to_python(value)


class PriorityChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Priority) -> str:
        return obj.label


class ContactMixin(forms.Form):
    """Name, e-mail and/or phone: at least one way to reach the resident."""

    name = forms.CharField(label=_("Uw naam"), max_length=100)
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        required=False,
        # The model's limit: a longer address must be a form error, not a database error.
        max_length=254,
        error_messages={
            "max_length": _("Dit e-mailadres is te lang. Het mag hoogstens 254 tekens hebben.")
        },
        help_text=_("Vul uw e-mailadres of uw telefoonnummer in. Eén van de twee is genoeg."),
    )
    phone = forms.CharField(
        label=_("Uw telefoonnummer"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self) -> str:
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not _PHONE.match(phone):
            raise ValidationError(
                _("Dit is geen telefoonnummer. Gebruik alleen cijfers, zoals 0612345678."),
                code="invalid",
            )
        return phone

    def clean(self) -> dict:
        cleaned = super().clean()
        email_ok = "email" not in self.errors
        phone_ok = "phone" not in self.errors
        if email_ok and phone_ok and not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error(
                "email",
                ValidationError(
                    _("Vul een e-mailadres of een telefoonnummer in. Eén van de twee is genoeg."),
                    code="unreachable",
                ),
            )
        return cleaned


class SubmitForm(ContactMixin, ProtectedForm):
    """A resident's idea, where it is, what it needs, and how to reach them."""

    title = forms.CharField(
        label=_("Geef uw idee een korte naam"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Huiswerkklas in het buurthuis."),
    )
    description = forms.CharField(
        label=_("Vertel over uw idee"),
        max_length=5000,
        help_text=_("Wat wilt u doen? Voor wie is het? Waarom is het goed voor de wijk?"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    postcode = forms.CharField(
        label=_("Uw postcode"),
        required=False,
        max_length=10,
        help_text=_("Dan zoeken wij uw wijk op. Bijvoorbeeld: 1506 AB."),
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "class": "utrecht-textbox--short"}
        ),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Of kies uw wijk"),
        queryset=Neighbourhood.objects.active(),
        required=False,
        empty_label=_("Zoek mijn wijk op met mijn postcode"),
    )
    priorities = PriorityChoiceField(
        label=_("Waar helpt uw idee bij?"),
        queryset=Priority.objects.all(),
        required=False,
        help_text=_("U mag er meer dan één kiezen. Of geen."),
        widget=forms.CheckboxSelectMultiple,
    )
    needs = forms.MultipleChoiceField(
        label=_("Wat heeft u nodig?"),
        choices=Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    amount_requested = EuroField(
        label=_("Hoeveel geld heeft u nodig?"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal("99999999.99"),
        max_digits=10,
        decimal_places=2,
        help_text=_("In euro. Weet u het nog niet? Laat het dan leeg."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "utrecht-textbox--short"}),
    )
    photos = photos_field()  # checked and re-encoded by attachments.files
    consent = forms.BooleanField(
        label=_("Ik geef toestemming om mijn gegevens te gebruiken voor dit idee."),
        error_messages={
            "required": _("Zet een vinkje. Zonder uw toestemming kunnen we niets met uw idee doen.")
        },
    )
    field_order = [
        "title",
        "description",
        "postcode",
        "neighbourhood",
        "photos",
        "priorities",
        "needs",
        "amount_requested",
        "name",
        "email",
        "phone",
        "consent",
        "website",
        "started",
        "submission_key",
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def clean_description(self) -> str:
        return self.cleaned_data["description"].strip()

    def clean_postcode(self) -> str:
        return clean_postcode(self.cleaned_data["postcode"])

    def clean(self) -> dict:
        cleaned = super().clean()
        find_wijk(self, cleaned)
        return cleaned

    def full_clean(self) -> None:
        super().full_clean()
        choose_again(self)  # a browser cannot fill the file input in again


def clean_postcode(value: str) -> str:
    """A postcode as typed ("1506ab", "1506 AB") in one form, or a form error."""
    value = value.strip()
    if not value:
        return ""
    postcode = normalise_postcode(value)
    if postcode is None:
        raise ValidationError(
            _("Dit is geen postcode. Een postcode is 4 cijfers en 2 letters, zoals 1506 AB."),
            code="invalid",
        )
    return postcode


def find_wijk(form: forms.Form, cleaned: dict, scope: frozenset[int] | None = None) -> None:
    """The chosen wijk, or else the postcode's (among ``scope``'s ids); or a form error."""
    if cleaned.get("neighbourhood") or "postcode" in form.errors:
        return
    postcode = cleaned.get("postcode")
    if not postcode:
        form.add_error(
            "neighbourhood",
            ValidationError(_("Vul uw postcode in of kies uw wijk."), code="required"),
        )
        return
    neighbourhood = Neighbourhood.objects.for_postcode(postcode)
    if neighbourhood is not None and scope is not None and neighbourhood.pk not in scope:
        form.add_error(
            "neighbourhood",
            ValidationError(
                _("Deze postcode ligt in %(wijk)s. Daar werkt u niet.")
                % {"wijk": neighbourhood.name},
                code="outside_scope",
            ),
        )
    elif neighbourhood is None:
        form.add_error(
            "neighbourhood",
            ValidationError(
                _("Wij vinden geen wijk bij deze postcode. Kies uw wijk uit de lijst."),
                code="unknown_postcode",
            ),
        )
    else:
        cleaned["neighbourhood"] = neighbourhood


class ReplyForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Uw bericht aan de sociaal makelaar"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_text(self) -> str:
        return self.cleaned_data["text"].strip()


class WithdrawForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Waarom trekt u uw idee in?"),
        required=False,
        max_length=2000,
        help_text=_("De sociaal makelaar leest dit. U hoeft het niet te zeggen."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_reason(self) -> str:
        return self.cleaned_data["reason"].strip()


class HelpOfferForm(ContactMixin, ProtectedForm):
    offer_kinds = forms.MultipleChoiceField(
        label=_("Wat kunt u doen?"),
        choices=OfferKind.choices,
        help_text=_("U mag er meer dan één kiezen."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies wat u kunt doen.")},
    )
    message = forms.CharField(
        label=_("Wilt u nog iets vertellen?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=_("Ik geef toestemming om mijn gegevens te gebruiken voor dit hulpaanbod."),
        error_messages={
            "required": _(
                "Zet een vinkje. Zonder uw toestemming kunnen we u niet bellen of mailen."
            )
        },
    )

    field_order = [
        "offer_kinds",
        "message",
        "name",
        "email",
        "phone",
        "consent",
        "website",
        "started",
        "submission_key",
    ]

    def clean_message(self) -> str:
        return self.cleaned_data["message"].strip()


class VerifiedSupportForm(ProtectedForm):
    """Postcode, house number and e-mail: the link that confirms support from an address."""

    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        help_text=_("Bijvoorbeeld 1506 AB."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    house_number = forms.CharField(
        label=_("Huisnummer"),
        max_length=12,
        help_text=_("Met een toevoeging als die er is, bijvoorbeeld 12A."),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Hier sturen wij de link naartoe. Daarna wissen wij uw e-mailadres."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_postcode(self) -> str:
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        if postcode is None or len(postcode) != 6:
            raise ValidationError(
                _("Vul een postcode in met 4 cijfers en 2 letters, zoals 1506 AB.")
            )
        return postcode

    def clean_house_number(self) -> str:
        number = normalise_house_number(self.cleaned_data["house_number"])
        if number is None:
            raise ValidationError(_("Vul uw huisnummer in, zoals 12 of 12A."))
        return number
