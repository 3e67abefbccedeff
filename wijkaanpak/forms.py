"""Form plumbing shared by every form: clean text, NL Design System classes, accessible errors."""

import re

from django import forms
from django.forms.renderers import Jinja2
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

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
            described = [f"{bound.auto_id}_error"]
            if field.help_text:
                described.append(f"{bound.auto_id}_helptext")
            field.widget.attrs["aria-describedby"] = " ".join(described)
