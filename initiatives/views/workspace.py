"""The social brokers' workspace: the work queues and one screen per initiative.

Every action is a small form on the initiative's page that posts to its own URL
(``initiatives.views.actions``); partners have their own pages (``views.partners``).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from answers import picker
from assessments.forms import ScoredAmountForm, ScoredStatusForm
from assessments.models import Criterion, assessments_of
from initiatives import rules, services
from initiatives.forms.bulk import BulkForm
from initiatives.forms.workspace import (
    AssignForm,
    ContributionForm,
    FollowUpForm,
    PartnerLinkForm,
    PublishForm,
    QueueFilterForm,
    TextForm,
    UnpublishForm,
    VersionedForm,
)
from initiatives.models import (
    Initiative,
    Status,
)
from initiatives.queues import QUEUE_ORDER, Queue
from initiatives.workdays import local_date, working_days_between
from results.forms import result_forms

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


def get_initiative_for_user(request: HttpRequest, pk: int) -> Initiative:
    initiative = get_object_or_404(
        Initiative.objects.select_related(
            "neighbourhood", "assigned_broker", "initiator", "grant__pot", "result"
        ).with_verified_count(),
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
    "language",  # the title is marked with the language it was written in
    "status",
    "first_response_due",
    "first_response_at",
    "waiting_for_initiator_since",
    "initiator_replied_at",
    "help_waiting_since",
    "follow_up_on",
    "follow_up_reason",
    "support_count",
    "neighbourhood__name",
    "assigned_broker__first_name",
    "assigned_broker__last_name",
    "assigned_broker__username",
)

# The columns a broker can sort on: key -> (heading, order). The default is the queue's
# own order (by due date), which its partial index serves.
QUEUE_COLUMNS = {
    "titel": (_("Initiatief"), ("title",)),
    "wijk": (_("Wijk"), ("neighbourhood__name",)),
    "status": (_("Status"), ("status",)),
    "makelaar": (
        _("Sociaal makelaar"),
        ("assigned_broker__first_name", "assigned_broker__last_name"),
    ),
    # Quick supports; the addresses in the wijk that confirmed theirs are shown beside it.
    "steun": (_("Steun"), ("support_count",)),
    "reactie": (_("Eerste reactie"), QUEUE_ORDER),
}
DEFAULT_SORT = "reactie"


def _sort(params) -> tuple[str, bool, tuple[str, ...]]:
    """The whitelisted sort column, its direction, and the ORDER BY; else the default."""
    key = params.get("sort", DEFAULT_SORT)
    if key not in QUEUE_COLUMNS:
        key = DEFAULT_SORT
    descending = params.get("dir") == "desc"
    order = QUEUE_COLUMNS[key][1]
    if descending:
        order = tuple(f"-{field}" for field in order)
    return key, descending, (*order, "-pk" if descending else "pk")


def _attention(initiative: Initiative, today: date) -> list[str]:
    """Why a row needs its broker now ("Actie nodig"), in words."""
    reasons = []
    if initiative.initiator_replied_at and not initiative.is_closed:
        reasons.append(str(_("de bewoner reageerde")))
    if initiative.help_waiting_since and not initiative.is_closed:
        reasons.append(str(_("nieuw hulpaanbod")))
    if initiative.follow_up_on and initiative.follow_up_on <= today:
        reasons.append(str(_("opvolgen: %(reason)s")) % {"reason": initiative.follow_up_reason})
    return reasons


@require_safe
@workspace_required
def workspace(request: HttpRequest) -> HttpResponse:
    return render_queue(request, request.GET)


def render_queue(
    request: HttpRequest, params, *, bulk_form: Form | None = None, status: int = 200
) -> HttpResponse:
    """The werkvoorraad for the filters in ``params``; the bulk action bar's form on top."""
    today = local_date(timezone.now())
    form = QueueFilterForm(params, scope=rules.neighbourhood_scope(request.user))
    form.is_valid()  # invalid filters are shown with their error and otherwise ignored
    queue = form.cleaned_data.get("queue") or "new"
    # A search looks through all of the broker's initiatives, not only this tab.
    searching = bool(form.cleaned_data.get("q"))
    shown = Queue.ALL if searching else queue
    managed = rules.managed_initiatives(request.user)
    counts = managed.queue_counts(request.user.pk, today)
    sort, descending, order = _sort(params)
    initiatives = form.filter(
        managed.queue(shown, request.user.pk, today)
        .select_related("neighbourhood", "assigned_broker")
        .only(*QUEUE_ROW_FIELDS)
        .with_verified_count()
        .order_by(*order)
    )
    paginator = Paginator(initiatives, PAGE_SIZE)
    if not form.has_filters():
        paginator.count = counts[shown]  # counted just now: no second COUNT of the same rows
    page = paginator.get_page(params.get("page"))
    _set_days_left(page, today)
    # Per page rather than per row: one reverse() and each status label translated once.
    detail_url = _url_with_pk("initiatives:workspace_detail")
    status_labels = {status: str(label) for status, label in Status.choices}
    bulk_form = bulk_form or BulkForm(user=request.user)
    tick_label = gettext("Kies %(title)s")
    ticked = {str(pk) for pk in bulk_form["ids"].value() or []} if bulk_form.is_bound else set()
    for initiative in page:
        initiative.detail_url = detail_url(initiative.pk)
        initiative.status_label = status_labels[initiative.status]
        initiative.attention = _attention(initiative, today)
        initiative.verified_text = initiative.verified_count and ngettext(
            "%(count)s adres in de wijk", "%(count)s adressen in de wijk", initiative.verified_count
        ) % {"count": localize(initiative.verified_count)}
        initiative.ticked = str(initiative.pk) in ticked
        initiative.tick_label = tick_label % {"title": initiative.title}
    queues = [
        {"name": name, "label": label, "count": counts[name]} for name, label in Queue.choices
    ]
    columns = [
        {
            "key": key,
            "label": label,
            "aria_sort": ("descending" if descending else "ascending") if key == sort else "",
            "next_dir": "asc" if key == sort and descending else "desc" if key == sort else "asc",
        }
        for key, (label, _order) in QUEUE_COLUMNS.items()
    ]
    context = {
        "form": form,
        "queue": queue,
        "searching": searching,
        "queues": queues,
        "page": page,
        "columns": columns,
        # Each cell's column name, for the stacked rows on a phone.
        "labels": {key: str(label) for key, (label, _order) in QUEUE_COLUMNS.items()},
        "bulk_form": bulk_form,
        "query": params.urlencode(),
    }
    return render(request, "initiatives/workspace/queue.html", context, status=status)


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


