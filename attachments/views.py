"""Attachments: the file itself (rights checked), the resident's photos from the tracking
page, and the brokers' actions on an initiative's page in the workspace.

Files are never served by whitenoise or a public media address: every byte goes through
``attachment_file``, which asks ``rules.can_see_attachment``. Whoever may not see a file
gets a 404, as if it did not exist.
"""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from attachments import services
from attachments.forms import BrokerFilesForm, PublishAttachmentForm, ResidentPhotosForm
from attachments.models import Attachment
from initiatives import rules
from initiatives.services import WorkflowError
from initiatives.views.actions import _act
from initiatives.views.public import (
    TRACKING_SESSION_KEY,
    _get_tracked_initiative,
    _render_track,
    private,
)
from initiatives.views.public import ReplyForm as _ReplyForm
from initiatives.views.workspace import get_initiative_for_user, workspace_required

# Public files may stay in a browser's cache this long after a broker took them offline.
PUBLIC_MAX_AGE = 600


def _tracked_id(request: HttpRequest, initiative) -> int | None:
    """The initiative's id when this browser opened its private link (and it still holds)."""
    tracked = request.session.get(TRACKING_SESSION_KEY)
    if (
        isinstance(tracked, dict)
        and tracked.get("id") == initiative.pk
        and tracked.get("hash") == initiative.tracking_token_hash
    ):
        return initiative.pk
    return None


def _serve(request: HttpRequest, key: str, *, small: bool) -> HttpResponse:
    attachment = get_object_or_404(
        Attachment.objects.select_related("initiative"), key=key if len(key) == 32 else ""
    )
    initiative = attachment.initiative
    if not rules.can_see_attachment(
        request.user, attachment, initiative, tracked_id=_tracked_id(request, initiative)
    ):
        raise Http404
    field = attachment.thumbnail if small and attachment.thumbnail else attachment.file
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    for_broker = rules.can_manage(request.user, initiative)
    response = FileResponse(
        handle,
        content_type=attachment.content_type,
        as_attachment=not attachment.is_image,
        filename=attachment.download_name(for_broker=for_broker),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if attachment.is_published and initiative.is_published:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    else:
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def attachment_file(request: HttpRequest, key: str) -> HttpResponse:
    return _serve(request, key, small=False)


@require_safe
def attachment_thumbnail(request: HttpRequest, key: str) -> HttpResponse:
    return _serve(request, key, small=True)


# --- The resident, from the tracking page ---------------------------------------------------


@require_POST
@private
def track_add(request: HttpRequest) -> HttpResponse:
    initiative = _get_tracked_initiative(request)
    form = ResidentPhotosForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachments(
                initiative, [prepared for prepared, _name in form.cleaned_data["photos"]]
            )
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Dank u wel voor uw foto's. Een sociaal makelaar bekijkt ze."),
            )
            return redirect("initiatives:track_page")
    response = _render_track(request, initiative, _ReplyForm(), photos_form=form)
    response.status_code = 400
    return response


# --- Brokers, on the initiative's page ------------------------------------------------------


def _get_attachment(initiative, attachment_pk: int) -> Attachment:
    return get_object_or_404(
        Attachment.objects.select_related("initiative"), pk=attachment_pk, initiative=initiative
    )


@require_POST
@workspace_required
def add(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    form = BrokerFilesForm(request.POST, request.FILES, prefix="attachment")

    def action(data: dict) -> None:
        chosen = data["files"]
        services.add_attachments(
            initiative,
            [prepared for prepared, _name in chosen],
            actor=request.user,
            original_names=[name for _prepared, name in chosen],
        )

    return _act(
        request, initiative, "attachment_form", form, action, _("De bijlage is toegevoegd.")
    )


@require_POST
@workspace_required
def publish(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    attachment = _get_attachment(initiative, attachment_pk)
    form = PublishAttachmentForm(request.POST, prefix=f"alt-{attachment.pk}")

    def action(data: dict) -> None:
        services.publish_attachment(attachment, actor=request.user, alt_text=data["alt_text"])

    success = _("De bijlage is openbaar.")
    return _act(request, initiative, f"alt_form_{attachment.pk}", form, action, success)


@require_POST
@workspace_required
def unpublish(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    attachment = _get_attachment(initiative, attachment_pk)
    services.unpublish_attachment(attachment, actor=request.user)
    messages.success(request, _("De bijlage is niet meer openbaar."))
    return redirect("initiatives:workspace_detail", pk=initiative.pk)


@require_POST
@workspace_required
def delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    attachment = _get_attachment(initiative, attachment_pk)
    services.delete_attachment(attachment, actor=request.user)
    messages.success(request, _("De bijlage is verwijderd."))
    return redirect("initiatives:workspace_detail", pk=initiative.pk)
