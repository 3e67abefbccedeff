"""The brokers' pages for voices: the list, one voice, several after an event, and an
initiative that grows from a voice (the intake form, linked to it)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from initiatives import rules
from initiatives.forms.intake import IntakeForm
from initiatives.views.intake import _after_intake, enter_for_resident
from initiatives.views.workspace import get_initiative_for_user, workspace_required
from voices import services
from voices.forms import WhatForm, WhatFormSet, WhereForm
from voices.models import Voice

PAGE_SIZE = 25


def _managed_voices(request: HttpRequest):
    return Voice.objects.filter(
        **(
            {}
            if (scope := rules.neighbourhood_scope(request.user)) is None
            else {"neighbourhood__in": scope}
        )
    )


@require_safe
@workspace_required
def voice_list(request: HttpRequest) -> HttpResponse:
    voices = (
        _managed_voices(request)
        .select_related("neighbourhood")
        .prefetch_related("priorities", "tags")
        .annotate(initiative_count=Count("initiatives", distinct=True))
        .order_by("-heard_on", "-pk")
    )
    page = Paginator(voices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "voices/voice_list.html", {"page": page})


def _errors(forms: list, formset=None) -> dict:
    """One error summary for every form on the page (one id, one alert)."""
    non_form = list(formset.non_form_errors()) if formset is not None and formset.is_bound else []
    bound = [form for form in forms if form.is_bound]
    return {
        "forms": bound,
        "non_form_errors": non_form,
        "has_errors": bool(non_form or any(form.errors for form in bound)),
    }


def _record(request: HttpRequest, where: WhereForm, what: WhatForm) -> Voice:
    return services.record_voice(
        actor=request.user,
        neighbourhood=where.cleaned_data["neighbourhood"],
        heard_on=where.cleaned_data["heard_on"],
        channel=where.cleaned_data["channel"],
        place=where.cleaned_data["place"],
        summary=what.cleaned_data["summary"],
        residents=what.cleaned_data["residents"],
        priorities=what.cleaned_data["priorities"],
        tags=what.cleaned_data["tags"],
        is_publishable=what.cleaned_data["is_publishable"],
    )


@require_http_methods(["GET", "HEAD", "POST"])
@workspace_required
def voice_create(request: HttpRequest) -> HttpResponse:
    scope = rules.neighbourhood_scope(request.user)
    data = request.POST if request.method == "POST" else None
    where = WhereForm(data, scope=scope)
    what = WhatForm(data, prefix="what")
    if data is not None and where.is_valid() and what.is_valid():
        _record(request, where, what)
        messages.success(
            request, _("Het signaal is opgeslagen. U kunt meteen het volgende invullen.")
        )
        return redirect("voices:create")
    context = {"where": where, "what": what, **_errors([where, what])}
    return render(request, "voices/voice_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@workspace_required
def voice_bulk(request: HttpRequest) -> HttpResponse:
    """After an event: one "when and where", up to five voices."""
    scope = rules.neighbourhood_scope(request.user)
    data = request.POST if request.method == "POST" else None
    where = WhereForm(data, scope=scope)
    rows = WhatFormSet(data, prefix="rows")
    if data is not None and where.is_valid() and rows.is_valid():
        with transaction.atomic():
            saved = [_record(request, where, what) for what in rows if what.has_changed()]
        text = ngettext(
            "%(count)s signaal opgeslagen.", "%(count)s signalen opgeslagen.", len(saved)
        )
        messages.success(request, text % {"count": len(saved)})
        return redirect("voices:list")
    context = {"where": where, "rows": rows, **_errors([where, *rows], rows)}
    return render(request, "voices/voice_bulk.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@workspace_required
def voice_intake(request: HttpRequest, voice_pk: int) -> HttpResponse:
    """An initiative grows from this voice: the intake form, and the two are linked."""
    voice = get_object_or_404(_managed_voices(request).select_related("neighbourhood"), pk=voice_pk)
    scope = rules.neighbourhood_scope(request.user)
    if request.method != "POST":
        initial = {
            "neighbourhood": voice.neighbourhood_id,
            "priorities": list(voice.priorities.values_list("pk", flat=True)),
        }
        form = IntakeForm(scope=scope, initial=initial)
    else:
        form = IntakeForm(request.POST, scope=scope)
        if form.is_valid() and form.cleaned_data["neighbourhood"] == voice.neighbourhood:
            with transaction.atomic():
                initiative, token = enter_for_resident(request, form)
                services.link_voice(voice, initiative, actor=request.user)
            return _after_intake(request, initiative, token)
        if form.is_valid():
            form.add_error("neighbourhood", _("Kies de wijk van het signaal."))
    context = {"form": form, "voice": voice}
    return render(request, "initiatives/workspace/intake.html", context)


@require_POST
@workspace_required
def link_to_initiative(request: HttpRequest, pk: int) -> HttpResponse:
    """From an initiative's page: it grew from this voice of its wijk."""
    initiative = get_initiative_for_user(request, pk)
    try:
        voice_pk = int(request.POST.get("voice", ""))
    except ValueError:
        voice_pk = 0
    voice = Voice.objects.filter(pk=voice_pk, neighbourhood=initiative.neighbourhood_id).first()
    if voice is None:
        messages.error(request, _("Kies een signaal uit de wijk van dit initiatief."))
    else:
        services.link_voice(voice, initiative, actor=request.user)
        messages.success(request, _("Het signaal is gekoppeld."))
    return redirect("initiatives:workspace_detail", pk=initiative.pk)