@dataclass(frozen=True)
class ActionForm:
    """One form in an action section: where it posts, its button, and who may use it."""

    name: str  # the form's name in the page's context
    url: str
    submit: Promise
    permission: str  # a question in rules.PERMISSIONS
    primary: bool = False
    preview: bool = False  # a second button shows the e-mail first
    # The kind of answer template (answers.models.AnswerTemplate.Kind) offered above the
    # text box ``answer_field``; the picker is the form ``<answers>_answers``.
    answers: str = ""
    answer_field: str = "text"


@dataclass(frozen=True)
class ActionSection:
    slug: str  # the heading's id is "actie-<slug>"
    heading: Promise
    forms: tuple[ActionForm, ...]
    heading_when_published: Promise | None = None
    submit_when_published: Promise | None = None
    # Said when none of the forms is for this user; without it the section is left out.
    otherwise: Promise | None = None
    link: tuple[str, Promise] | None = None  # (URL name, text) under the form


# The actions on an initiative's page, in the order they are shown; the template renders
# every section with one partial (templates/initiatives/workspace/detail.html).
ACTION_SECTIONS = (
    ActionSection(
        "toewijzen",
        _("Toewijzen"),
        (
            ActionForm(
                "take_form", "initiatives:workspace_assign", _("Ik pak dit op"), "take", True
            ),
            ActionForm("assign_form", "initiatives:workspace_assign", _("Overdragen"), "assign"),
        ),
        otherwise=_("U heeft dit initiatief opgepakt."),
    ),
    ActionSection(
        "gezien",
        _("Actie nodig"),
        (
            ActionForm(
                "seen_form",
                "initiatives:workspace_seen",
                _("Gezien, geen actie nodig"),
                "handle_attention",
            ),
        ),
    ),
    ActionSection(
        "opvolgen",
        _("Opvolgen"),
        (
            ActionForm(
                "follow_up_form",
                "initiatives:workspace_follow_up",
                _("Datum opslaan"),
                "set_follow_up",
            ),
        ),
    ),
    ActionSection(
        "status",
        _("Status wijzigen"),
        (
            ActionForm(
                "status_form",
                "initiatives:workspace_status",
                _("Status wijzigen"),
                "change_status",
                primary=True,
                preview=True,
                answers="status",
                answer_field="public_text",
            ),
        ),
    ),
    ActionSection(
        "bericht",
        _("Bericht sturen"),
        (
            ActionForm(
                "message_form",
                "initiatives:workspace_message",
                _("Bericht versturen"),
                "message_initiator",
                primary=True,
                answers="message",
            ),
        ),
    ),
    ActionSection(
        "voortgang",
        _("Voortgangsbericht plaatsen"),
        (
            ActionForm(
                "update_form",
                "initiatives:workspace_update",
                _("Voortgangsbericht plaatsen"),
                "post_update",
                answers="update",
            ),
        ),
    ),
    ActionSection(
        "notitie",
        _("Interne notitie maken"),
        (ActionForm("note_form", "initiatives:workspace_note", _("Notitie opslaan"), "add_note"),),
    ),
    ActionSection(
        "publiceren",
        _("Openbaar maken"),
        (
            ActionForm(
                "publish_form",
                "initiatives:workspace_publish",
                _("Openbaar maken"),
                "publish",
                primary=True,
            ),
        ),
        heading_when_published=_("Openbare tekst aanpassen"),
        submit_when_published=_("Openbare tekst opslaan"),
    ),
    ActionSection(
        "niet-openbaar",
        _("Niet meer openbaar maken"),
        (
            ActionForm(
                "unpublish_form",
                "initiatives:workspace_unpublish",
                _("Niet meer openbaar maken"),
                "unpublish",
            ),
        ),
    ),
    ActionSection(
        "bedrag",
        _("Bedrag toekennen"),
        (
            ActionForm(
                "amount_form", "initiatives:workspace_amount", _("Bedrag opslaan"), "grant_money"
            ),
        ),
    ),
    ActionSection(
        "partner",
        _("Partner koppelen"),
        (
            ActionForm(
                "partner_form",
                "initiatives:workspace_partner",
                _("Partner koppelen"),
                "link_partner",
            ),
        ),
        link=("initiatives:partner_create", _("Nieuwe partner toevoegen")),
    ),
    ActionSection(
        "bijdrage",
        _("Bijdrage van een partner"),
        (
            ActionForm(
                "contribution_form",
                "initiatives:workspace_contribution",
                _("Bijdrage vastleggen"),
                "record_contribution",
            ),
        ),
    ),
    ActionSection(
        "resultaat",
        _("Wat heeft het opgeleverd?"),
        (ActionForm("result_form", "results:record", _("Resultaat opslaan"), "record_result"),),
    ),
)


