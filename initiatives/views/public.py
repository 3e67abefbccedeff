"""Residents and the public: home, submit, track, list, initiative page, support, help.

Nothing here shows personal data: public pages read only published initiatives and their
public fields; the initiator is "een bewoner uit <wijk>". The private tracking link is
exchanged for a session at once, so the token never sits in an address bar, a Referer
header, a cache or a log line after the first request; no session holds the token itself.
"""

import hashlib
import re
import secrets
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from assessments.models import assessments_of
from attachments import services as attachments
from duplicates.views import merged_redirect
from initiatives import pagecache, rules, services, throttle, verification
from initiatives.filters import InitiativeFilter
from initiatives.forms.public import (
    HelpOfferForm,
    ReplyForm,
    SubmitForm,
    VerifiedSupportForm,
    WithdrawForm,
    started_token,
)
from initiatives.models import Initiative, InitiativeQuerySet, Status, Support
from initiatives.pagecache import cache_public_page
from neighbourhoods.models import Neighbourhood, Priority

PAGE_SIZE = 20
HOME_INITIATIVES = 6
SUBMITTED_SESSION_KEY = "initiatives.submitted"
TRACKING_SESSION_KEY = "initiatives.tracking"
BROWSER_COOKIE = "wijkaanpak_browser"
BROWSER_COOKIE_SALT = "wijkaanpak.browser"
BROWSER_COOKIE_AGE = 365 * 24 * 3600
_TOKEN = re.compile(r"[0-9a-f]{64}\Z")

# The status as the initiator reads it on the tracking page, in their words.
STATUS_FOR_INITIATOR = {
    Status.SUBMITTED: _("We hebben uw idee ontvangen."),
    Status.INTAKE: _("We gaan met u in gesprek over uw idee."),
    Status.PREPARING: _("We bereiden uw idee samen met u voor."),
    Status.IN_PROGRESS: _("Uw idee wordt uitgevoerd."),
    Status.COMPLETED: _("Uw idee is klaar. Dank u wel!"),
    Status.DECLINED: _("We gaan niet verder met uw idee. Hieronder leest u waarom."),
    Status.REFERRED: _("We hebben uw idee doorgestuurd. Hieronder leest u waarom."),
    Status.WITHDRAWN: _("U heeft uw idee ingetrokken."),
    Status.MERGED: _(
        "Uw idee is samengevoegd met een vergelijkbaar idee. Hieronder ziet u hoe dat verder gaat."
    ),
}
THROTTLED = _("Er zijn net veel formulieren verstuurd. Probeer het over een uur opnieuw.")


def private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For pages that carry or follow the private link: never cached, never in a Referer.

    Redirects (the one response whose address holds the token) get ``no-referrer``. Pages
    get ``same-origin``: their addresses hold no token, and under ``no-referrer`` browsers
    send ``Origin: null`` with every form on the page, which CSRF protection must refuse.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        is_redirect = 300 <= response.status_code < 400
        response["Referrer-Policy"] = "no-referrer" if is_redirect else "same-origin"
        return response

    return wrapped


def _published() -> InitiativeQuerySet:
    return (
        Initiative.objects.published()
        .select_related("neighbourhood")
        .prefetch_related("priorities")
    )


def _get_public_initiative(pk: int) -> Initiative:
    """A published initiative, or 404: unpublished ones do not exist for the public."""
    return get_object_or_404(_published(), pk=pk)


def _get_tracked_initiative(request: HttpRequest) -> Initiative:
    """The initiative whose private link this browser opened, or 404.

    The session keeps the token's hash as well as the id: when a broker issues a new
    link, sessions opened with the old one stop working too.
    """
    tracked = request.session.get(TRACKING_SESSION_KEY)
    if not isinstance(tracked, dict):
        raise Http404
    return get_object_or_404(
        Initiative.objects.select_related("neighbourhood"),
        pk=tracked.get("id"),
        tracking_token_hash=tracked.get("hash"),
    )


def _browser_key(request: HttpRequest) -> tuple[str, bool]:
    """This browser's key from its signed cookie; (key, True) when it is new.

    A new key is derived from the CSRF cookie, which every form POST of this browser carries
    (the CSRF check has compared it with the form): twenty concurrent first clicks (a double
    click, a nervous finger) make one key, hence one support. Derived through an HMAC, so the
    browser cookie never reveals the CSRF secret.
    """
    key = request.get_signed_cookie(BROWSER_COOKIE, default="", salt=BROWSER_COOKIE_SALT)
    if key:
        return key, False
    csrf_secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    if csrf_secret:
        return salted_hmac(BROWSER_COOKIE_SALT, csrf_secret, algorithm="sha256").hexdigest(), True
    return secrets.token_urlsafe(32), True


