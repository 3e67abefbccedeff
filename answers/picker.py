"""Answer templates on an initiative's page: which ones fit, and what "Gebruik" puts in.

The text actions (status change, message, public update) each get a picker
(``AnswerPickerForm``) inside their own form. "Gebruik" posts that form to its action with
``use_template``: the action's view then calls ``use`` instead of its service.
"""

from django.forms import Form

from answers import placeholders
from answers.forms import AnswerPickerForm
from answers.models import AnswerTemplate
from initiatives.models import Initiative

Kind = AnswerTemplate.Kind
USE = "use_template"  # the name of the "Gebruik" button


def usable(initiative: Initiative) -> dict[str, list[AnswerTemplate]]:
    """The active templates of each kind that fit the initiative now, from one query.

    A status template fits only while its status is an allowed move.
    """
    allowed = set(initiative.allowed_transitions())
    by_kind: dict[str, list[AnswerTemplate]] = {kind: [] for kind in Kind.values}
    for template in AnswerTemplate.objects.filter(is_active=True):
        if template.kind != Kind.STATUS or template.to_status in allowed:
            by_kind[template.kind].append(template)
    return by_kind


def pickers(initiative: Initiative, data=None) -> dict[str, AnswerPickerForm]:
    """One picker per kind, named ``<kind>_answers``, with the prefix of its action's form."""
    return {
        f"{kind}_answers": AnswerPickerForm(data, templates=templates, prefix=kind)
        for kind, templates in usable(initiative).items()
    }


def use(
    form: Form, kind: str, field: str, *, initiative: Initiative, broker, data
) -> tuple[dict, AnswerPickerForm]:
    """What the action's form shows after "Gebruik", and the picker (with its error, if any).

    The result is the form's ``initial``: what the broker typed, with the chosen template
    filled in at ``field`` (and, for a status template, its status chosen). The form is
    rebuilt unbound from it, so nothing the broker has not yet filled in shows an error.
    """
    initial = {name: form[name].data for name in form.fields}
    picker = pickers(initiative, data)[f"{kind}_answers"]
    if picker.is_valid():
        template = picker.cleaned_data["answer"]
        text, language = template.text_in(initiative.language)
        initial[field] = placeholders.fill(
            text, initiative=initiative, broker=broker, language=language
        )
        if template.kind == Kind.STATUS:
            initial["to"] = template.to_status
    return initial, picker