def _action_sections(request: HttpRequest, initiative: Initiative, forms: dict) -> list[dict]:
    """The sections this user gets, each with its usable forms.

    A form the rules no longer allow is still shown when it was just refused, so the reason
    and what was typed stay in view.
    """
    published = initiative.is_published
    sections = []
    for section in ACTION_SECTIONS:
        shown = []
        for action in section.forms:
            form = forms[action.name]
            allowed = rules.PERMISSIONS[action.permission](request.user, initiative)
            if allowed or form.errors:
                submit = (published and section.submit_when_published) or action.submit
                url = reverse(action.url, kwargs={"pk": initiative.pk})
                # Shown only when there is a template to choose.
                answers = forms.get(f"{action.answers}_answers")
                shown.append(
                    {
                        "action": action,
                        "form": form,
                        "url": url,
                        "submit": submit,
                        "picker": answers if answers and answers.templates else None,
                    }
                )
        if shown or section.otherwise:
            sections.append(
                {
                    "section": section,
                    "heading": (published and section.heading_when_published) or section.heading,
                    "forms": shown,
                    "link": section.link and (reverse(section.link[0]), section.link[1]),
                }
            )
    return sections


# The texts of TEXT_ACTIONS that residents read: they offer answer templates and may not keep
# a placeholder.
RESIDENT_TEXTS = frozenset({"message", "update"})