def _support_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


# --- Home -------------------------------------------------------------------------------


@require_safe
@cache_public_page()
def home(request: HttpRequest) -> HttpResponse:
    initiatives = _published().order_by("-published_at", "-pk")[:HOME_INITIATIVES]
    return render(
        request,
        "initiatives/home.html",
        {
            "initiatives": initiatives,
            "priorities": Priority.objects.all(),
            "neighbourhoods": Neighbourhood.objects.active(),
        },
    )


# --- Submit -----------------------------------------------------------------------------


def _render_submit(request: HttpRequest, form: SubmitForm, status: int = 200) -> HttpResponse:
    context = {"form": form, "started": started_token()}
    return render(request, "initiatives/public/submit.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _render_submit(request, SubmitForm())
    form = SubmitForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_submit(request, form)
    data = form.cleaned_data
    # A resubmitted form is not a new attempt: it gets its first initiative back.
    resubmitted = Initiative.objects.filter(submission_key=data["submission_key"]).exists()
    if not resubmitted and not throttle.allow(
        (throttle.SUBMIT_PER_ADDRESS, throttle.client_address(request)),
        (throttle.SUBMIT_PER_EMAIL, data["email"]),
    ):
        form.add_error(None, THROTTLED)
        return _render_submit(request, form, status=429)
    # The idea and its photos together or not at all; a resubmission adds none again.
    with transaction.atomic():
        initiative, token = _submit(data, request.LANGUAGE_CODE)
    # The link is shown once, on the next page. The session holds only the id and that
    # permission: the token is derived again there, so it never sits in a session row.
    # A resubmission gets no link: its first submission showed it already.
    request.session[SUBMITTED_SESSION_KEY] = {"id": initiative.pk, "show_link": bool(token)}
    return redirect("initiatives:submitted")


def _submit(data: dict, language: str) -> tuple[Initiative, str]:
    initiative, token = services.submit_initiative(
        title=data["title"],
        description=data["description"],
        neighbourhood=data["neighbourhood"],
        priorities=data["priorities"],
        needs=data["needs"],
        amount_requested=data["amount_requested"],
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        language=language,
        submission_key=data["submission_key"],
    )
    if token:
        attachments.add_attachments(initiative, [prepared for prepared, _name in data["photos"]])
    return initiative, token


@require_safe
@private
def submitted(request: HttpRequest) -> HttpResponse:
    # Only a GET uses up the one showing: a HEAD (a link checker, a prefetch) has no body
    # for the resident to read.
    if request.method == "GET":
        shown = request.session.pop(SUBMITTED_SESSION_KEY, None)
    else:
        shown = request.session.get(SUBMITTED_SESSION_KEY)
    if not isinstance(shown, dict):
        return redirect("home")
    initiative = get_object_or_404(
        Initiative.objects.select_related("neighbourhood", "initiator"), pk=shown.get("id")
    )
    tracking_url = ""
    if shown.get("show_link") is True:
        token = initiative.tracking_token()
        tracking_url = request.build_absolute_uri(
            reverse("initiatives:track", kwargs={"token": token})
        )
    context = {
        "initiative": initiative,
        "tracking_url": tracking_url,
        "has_email": bool(initiative.initiator.email),
    }
    return render(request, "initiatives/public/submitted.html", context)


# --- Tracking (the private link) -------------------------------------------------------


@require_safe
@private
def track_login(request: HttpRequest, token: str) -> HttpResponse:
    """Exchange the private link for a session and move to an address without the token."""
    initiative = None
    if _TOKEN.match(token):
        initiative = (
            Initiative.objects.for_tracking_token(token).only("pk", "tracking_token_hash").first()
        )
    if initiative is None:
        raise Http404
    request.session[TRACKING_SESSION_KEY] = {
        "id": initiative.pk,
        "hash": initiative.tracking_token_hash,
    }
    return redirect("initiatives:track_page")


def _render_track(
    request: HttpRequest, initiative: Initiative, reply_form: ReplyForm, **extra
) -> HttpResponse:
    context = {
        "initiative": initiative,
        "status_text": STATUS_FOR_INITIATOR[initiative.status],
        "entries": initiative.timeline.for_initiator().only(
            "kind", "actor", "created_at", "to_status", "public_text"
        ),
        "awaiting_first_response": initiative.first_response_at is None
        and not initiative.is_closed,
        "reply_form": reply_form,
        "can_reply": rules.initiator_can_reply(initiative),
        "can_withdraw": rules.initiator_can_withdraw(initiative),
        "assessments": assessments_of(initiative),
        **extra,  # the photos form when it was refused (attachments.views)
    }
    return render(request, "initiatives/public/track.html", context)


@require_safe
@private
def track(request: HttpRequest) -> HttpResponse:
    initiative = _get_tracked_initiative(request)
    return _render_track(request, initiative, ReplyForm())


@require_POST
@private
def track_reply(request: HttpRequest) -> HttpResponse:
    initiative = _get_tracked_initiative(request)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _render_track(request, initiative, form)
    try:
        services.reply_as_initiator(initiative, form.cleaned_data["text"])
    except services.WorkflowError as error:
        form.add_error(None, str(error))
        return _render_track(request, initiative, form)
    messages.success(request, _("Uw bericht is verstuurd. De sociaal makelaar leest het."))
    return redirect("initiatives:track_page")


@require_http_methods(["GET", "HEAD", "POST"])
@private
def track_withdraw(request: HttpRequest) -> HttpResponse:
    initiative = _get_tracked_initiative(request)
    if not rules.initiator_can_withdraw(initiative):
        messages.info(request, _("Uw idee kan niet meer worden ingetrokken."))
        return redirect("initiatives:track_page")
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.withdraw_as_initiator(initiative, form.cleaned_data["reason"])
        except services.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("U heeft uw idee ingetrokken."))
        return redirect("initiatives:track_page")
    context = {"initiative": initiative, "form": form}
    return render(request, "initiatives/public/withdraw.html", context)


