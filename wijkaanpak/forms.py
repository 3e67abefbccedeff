"""Form plumbing shared by every form: NL Design System classes and accessible error wiring."""

from django import forms
from django.forms.renderers import Jinja2

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


def _lookup(table: dict[type[forms.Widget], str], widget: forms.Widget) -> str:
    for widget_class in type(widget).__mro__:
        if widget_class in table:
            return table[widget_class]
    return ""


class StyledFormMixin:
    """Adds the Utrecht classes to widgets and, after validation, marks invalid fields.

    Invalid fields get ``aria-invalid`` and point at their error text with
    ``aria-describedby`` (the ids used by templates/includes/field.html).
    """

    default_renderer = RENDERER

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = _lookup(WIDGET_CLASSES, field.widget)
            if css and not isinstance(field.widget, forms.HiddenInput):
                existing = field.widget.attrs.get("class", "")
                field.widget.attrs["class"] = f"{existing} {css}".strip()

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
