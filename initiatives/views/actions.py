"""The actions on one initiative in the workspace: each a small POST to its own URL.

A valid action redirects back to the initiative's page with a message; anything refused
re-renders the page with the bound form (what the broker typed is kept) and the reason.
"""

import copy
from collections.abc import Callable

from django.contrib import messages
from django.db import transaction
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from answers import picker
from assessments.forms import ScoredAmountForm, ScoredStatusForm
from assessments.services import record_assessment
from budgets import services as budget_services
from initiatives import services, tasks
from initiatives.forms.workspace import (
    AssignForm,
    ContributionForm,
    PartnerLinkForm,
    PublishForm,
    UnpublishForm,
    VersionedForm,
)
from initiatives.models import HelpOffer, Initiative, Initiator, TimelineEntry
from initiatives.timeline import EntryKind
from initiatives.views.workspace import (
    RESIDENT_TEXTS,
    TEXT_ACTIONS,
    get_initiative_for_user,
    render_detail,
    text_form,
    workspace_required,
)


def _as_seen(initiative: Initiative, form: VersionedForm) -> Initiative:
    """The initiative as the user saw it, so a conflict lists what changed since then."""
    seen = copy.copy(initiative)
    seen.updated_at = form.cleaned_data["seen"] or initiative.updated_at
    return seen


def _act(
    request: HttpRequest,
    initiative: Initiative,
    name: str,
    form: Form,
    action: Callable[[dict], object],
    success: str,
) -> HttpResponse:
    """Run a service for a valid form; on refusal re-render the page keeping the input."""
    if not form.is_valid():
        return render_detail(request, initiative, bound={name: form})
    try:
        action(form.cleaned_data)
    except services.EditConflict as conflict:
        return _render_conflict(request, initiative.pk, name, form, conflict)
    except services.WorkflowError as error:
        form.add_error(None, str(error))
        return render_detail(request, initiative, bound={name: form})
    messages.success(request, success)
    return redirect("initiatives:workspace_detail", pk=initiative.pk)


def _render_conflict(
    request: HttpRequest,
    pk: int,
    name: str,
    form: VersionedForm,
    conflict: services.EditConflict,
) -> HttpResponse:
    """Show what changed, with the form as typed but now on the current version."""
    current = get_initiative_for_user(request, pk)
    data = form.data.copy()
    data[form.add_prefix("version")] = current.version
    data[form.add_prefix("seen")] = current.updated_at.isoformat()
    retry = type(form)(data, initiative=current, prefix=form.prefix)
    return render_detail(
        request,
        current,
        bound={name: retry},
        status=409,
        conflict=conflict,
        conflict_form=name,
    )


def _use_template(
    request: HttpRequest,
    initiative: Initiative,
    name: str,
    form: Form,
    field: str,
    rebuild: Callable[[dict], Form],
) -> HttpResponse:
    """ "Gebruik": the chosen answer template in the text box, to edit; nothing is sent.

    ``form`` is the action's form as posted (named ``name`` on the page); ``rebuild`` makes
    it again from initial values. The template's kind is the form's prefix.
    """
    kind = form.prefix
    initial, answers = picker.use(
        form, kind, field, initiative=initiative, broker=request.user, data=request.POST
    )
    bound = {name: rebuild(initial)}
    if answers.errors:
        bound[f"{kind}_answers"] = answers
    # Otherwise the picker starts empty again: "Gebruik" is the form's first button, so an
    # Enter in one of its text fields presses it, and must not overwrite the edited text.
    return render_detail(request, initiative, bound=bound)


@require_POST
@workspace_required
def show_contact_details(request: HttpRequest, pk: int) -> HttpResponse:
    """Personal data is shown only after this deliberate step, and every look is logged."""
    initiative = get_initiative_for_user(request, pk)
    services.record_contact_view(initiative, actor=request.user)
    return render_detail(request, initiative, show_contact=True)