# --- The public list and initiative page ------------------------------------------------


@require_safe
@cache_public_page(query=("q", "wijk", "priority", "status", "ordering", "page"))
def initiative_list(request: HttpRequest) -> HttpResponse:
    # NUL characters cannot be shown back in the form (nor stored); drop them up front.
    query = request.GET.copy()
    for key, values in query.lists():
        query.setlist(key, [value.replace("\x00", "") for value in values])
    filterset = InitiativeFilter(query, queryset=_published())
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filter": filterset, "form": filterset.form, "page_obj": page}
    return render(request, "initiatives/public/initiative_list.html", context)


def _supports(request: HttpRequest, pk: int) -> bool:
    """Whether this browser supports initiative ``pk`` (by its key from the signed cookie)."""
    key = request.get_signed_cookie(BROWSER_COOKIE, default="", salt=BROWSER_COOKIE_SALT)
    return bool(key) and (
        Support.objects.filter(initiative_id=pk, browser_key=_support_hash(key)).exists()
    )


@require_safe
@cache_public_page(
    variant=lambda request, pk: "supports" if _supports(request, pk) else "",
    scopes=lambda request, pk: pagecache.of_initiative(pk),
)
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    published = _published().with_verified_count().select_related("result")
    initiative = published.filter(pk=pk).first()
    if initiative is None:
        return merged_redirect(pk)  # a merged duplicate's address; else 404
    result = getattr(initiative, "result", None)  # what it achieved (results app)
    context = {
        "initiative": initiative,
        "result": result if result and result.is_shown_publicly(initiative) else None,
        "updates": initiative.timeline.public().only("kind", "created_at", "public_text"),
        # Who contributes: the organisation, the kind and its value; the broker's
        # description of it stays in the workspace.
        "contributions": initiative.contributions.select_related("partner").only(
            "kind", "value", "partner__name"
        ),
        # The assessment with each decision; the page is only there once published.
        "assessments": assessments_of(initiative),
        "supported": _supports(request, pk),
        "can_support": rules.public_can_support(initiative),
        "can_offer_help": rules.public_can_offer_help(initiative),
    }
    return render(request, "initiatives/public/initiative_detail.html", context)


