"""Intake on a resident's behalf: the broker types the idea in with the resident.

By phone, at the spreekuur, on a house visit: the initiative goes through the same workflow
as one from the website. The resident gets the private link by e-mail when they gave an
address; either way the broker can print a one-page letter with the link and a QR code.
"""

from datetime import datetime, time

import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from initiatives import followup, rules, services
from initiatives.forms.intake import IntakeForm
from initiatives.models import Initiative
from initiatives.views.workspace import get_initiative_for_user, workspace_required
from initiatives.workdays import local_date

# The initiatives whose letter this broker may print in this session: the ones they just
# entered or gave a new link. The session holds ids only; the link is derived again.
LETTER_SESSION_KEY = "wijkaanpak_letters"


def _allow_letter(request: HttpRequest, pk: int) -> None:
    allowed = [*request.session.get(LETTER_SESSION_KEY, [])[-19:], pk]
    request.session[LETTER_SESSION_KEY] = allowed


@require_http_methods(["GET", "HEAD", "POST"])
@workspace_required
def intake(request: HttpRequest) -> HttpResponse:
    scope = rules.neighbourhood_scope(request.user)
    if request.method != "POST":
        return _render_intake(request, IntakeForm(scope=scope))
    form = IntakeForm(request.POST, scope=scope)
    if not form.is_valid():
        return _render_intake(request, form)
    initiative, token = enter_for_resident(request, form)
    return _after_intake(request, initiative, token)


def enter_for_resident(request: HttpRequest, form: IntakeForm) -> tuple[Initiative, str]:
    """Submit a valid intake form as the broker; the token is empty for a resubmission."""
    data = form.cleaned_data
    if not rules.can_enter_for_resident(request.user, data["neighbourhood"]):
        raise PermissionDenied
    now = timezone.now()
    # The moment is now when the resident agreed today; otherwise noon of that day.
    consent_at = now
    if data["consent_date"] != local_date(now):
        consent_at = datetime.combine(
            data["consent_date"], time(12), timezone.get_current_timezone()
        )
    return services.submit_initiative(
        title=data["title"],
        description=data["description"],
        neighbourhood=data["neighbourhood"],
        priorities=data["priorities"],
        needs=data["needs"],
        amount_requested=data["amount_requested"],
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        language=data["language"],
        submission_key=data["submission_key"],
        channel=data["channel"],
        entered_by=request.user,
        consent_basis=data["consent_basis"],
        consent_at=consent_at,
    )


def _after_intake(request: HttpRequest, initiative: Initiative, token: str) -> HttpResponse:
    if token:
        messages.success(request, _("Het idee is ingevoerd."))
        _allow_letter(request, initiative.pk)
    return redirect("initiatives:workspace_letter", pk=initiative.pk)


def _render_intake(request: HttpRequest, form: IntakeForm, **extra) -> HttpResponse:
    return render(request, "initiatives/workspace/intake.html", {"form": form, **extra})


@require_safe
@workspace_required
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter with the private link, for a resident without e-mail (or who wants one)."""
    initiative = get_initiative_for_user(request, pk)
    context = {"initiative": initiative, "today": local_date(timezone.now())}
    if initiative.pk in request.session.get(LETTER_SESSION_KEY, []):
        # The site's own address, as in the e-mails: not the one the broker works on.
        url = settings.SITE_URL + reverse(
            "initiatives:track", kwargs={"token": initiative.tracking_token()}
        )
        context["tracking_url"] = url
        context["qr_code"] = segno.make(url, error="m").svg_data_uri(scale=4, border=2)
    return render(request, "initiatives/workspace/letter.html", context)


@require_POST
@workspace_required
def new_link(request: HttpRequest, pk: int) -> HttpResponse:
    """A new private link (a lost letter): the old one stops working."""
    initiative = get_initiative_for_user(request, pk)
    followup.new_tracking_link(initiative, actor=request.user)
    _allow_letter(request, initiative.pk)
    messages.success(request, _("Er is een nieuwe link. De oude link werkt niet meer."))
    return redirect("initiatives:workspace_letter", pk=initiative.pk)