@require_POST
@workspace_required
def change_status(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    form = ScoredStatusForm(request.POST, initiative=initiative, prefix="status")
    if picker.USE in request.POST:
        return _use_template(
            request,
            initiative,
            "status_form",
            form,
            "public_text",
            lambda initial: ScoredStatusForm(
                initiative=initiative, prefix="status", initial=initial, criteria=form.criteria
            ),
        )
    if "preview" in request.POST and form.is_valid():
        preview = _email_preview(initiative, form.cleaned_data)
        return render_detail(request, initiative, bound={"status_form": form}, preview=preview)

    def action(data: dict) -> None:
        # The decision and its assessment (the scores) are saved together, or not at all.
        with transaction.atomic():
            current = services.change_status(
                _as_seen(initiative, form),
                data["to"],
                actor=request.user,
                public_text=data["public_text"],
                internal_note=data["internal_note"],
                referred_to=data["referred_to"],
                referral_reference=data["referral_reference"],
                expected_version=data["version"],
            )
            if kind := form.decision(data):
                record_assessment(current, kind, form.scores(), actor=request.user)

    return _act(request, initiative, "status_form", form, action, _("De status is gewijzigd."))


def _email_preview(initiative: Initiative, data: dict) -> dict[str, str]:
    """The e-mail the initiator will get, from the same templates the task renders.

    A placeholder stands in for the initiator's name: a preview is no reason to show
    personal data. The texts are plain text rendered with autoescape off, which Django marks
    safe: the template must escape them (``force_escape``), or resident markup runs here.
    """
    entry = TimelineEntry(
        initiative=initiative,
        kind=EntryKind.STATUS_CHANGE,
        from_status=initiative.status,
        to_status=data["to"],
        public_text=data["public_text"].strip(),
    )
    initiator = Initiator(name=gettext("[naam van de initiatiefnemer]"))
    message = tasks._message(
        "initiator_update",
        {"initiative": initiative, "initiator": initiator, "entry": entry},
        [],
        initiative.language,
    )
    return {"subject": message.subject, "body": message.body}


@require_POST
@workspace_required
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Take the initiative (no assignee posted) or hand it to a colleague of its wijk."""
    initiative = get_initiative_for_user(request, pk)
    if "assign-assignee" not in request.POST:
        form = VersionedForm(request.POST, initiative=initiative, prefix="take")
        name, assignee = "take_form", request.user
    else:
        form = AssignForm(request.POST, initiative=initiative, prefix="assign")
        name, assignee = "assign_form", None

    def action(data: dict) -> None:
        services.assign(
            _as_seen(initiative, form),
            assignee or data["assignee"],
            actor=request.user,
            note=data.get("note", ""),
            expected_version=data["version"],
        )

    return _act(request, initiative, name, form, action, _("Het initiatief is toegewezen."))


@require_POST
@workspace_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    form = PublishForm(request.POST, initiative=initiative, prefix="publish")

    def action(data: dict) -> None:
        services.publish(
            _as_seen(initiative, form),
            actor=request.user,
            public_title=data["public_title"],
            public_summary=data["public_summary"],
            public_summary_nl=data.get("public_summary_nl", ""),
            expected_version=data["version"],
        )

    return _act(request, initiative, "publish_form", form, action, _("Het initiatief is openbaar."))


@require_POST
@workspace_required
def unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    form = UnpublishForm(request.POST, initiative=initiative, prefix="unpublish")

    def action(data: dict) -> None:
        services.unpublish(
            _as_seen(initiative, form),
            actor=request.user,
            reason=data["reason"],
            expected_version=data["version"],
        )

    success = _("Het initiatief is niet meer openbaar.")
    return _act(request, initiative, "unpublish_form", form, action, success)


@require_POST
@workspace_required
def grant_money(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    form = ScoredAmountForm(request.POST, initiative=initiative, prefix="amount")

    def action(data: dict) -> None:
        with transaction.atomic():  # the grant and its assessment, or neither
            current = budget_services.grant_money(
                _as_seen(initiative, form),
                data["amount"],
                pot=data["pot"],
                actor=request.user,
                note=data["note"],
                expected_version=data["version"],
            )
            record_assessment(current, form.decision(data), form.scores(), actor=request.user)

    return _act(request, initiative, "amount_form", form, action, _("Het bedrag is opgeslagen."))


def _post_text(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """A message to the initiator, an internal note or a public update (see TEXT_ACTIONS)."""
    initiative = get_initiative_for_user(request, pk)
    form = text_form(kind, request.POST)
    if kind in RESIDENT_TEXTS and picker.USE in request.POST:

        def rebuild(initial: dict) -> Form:
            return text_form(kind, initial=initial)

        return _use_template(request, initiative, f"{kind}_form", form, "text", rebuild)
    _label, _help_text, service, success = TEXT_ACTIONS[kind]

    def action(data: dict) -> None:
        service(initiative, data["text"], actor=request.user)

    return _act(request, initiative, f"{kind}_form", form, action, success)


@require_POST
@workspace_required
def send_message(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_text(request, pk, "message")


@require_POST
@workspace_required
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_text(request, pk, "note")


@require_POST
@workspace_required
def post_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_text(request, pk, "update")


@require_POST
@workspace_required
def link_partner(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    form = PartnerLinkForm(request.POST, prefix="partner")

    def action(data: dict) -> None:
        services.link_partner(initiative, data["partner"], data["role"], actor=request.user)

    return _act(request, initiative, "partner_form", form, action, _("De partner is gekoppeld."))


@require_POST
@workspace_required
def add_contribution(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    form = ContributionForm(request.POST, prefix="contribution")

    def action(data: dict) -> None:
        budget_services.add_contribution(
            initiative,
            data["partner"],
            kind=data["kind"],
            value=data["value"],
            description=data["description"],
            actor=request.user,
        )

    success = _("De bijdrage is vastgelegd.")
    return _act(request, initiative, "contribution_form", form, action, success)


@require_POST
@workspace_required
def connect_help_offer(request: HttpRequest, pk: int, offer_pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    offer = get_object_or_404(HelpOffer, pk=offer_pk, initiative=initiative)
    offer.initiative = initiative  # already fetched and checked; saves a query
    services.connect_help_offer(offer, actor=request.user)
    messages.success(request, _("Het hulpaanbod is gekoppeld."))
    return redirect("initiatives:workspace_detail", pk=initiative.pk)
