"""Residents' data rights: the resident's own download and erasure on the tracking page, and
the coordinators' page for requests that arrive by letter or e-mail.

The tracking pages follow the private link's session (``public._get_tracked_initiative``)
and are never cached; the coordinators' pages are workspace pages (second factor, no-store).
"""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from initiatives import privacy, rules
from initiatives.models import HelpOffer, Initiative
from initiatives.views.public import _get_tracked_initiative, private
from initiatives.views.workspace import workspace_required
from wijkaanpak.forms import StyledFormMixin


def _json_download(data: dict, filename: str) -> HttpResponse:
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body + "\n", content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- The resident, through the private link ------------------------------------------------


@require_safe
@private
def track_data(request: HttpRequest) -> HttpResponse:
    """Everything we hold about the initiator, readable and printable."""
    initiative = _get_tracked_initiative(request)
    context = {"initiative": initiative, "data": privacy.initiator_data(initiative)}
    return render(request, "initiatives/public/my_data.html", context)


@require_safe
@private
def track_data_json(request: HttpRequest) -> HttpResponse:
    initiative = _get_tracked_initiative(request)
    return _json_download(privacy.initiator_data(initiative), f"mijn-gegevens-{initiative.pk}.json")


class EraseForm(StyledFormMixin, forms.Form):
    confirm = forms.BooleanField(
        label=_("Ik begrijp dat de sociaal makelaar mij daarna niet meer kan bereiken."),
        error_messages={"required": _("Vink dit aan als u uw gegevens wilt laten wissen.")},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@private
def track_erase(request: HttpRequest) -> HttpResponse:
    """The initiator's erasure request, carried out at once."""
    initiative = _get_tracked_initiative(request)
    form = EraseForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        privacy.erase_initiator(initiative)
        messages.success(request, _("Uw naam en contactgegevens zijn gewist."))
        return redirect("initiatives:track_page")
    return render(
        request, "initiatives/public/erase.html", {"initiative": initiative, "form": form}
    )


# --- Coordinators: requests by letter or e-mail ---------------------------------------------


class FindForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres van de bewoner"),
        help_text=_("Zoals het in de brief of e-mail staat."),
    )


def _coordinator(request: HttpRequest) -> None:
    if not rules.can_handle_data_requests(request.user):
        raise PermissionDenied


@require_safe
@workspace_required
def data_requests(request: HttpRequest) -> HttpResponse:
    _coordinator(request)
    form = FindForm(request.GET if "email" in request.GET else None)
    initiatives = offers = None
    if form.is_valid():
        initiatives, offers = privacy.find_by_email(form.cleaned_data["email"])
        initiatives, offers = list(initiatives), list(offers)
    context = {"form": form, "initiatives": initiatives, "offers": offers}
    return render(request, "initiatives/workspace/data_requests.html", context)


def _initiative(pk: int) -> Initiative:
    return get_object_or_404(Initiative.objects.select_related("neighbourhood"), pk=pk)


def _offer(pk: int) -> HelpOffer:
    return get_object_or_404(HelpOffer.objects.select_related("initiative"), pk=pk)


@require_POST
@workspace_required
def export_initiator(request: HttpRequest, pk: int) -> HttpResponse:
    _coordinator(request)
    initiative = _initiative(pk)
    data = privacy.initiator_data(initiative)
    privacy.record_export(initiative.pk, actor=request.user, what="gegevens van de initiatiefnemer")
    return _json_download(data, f"initiatiefnemer-{initiative.pk}.json")


@require_POST
@workspace_required
def erase_initiator(request: HttpRequest, pk: int) -> HttpResponse:
    _coordinator(request)
    privacy.erase_initiator(_initiative(pk), actor=request.user)
    messages.success(request, _("De gegevens van de initiatiefnemer zijn gewist."))
    return redirect(_back(request))


@require_POST
@workspace_required
def export_help_offer(request: HttpRequest, pk: int) -> HttpResponse:
    _coordinator(request)
    offer = _offer(pk)
    data = privacy.help_offer_data(offer)
    privacy.record_export(offer.initiative_id, actor=request.user, what=f"hulpaanbod {offer.pk}")
    return _json_download(data, f"hulpaanbod-{offer.pk}.json")


@require_POST
@workspace_required
def erase_help_offer(request: HttpRequest, pk: int) -> HttpResponse:
    _coordinator(request)
    privacy.erase_help_offer(_offer(pk), actor=request.user)
    messages.success(request, _("De gegevens van de helper zijn gewist."))
    return redirect(_back(request))


def _back(request: HttpRequest) -> str:
    """Back to the same search, so the coordinator sees the result."""
    url = reverse("initiatives:data_requests")
    email = request.POST.get("email", "")
    return f"{url}?{urlencode({'email': email})}" if email else url
