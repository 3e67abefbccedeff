"""Merging, from an initiative's workspace page; a merged duplicate's public address."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from duplicates import services
from duplicates.forms import MergeForm
from duplicates.models import Merge
from initiatives import rules
from initiatives.forms.workspace import MAX_ID
from initiatives.models import Initiative
from initiatives.services import EditConflict, WorkflowError
from initiatives.views.workspace import get_initiative_for_user, workspace_required


@require_http_methods(["GET", "HEAD", "POST"])
@workspace_required
def merge(request: HttpRequest, pk: int, into: int) -> HttpResponse:
    """ "Samenvoegen met dit initiatief": what will happen, the text, one button."""
    duplicate = get_initiative_for_user(request, pk)
    target = get_object_or_404(Initiative.objects.select_related("neighbourhood"), pk=into)
    if not rules.can_manage(request.user, target):
        raise PermissionDenied
    if request.method == "POST":
        form = MergeForm(request.POST, initiative=duplicate, prefix="merge")
        if form.is_valid():
            try:
                services.merge_initiatives(
                    duplicate,
                    target,
                    actor=request.user,
                    public_text=form.cleaned_data["public_text"],
                    internal_note=form.cleaned_data["internal_note"],
                    expected_version=form.cleaned_data["version"],
                )
            except EditConflict:
                form.add_error(
                    None,
                    _("Iemand anders heeft dit initiatief net gewijzigd. Bekijk het opnieuw."),
                )
            except WorkflowError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("De initiatieven zijn samengevoegd."))
                return redirect("initiatives:workspace_detail", pk=target.pk)
        status = 400
    else:
        form = MergeForm(
            initiative=duplicate,
            prefix="merge",
            initial={
                "public_text": services.default_text(),
                "version": duplicate.version,
                "seen": duplicate.updated_at.isoformat(),
            },
        )
        status = 200
    context = {
        "form": form,
        "duplicate": duplicate,
        "into": target,
        "allowed": rules.can_merge(request.user, duplicate, target),
    }
    return render(request, "duplicates/merge.html", context, status=status)


def merged_redirect(pk: int) -> HttpResponse:
    """A merged duplicate's public page: on to the initiative it joined, if that is public.

    For ``initiatives.views.public.initiative_detail``; 404 for anything else unpublished.
    """
    if not 0 < pk <= MAX_ID:  # a made-up address beyond any key: no query (SQLite overflows)
        raise Http404
    into = (
        Merge.objects.filter(duplicate_id=pk, into__is_published=True)
        .values_list("into_id", flat=True)
        .first()
    )
    if into is None:
        raise Http404
    return redirect("initiatives:detail", pk=into)
