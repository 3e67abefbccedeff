"""The social brokers' workspace: queues, one screen per initiative, partners.

Every action is a small form on the initiative's page that posts to its own URL. A valid
action redirects back with a message; anything refused re-renders the whole page with the
bound form (what the broker typed is kept) and the reason.
"""

import copy
from collections.abc import Callable, Iterable
from datetime import date
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from initiatives import rules, services, tasks
from initiatives.forms.workspace import (
    AmountForm,
    AssignForm,
    PartnerForm,
    PartnerLinkForm,
    PublishForm,
    QueueFilterForm,
    StatusForm,
    TextForm,
    UnpublishForm,
    VersionedForm,
)
from initiatives.models import (
    EntryKind,
    HelpOffer,
    Initiative,
    InitiativePartner,
    Initiator,
    Partner,
    Status,
    TimelineEntry,
)
from initiatives.workdays import local_date, working_days_between

PAGE_SIZE = 25


# --- Preconditions ------------------------------------------------------------------------


def workspace_required(view: Callable) -> Callable:
    """Anonymous users go to the log-in page, users without their second factor to that
    step; users who are not brokers get a 403.

    Every page holds personal data or resident text, so no browser or proxy may keep a copy.
    """

    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if rules.awaits_second_factor(request.user):
            return redirect_to_login(request.get_full_path(), login_url=reverse("second_factor"))
        if not rules.can_use_workspace(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _get_initiative_for_user(request: HttpRequest, pk: int) -> Initiative:
    initiative = get_object_or_404(
        Initiative.objects.select_related("neighbourhood", "assigned_broker", "initiator"),
        pk=pk,
    )
    if not rules.can_manage(request.user, initiative):
        raise PermissionDenied
    return initiative


def _set_days_left(initiatives: Iterable[Initiative], today: date) -> None:
    """Working days until each first response is due, or how many it is late, and the text.

    Both are None once answered or closed; days_late is set only when the due date has passed.
    The text is written here, not with {% blocktranslate count %} in a table of 25 rows.
    """
    for initiative in initiatives:
        initiative.days_left = initiative.days_late = None
        initiative.days_text = ""
        if initiative.first_response_at is not None or initiative.is_closed:
            continue
        due = initiative.first_response_due
        if due < today:
            # Due on a Friday, seen on Saturday: no working day has passed, yet it is late.
            days = initiative.days_late = max(1, working_days_between(due, today))
            text = ngettext("%(days)s werkdag te laat", "%(days)s werkdagen te laat", days)
        else:
            days = initiative.days_left = working_days_between(today, due)
            text = ngettext("nog %(days)s werkdag", "nog %(days)s werkdagen", days)
        initiative.days_text = text % {"days": localize(days)}


def _url_with_pk(name: str) -> Callable[[int], str]:
    """The URL of view ``name`` for any pk, from a single reverse() (a page has many rows)."""
    placeholder = 2**31 - 1
    head, _, tail = reverse(name, kwargs={"pk": placeholder}).rpartition(str(placeholder))
    return lambda pk: f"{head}{pk}{tail}"


# --- Werkvoorraad -------------------------------------------------------------------------


# What a row of the werkvoorraad shows; the rest of the initiative is not read.
QUEUE_ROW_FIELDS = (
    "title",
    "status",
    "first_response_due",
    "first_response_at",
    "waiting_for_initiator_since",
    "neighbourhood__name",
    "assigned_broker__first_name",
    "assigned_broker__last_name",
    "assigned_broker__username",
)


@require_safe
@workspace_required
def workspace(request: HttpRequest) -> HttpResponse:
    today = local_date(timezone.now())
    form = QueueFilterForm(request.GET, scope=rules.neighbourhood_scope(request.user))
    form.is_valid()  # invalid filters are shown with their error and otherwise ignored
    queue = form.cleaned_data.get("queue") or "new"
    counts = Initiative.objects.queue_counts(request.user, today)
    initiatives = form.filter(
        Initiative.objects.queue(queue, request.user, today)
        .select_related("neighbourhood", "assigned_broker")
        .only(*QUEUE_ROW_FIELDS)
        .order_by("first_response_due", "submitted_at", "pk")
    )
    paginator = Paginator(initiatives, PAGE_SIZE)
    if not form.has_filters():
        paginator.count = counts[queue]  # counted just now: no second COUNT of the same rows
    page = paginator.get_page(request.GET.get("page"))
    _set_days_left(page, today)
    # Per page rather than per row: one reverse() and each status label translated once.
    detail_url = _url_with_pk("initiatives:workspace_detail")
    status_labels = {status: str(label) for status, label in Status.choices}
    for initiative in page:
        initiative.detail_url = detail_url(initiative.pk)
        initiative.status_label = status_labels[initiative.status]
    queues = [
        {"name": name, "label": label, "count": counts[name]}
        for name, label in QueueFilterForm.QUEUE_CHOICES
    ]
    context = {"form": form, "queue": queue, "queues": queues, "page": page}
    return render(request, "initiatives/workspace/queue.html", context)


# --- One initiative -----------------------------------------------------------------------


# The three one-text actions: kind -> (label, help text, service, success message).
TEXT_ACTIONS = {
    "message": (
        _("Bericht aan de initiatiefnemer"),
        _("De initiatiefnemer krijgt dit bericht per e-mail."),
        services.send_message,
        _("Het bericht is verstuurd."),
    ),
    "note": (
        _("Interne notitie"),
        _("Alleen medewerkers zien deze notitie."),
        services.add_note,
        _("De notitie is opgeslagen."),
    ),
    "update": (
        _("Voortgangsbericht"),
        _("Iedereen kan dit lezen als het initiatief openbaar is."),
        services.post_update,
        _("Het voortgangsbericht is geplaatst."),
    ),
}


def _text_form(kind: str, data=None) -> TextForm:
    label, help_text, _service, _success = TEXT_ACTIONS[kind]
    return TextForm(data, label=label, help_text=help_text, prefix=kind)


def _default_forms(initiative: Initiative) -> dict[str, Form]:
    return {
        "status_form": StatusForm(initiative=initiative, prefix="status"),
        "assign_form": AssignForm(initiative=initiative, prefix="assign"),
        "take_form": VersionedForm(initiative=initiative, prefix="take"),
        "publish_form": PublishForm(
            initiative=initiative,
            prefix="publish",
            initial={
                "version": initiative.version,
                "seen": initiative.updated_at.isoformat(),
                "public_title": initiative.public_title or initiative.title,
                "public_summary": initiative.public_summary,
            },
        ),
        "unpublish_form": UnpublishForm(initiative=initiative, prefix="unpublish"),
        "amount_form": AmountForm(
            initiative=initiative,
            prefix="amount",
            initial={
                "version": initiative.version,
                "seen": initiative.updated_at.isoformat(),
                "amount": initiative.amount_granted,
            },
        ),
        "message_form": _text_form("message"),
        "note_form": _text_form("note"),
        "update_form": _text_form("update"),
        "partner_form": PartnerLinkForm(prefix="partner"),
    }


def _render_detail(
    request: HttpRequest,
    initiative: Initiative,
    *,
    bound: dict[str, Form] | None = None,
    status: int = 200,
    **extra,
) -> HttpResponse:
    """The one screen: everything about the initiative, with every action's form."""
    context = {
        "initiative": initiative,
        "priorities": list(initiative.priorities.all()),
        "timeline": list(initiative.timeline.select_related("actor")),
        "help_offers": list(initiative.help_offers.all()),
        "partner_links": list(initiative.partner_links.select_related("partner")),
        "today": local_date(timezone.now()),
        **_default_forms(initiative),
        **(bound or {}),
        "error_forms": [form for form in (bound or {}).values() if form.errors],
        **extra,
    }
    _set_days_left([initiative], context["today"])
    return render(request, "initiatives/workspace/detail.html", context, status=status)


def _as_seen(initiative: Initiative, form: VersionedForm) -> Initiative:
    """The initiative as the user saw it, so a conflict lists what changed since then."""
    seen = copy.copy(initiative)
    seen.updated_at = form.cleaned_data["seen"]
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
        return _render_detail(request, initiative, bound={name: form})
    try:
        action(form.cleaned_data)
    except services.EditConflict as conflict:
        return _render_conflict(request, initiative.pk, name, form, conflict)
    except services.WorkflowError as error:
        form.add_error(None, str(error))
        return _render_detail(request, initiative, bound={name: form})
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
    current = _get_initiative_for_user(request, pk)
    data = form.data.copy()
    data[form.add_prefix("version")] = current.version
    data[form.add_prefix("seen")] = current.updated_at.isoformat()
    retry = type(form)(data, initiative=current, prefix=form.prefix)
    return _render_detail(
        request,
        current,
        bound={name: retry},
        status=409,
        conflict=conflict,
        conflict_form=name,
    )


@require_safe
@workspace_required
def workspace_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _get_initiative_for_user(request, pk)
    return _render_detail(request, initiative)


@require_POST
@workspace_required
def show_contact_details(request: HttpRequest, pk: int) -> HttpResponse:
    """Personal data is shown only after this deliberate step, and every look is logged."""
    initiative = _get_initiative_for_user(request, pk)
    services.record_contact_view(initiative, actor=request.user)
    return _render_detail(request, initiative, show_contact=True)


@require_POST
@workspace_required
def change_status(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _get_initiative_for_user(request, pk)
    form = StatusForm(request.POST, initiative=initiative, prefix="status")
    if "preview" in request.POST and form.is_valid():
        preview = _email_preview(initiative, form.cleaned_data)
        return _render_detail(request, initiative, bound={"status_form": form}, preview=preview)

    def action(data: dict) -> None:
        services.change_status(
            _as_seen(initiative, form),
            data["to"],
            actor=request.user,
            public_text=data["public_text"],
            internal_note=data["internal_note"],
            referred_to=data["referred_to"],
            referral_reference=data["referral_reference"],
            expected_version=data["version"],
        )

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
    """Take the initiative (no assignee posted) or, as coordinator, give it to a broker."""
    initiative = _get_initiative_for_user(request, pk)
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
            expected_version=data["version"],
        )

    return _act(request, initiative, name, form, action, _("Het initiatief is toegewezen."))


@require_POST
@workspace_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _get_initiative_for_user(request, pk)
    form = PublishForm(request.POST, initiative=initiative, prefix="publish")

    def action(data: dict) -> None:
        services.publish(
            _as_seen(initiative, form),
            actor=request.user,
            public_title=data["public_title"],
            public_summary=data["public_summary"],
            expected_version=data["version"],
        )

    return _act(request, initiative, "publish_form", form, action, _("Het initiatief is openbaar."))


@require_POST
@workspace_required
def unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _get_initiative_for_user(request, pk)
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
    initiative = _get_initiative_for_user(request, pk)
    form = AmountForm(request.POST, initiative=initiative, prefix="amount")

    def action(data: dict) -> None:
        services.grant_money(
            _as_seen(initiative, form),
            data["amount"],
            actor=request.user,
            note=data["note"],
            expected_version=data["version"],
        )

    return _act(request, initiative, "amount_form", form, action, _("Het bedrag is opgeslagen."))


def _post_text(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """A message to the initiator, an internal note or a public update (see TEXT_ACTIONS)."""
    initiative = _get_initiative_for_user(request, pk)
    form = _text_form(kind, request.POST)
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
    initiative = _get_initiative_for_user(request, pk)
    form = PartnerLinkForm(request.POST, prefix="partner")

    def action(data: dict) -> None:
        services.link_partner(initiative, data["partner"], data["role"], actor=request.user)

    return _act(request, initiative, "partner_form", form, action, _("De partner is gekoppeld."))


@require_POST
@workspace_required
def connect_help_offer(request: HttpRequest, pk: int, offer_pk: int) -> HttpResponse:
    initiative = _get_initiative_for_user(request, pk)
    offer = get_object_or_404(HelpOffer, pk=offer_pk, initiative=initiative)
    offer.initiative = initiative  # already fetched and checked; saves a query
    services.connect_help_offer(offer, actor=request.user)
    messages.success(request, _("Het hulpaanbod is gekoppeld."))
    return redirect("initiatives:workspace_detail", pk=initiative.pk)


# --- Partners -----------------------------------------------------------------------------


def partners_required(view: Callable) -> Callable:
    @wraps(view)
    @workspace_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not rules.can_manage_partners(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@require_safe
@partners_required
def partner_list(request: HttpRequest) -> HttpResponse:
    # Brokers may see which initiatives a partner is in, in any wijk; the template shows the
    # resident's own title only where rules.can_see_private_title allows it.
    links = InitiativePartner.objects.select_related("initiative__neighbourhood").only(
        "role",
        "partner_id",
        "initiative__title",
        "initiative__public_title",
        "initiative__is_published",
        "initiative__neighbourhood__name",
    )
    partners = Partner.objects.prefetch_related(Prefetch("initiative_links", queryset=links))
    page = Paginator(partners, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "initiatives/workspace/partners.html", {"page": page})


@require_http_methods(["GET", "HEAD", "POST"])
@partners_required
def partner_create(request: HttpRequest) -> HttpResponse:
    return _partner_form(request, Partner())


@require_http_methods(["GET", "HEAD", "POST"])
@partners_required
def partner_edit(request: HttpRequest, partner_pk: int) -> HttpResponse:
    return _partner_form(request, get_object_or_404(Partner, pk=partner_pk))


def _partner_form(request: HttpRequest, partner: Partner) -> HttpResponse:
    form = PartnerForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De partner is opgeslagen."))
        return redirect("initiatives:partners")
    return render(
        request, "initiatives/workspace/partner_form.html", {"form": form, "partner": partner}
    )
