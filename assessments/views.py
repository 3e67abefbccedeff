"""The criteria's pages in the workspace: brokers see them, coordinators keep them."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from assessments.forms import WorkspaceCriterionForm
from assessments.models import Criterion
from initiatives import rules
from initiatives.views.workspace import workspace_required


def criteria_managed(view: Callable) -> Callable:
    @wraps(view)
    @workspace_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not rules.can_manage_criteria(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@require_safe
@workspace_required
def criterion_list(request: HttpRequest) -> HttpResponse:
    # A handful of rows: one query, no pages.
    context = {
        "criteria": Criterion.objects.all(),
        "may_manage": rules.can_manage_criteria(request.user),
    }
    return render(request, "assessments/criterion_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@criteria_managed
def criterion_create(request: HttpRequest) -> HttpResponse:
    return _criterion_form(request, Criterion())


@require_http_methods(["GET", "HEAD", "POST"])
@criteria_managed
def criterion_edit(request: HttpRequest, criterion_pk: int) -> HttpResponse:
    return _criterion_form(request, get_object_or_404(Criterion, pk=criterion_pk))


def _criterion_form(request: HttpRequest, criterion: Criterion) -> HttpResponse:
    form = WorkspaceCriterionForm(request.POST or None, instance=criterion)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Het criterium is opgeslagen."))
        return redirect("assessments:list")
    context = {"form": form, "criterion": criterion}
    return render(request, "assessments/criterion_form.html", context)