def text_form(kind: str, data=None, **kwargs) -> TextForm:
    label, help_text, _service, _success = TEXT_ACTIONS[kind]
    for_residents = kind in RESIDENT_TEXTS
    return TextForm(
        data, label=label, help_text=help_text, for_residents=for_residents, prefix=kind, **kwargs
    )


def _default_forms(initiative: Initiative) -> dict[str, Form]:
    criteria = list(Criterion.objects.active())  # scored with a decision (assessments)
    return {
        "status_form": ScoredStatusForm(initiative=initiative, prefix="status", criteria=criteria),
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
                "public_summary_nl": initiative.public_summary_nl,
            },
        ),
        "unpublish_form": UnpublishForm(initiative=initiative, prefix="unpublish"),
        "amount_form": ScoredAmountForm(
            initiative=initiative,
            prefix="amount",
            criteria=criteria,
            initial={
                "version": initiative.version,
                "seen": initiative.updated_at.isoformat(),
                "amount": initiative.amount_granted,
                "pot": initiative.grant.pot_id if hasattr(initiative, "grant") else None,
            },
        ),
        "message_form": text_form("message"),
        "note_form": text_form("note"),
        "update_form": text_form("update"),
        "partner_form": PartnerLinkForm(prefix="partner"),
        "contribution_form": ContributionForm(prefix="contribution"),
        "follow_up_form": FollowUpForm(
            prefix="follow_up",
            initial={"on": initiative.follow_up_on, "reason": initiative.follow_up_reason},
        ),
        "seen_form": Form(prefix="seen"),
        **picker.pickers(initiative),
        **result_forms(initiative),
    }


def render_detail(
    request: HttpRequest,
    initiative: Initiative,
    *,
    bound: dict[str, Form] | None = None,
    status: int = 200,
    **extra,
) -> HttpResponse:
    """The one screen: everything about the initiative, with every action's form."""
    forms = {**_default_forms(initiative), **(bound or {})}
    context = {
        "initiative": initiative,
        "priorities": list(initiative.priorities.all()),
        "timeline": list(initiative.timeline.select_related("actor")),
        "help_offers": list(initiative.help_offers.all()),
        "partner_links": list(initiative.partner_links.select_related("partner")),
        "contributions": list(initiative.contributions.select_related("partner")),
        "assessments": assessments_of(initiative),
        "result": getattr(initiative, "result", None),  # results app; selected with it
        "today": local_date(timezone.now()),
        "action_sections": _action_sections(request, initiative, forms),
        "error_forms": [form for form in (bound or {}).values() if form.errors],
        **extra,
    }
    _set_days_left([initiative], context["today"])
    return render(request, "initiatives/workspace/detail.html", context, status=status)


@require_safe
@workspace_required
def workspace_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    return render_detail(request, initiative)
