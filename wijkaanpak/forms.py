"""Form plumbing shared by every form: clean text, NL Design System classes, accessible errors."""

import re

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.forms.renderers import Jinja2
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# Our forms render their widgets with Django's own Jinja2 widget templates: the same markup
# as its Django-template widgets, several times faster (a workspace page has some twenty
# fields). The admin keeps the default renderer: its widgets exist as Django templates only.
RENDERER = Jinja2()

WIDGET_CLASSES: dict[type[forms.Widget], str] = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.widgets.Input: "utrecht-textbox utrecht-textbox--html-input",
}
INVALID_CLASSES: dict[type[forms.Widget], str] = {
    forms.Textarea: "utrecht-textarea--invalid",
    forms.Select: "utrecht-select--invalid",
    forms.CheckboxInput: "utrecht-checkbox--invalid",
    forms.widgets.Input: "utrecht-textbox--invalid",
}


# C0 control characters except tab and newline (carriage returns are handled before). XML 1.0
# cannot hold them, so one in a public text broke the wijk's Atom feed; on a screen or in an
# e-mail they are invisible at best.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f]")


def clean_text(text: str) -> str:
    """``text`` without C0 control characters; line ends as newlines (browsers send CRLF)."""
    return _CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _clean_value(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return [_clean_value(item) for item in value]
    return value


def clean_data(data):
    """Form data (a QueryDict, MultiValueDict or dict) with every text passed through clean_text.

    Files and non-text values are left alone. Keys are texts too.
    """
    if isinstance(data, MultiValueDict):
        if isinstance(data, QueryDict):
            cleaned = QueryDict(mutable=True, encoding=data.encoding)
        else:
            cleaned = MultiValueDict()
        for key, values in data.lists():
            cleaned.setlist(clean_text(key), _clean_value(values))
        if isinstance(cleaned, QueryDict):
            cleaned._mutable = False
        return cleaned
    return {clean_text(key): _clean_value(value) for key, value in data.items()}


# Our own messages in plain Dutch (B1) instead of Django's, for every field whose form did
# not write its own. Keyed by error code; "invalid" differs per kind of field.
PLAIN_MESSAGES = {
    "required": _("Vul dit in."),
    "max_length": _("Uw tekst is te lang: %(show_value)s tekens, maximaal %(limit_value)s."),
    "invalid_choice": _("Kies een van de mogelijkheden."),
    "invalid_list": _("Kies een of meer van de mogelijkheden."),
}
PLAIN_INVALID = {
    forms.EmailField: _(
        "Dit is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl."
    ),
    forms.DecimalField: _("Vul een getal in, zoals 750."),
    forms.IntegerField: _("Vul een getal in, zoals 12."),
    forms.DateField: _("Vul een datum in, zoals 15-3-2026."),
}
PLAIN_REQUIRED = {
    forms.BooleanField: _("Zet een vinkje."),
    forms.ChoiceField: _("Kies een van de mogelijkheden."),
    forms.ModelChoiceField: _("Kies een van de mogelijkheden."),
}


def _django_default(field: forms.Field, code: str) -> str | None:
    """The message Django itself gives ``field`` for ``code`` (None: it gives none)."""
    default = None
    for field_class in reversed(type(field).__mro__):
        default = getattr(field_class, "default_error_messages", {}).get(code, default)
    return default


class PlainLengthValidator(validators.MaxLengthValidator):
    """Too long: the numbers as the resident reads them ("10.000 tekens, maximaal 5.000")."""

    def __call__(self, value) -> None:
        length = self.clean(value)
        if self.compare(length, self.limit_value):
            raise ValidationError(
                PLAIN_MESSAGES["max_length"],
                code="max_length",
                params={
                    "limit_value": number_format(self.limit_value, force_grouping=True),
                    "show_value": number_format(length, force_grouping=True),
                    "value": value,
                },
            )


def plain_dutch(field: forms.Field) -> None:
    """Give ``field`` our messages where it still has Django's, and no silent ``maxlength``.

    Browsers cut pasted text at ``maxlength`` without a word; without it the server refuses
    a too long text with the message and the form comes back with all of it.
    """
    for code, message in PLAIN_MESSAGES.items():
        if (
            code != "max_length"
            and code in field.error_messages
            and field.error_messages[code] == _django_default(field, code)
        ):
            field.error_messages[code] = message
    for table, code in ((PLAIN_INVALID, "invalid"), (PLAIN_REQUIRED, "required")):
        message = _lookup(table, field)
        if message and field.error_messages.get(code) in (
            _django_default(field, code),
            PLAIN_MESSAGES.get(code),
        ):
            field.error_messages[code] = message
    max_length = getattr(field, "max_length", None)
    if max_length is None or isinstance(field.widget, forms.HiddenInput):
        return
    field.widget.attrs.pop("maxlength", None)
    if "max_length" not in field.error_messages:  # else the form wrote its own
        field.validators = [
            PlainLengthValidator(v.limit_value) if type(v) is validators.MaxLengthValidator else v
            for v in field.validators
        ]
    if isinstance(field.widget, forms.Textarea):
        # Shown next to the field (templates/includes/field.html) and read with it.
        field.length_hint = _("maximaal %(limit)s tekens") % {
            "limit": number_format(max_length, force_grouping=True)
        }


def _lookup(table: dict[type[forms.Widget], str], widget: forms.Widget) -> str:
    for widget_class in type(widget).__mro__:
        if widget_class in table:
            return table[widget_class]
    return ""


# Typed values that read left to right in every language, also on an Arabic (right-to-left)
# page: e-mail addresses, phone numbers, postcodes ("1506 AB" would show as "AB 1506").
LEFT_TO_RIGHT_AUTOCOMPLETE = {"email", "tel", "postal-code"}
LEFT_TO_RIGHT_NAMES = {
    "postcode",
    "house_number",
    "phone",
    "contact_phone",
    "email",
    "contact_email",
}


class StyledFormMixin:
    """Cleans the submitted texts, adds the Utrecht classes and, after validation, marks errors.

    Every text in the data loses its C0 control characters before any field sees it
    (``clean_data``), so what is validated, stored and shown back is the same clean text.
    Invalid fields get ``aria-invalid`` and point at their error text with
    ``aria-describedby`` (the ids used by templates/includes/field.html).
    """

    default_renderer = RENDERER

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = clean_data(self.data)
        for name, field in self.fields.items():
            plain_dutch(field)
            if getattr(field, "length_hint", None):
                field.widget.attrs["aria-describedby"] = " ".join(self._described(field))
            css = _lookup(WIDGET_CLASSES, field.widget)
            if css and not isinstance(field.widget, forms.HiddenInput):
                existing = field.widget.attrs.get("class", "")
                field.widget.attrs["class"] = f"{existing} {css}".strip()
            if (
                name in LEFT_TO_RIGHT_NAMES
                or isinstance(field.widget, forms.EmailInput)
                or field.widget.attrs.get("autocomplete") in LEFT_TO_RIGHT_AUTOCOMPLETE
            ):
                field.widget.attrs.setdefault("dir", "ltr")
            elif isinstance(field.widget, forms.Textarea | forms.TextInput):
                # Typed text takes the direction of what is typed: Dutch on an Arabic page
                # (or Arabic on a Dutch one) reads the right way round.
                field.widget.attrs.setdefault("dir", "auto")

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            field = self.fields[name]
            bound = self[name]
            if field.widget.use_fieldset:
                continue  # the fieldset carries the description
            field.widget.attrs["aria-invalid"] = "true"
            invalid = _lookup(INVALID_CLASSES, field.widget)
            if invalid:
                field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} {invalid}"
            described = [f"{bound.auto_id}_error", *self._described(field)]
            field.widget.attrs["aria-describedby"] = " ".join(described)

    def _described(self, field: forms.Field) -> list[str]:
        """The ids of the texts that describe ``field`` besides its errors."""
        name = next(name for name, candidate in self.fields.items() if candidate is field)
        # Not self[name]: that caches the bound field, and a form that sets a label after
        # this __init__ (TextForm) would still show the old one.
        auto_id = forms.BoundField(self, field, name).auto_id
        described = []
        if field.help_text:
            described.append(f"{auto_id}_helptext")
        if getattr(field, "length_hint", None):
            described.append(f"{auto_id}_limit")
        return described