@require_POST
def support(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _get_public_initiative(pk)
    key, is_new = _browser_key(request)
    if not rules.public_can_support(initiative):
        messages.info(request, _("U kunt dit idee niet meer steunen."))
    elif not throttle.allow((throttle.SUPPORT_PER_ADDRESS, throttle.client_address(request))):
        messages.warning(request, THROTTLED)
    else:
        try:
            added = services.add_support(initiative, _support_hash(key))
        except services.WorkflowError as error:
            messages.error(request, str(error))
        else:
            if added:
                messages.success(request, _("Dank u wel! U steunt dit idee."))
            else:
                messages.info(request, _("U steunde dit idee al. Dank u wel!"))
    response = redirect(initiative.get_absolute_url() + "#steun")
    if is_new:
        response.set_signed_cookie(
            BROWSER_COOKIE,
            key,
            salt=BROWSER_COOKIE_SALT,
            max_age=BROWSER_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def _render_help(
    request: HttpRequest, initiative: Initiative, form: HelpOfferForm, status: int = 200
) -> HttpResponse:
    context = {"initiative": initiative, "form": form, "started": started_token()}
    return render(request, "initiatives/public/offer_help.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def offer_help(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _get_public_initiative(pk)
    if not rules.public_can_offer_help(initiative):
        messages.info(request, _("Bij dit idee kunt u nu geen hulp aanbieden."))
        return redirect(initiative)
    if request.method != "POST":
        return _render_help(request, initiative, HelpOfferForm())
    form = HelpOfferForm(request.POST)
    if not form.is_valid():
        return _render_help(request, initiative, form)
    data = form.cleaned_data
    if not throttle.allow(
        (throttle.HELP_PER_ADDRESS, throttle.client_address(request)),
        (throttle.HELP_PER_EMAIL, data["email"]),
    ):
        form.add_error(None, THROTTLED)
        return _render_help(request, initiative, form, status=429)
    try:
        services.offer_help(
            initiative,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            offer_kinds=data["offer_kinds"],
            message=data["message"],
            submission_key=data["submission_key"],
            language=get_language(),
        )
    except services.WorkflowError as error:
        form.add_error(None, str(error))
        return _render_help(request, initiative, form)
    messages.success(
        request, _("Dank u wel voor uw hulp! Een sociaal makelaar neemt contact met u op.")
    )
    return redirect(initiative)


# --- Verified support: from an address inside the wijk, confirmed by e-mail ---------------


def _render_verify(
    request: HttpRequest, initiative: Initiative, form: VerifiedSupportForm, status: int = 200
) -> HttpResponse:
    context = {"initiative": initiative, "form": form, "started": started_token()}
    return render(request, "initiatives/public/verify_support.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def verify_support(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _get_public_initiative(pk)
    if not rules.public_can_support(initiative):
        messages.info(request, _("U kunt dit idee niet meer steunen."))
        return redirect(initiative)
    if request.method != "POST":
        return _render_verify(request, initiative, VerifiedSupportForm())
    form = VerifiedSupportForm(request.POST)
    if not form.is_valid():
        return _render_verify(request, initiative, form)
    data = form.cleaned_data
    if not throttle.allow(
        (throttle.VERIFY_PER_ADDRESS, throttle.client_address(request)),
        (throttle.VERIFY_PER_EMAIL, data["email"]),
    ):
        form.add_error(None, THROTTLED)
        return _render_verify(request, initiative, form, status=429)
    try:
        verification.request_confirmation(
            initiative,
            postcode=data["postcode"],
            house_number=data["house_number"],
            email=data["email"],
            language=get_language(),
        )
    except services.WorkflowError as error:
        form.add_error("postcode", str(error))
        return _render_verify(request, initiative, form)
    messages.success(
        request,
        _("We hebben u een e-mail gestuurd. Open de link in die e-mail om uw steun te bevestigen."),
    )
    return redirect(initiative.get_absolute_url() + "#steun")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_support(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail. Opening it changes nothing (mail scanners open links too);
    the button on the page posts back and makes the support count."""
    error = ""
    if request.method == "POST":
        try:
            initiative, added = verification.confirm(token)
        except services.WorkflowError as refused:
            error = str(refused)
        else:
            if added:
                messages.success(request, _("Dank u wel! Uw steun vanaf uw adres telt mee."))
            else:
                messages.info(request, _("Vanaf dit adres telt de steun al mee. Dank u wel!"))
            return redirect(initiative.get_absolute_url() + "#steun")
    response = render(request, "initiatives/public/confirm_support.html", {"error": error})
    # The token never leaves the site in a Referer; "no-referrer" would make the browser
    # send "Origin: null" with the button's POST, which CSRF protection refuses.
    response["Referrer-Policy"] = "same-origin"
    return response
