"""The budget pots in the workspace: brokers see their wijken's pots, coordinators keep them.

Every save goes through ``budgets.services.save_pot``, as in the admin.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from budgets import services
from budgets.forms import BudgetPotForm
from budgets.models import BudgetPot
from initiatives import rules
from initiatives.views.workspace import workspace_required


def pots_managed(view: Callable) -> Callable:
    @wraps(view)
    @workspace_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not rules.can_manage_budget_pots(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@require_safe
@workspace_required
def pot_list(request: HttpRequest) -> HttpResponse:
    # A few pots per wijk and year, each with its co-funding: one query, no pages.
    pots = BudgetPot.objects.select_related("neighbourhood", "priority").with_cofunding()
    scope = rules.neighbourhood_scope(request.user)
    if scope is not None:
        pots = pots.filter(neighbourhood__in=scope)
    context = {
        "pots": pots.order_by("-year", "neighbourhood__name", "name"),
        "may_manage": rules.can_manage_budget_pots(request.user),
    }
    return render(request, "budgets/pot_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@pots_managed
def pot_create(request: HttpRequest) -> HttpResponse:
    return _pot_form(request, BudgetPot())


@require_http_methods(["GET", "HEAD", "POST"])
@pots_managed
def pot_edit(request: HttpRequest, pot_pk: int) -> HttpResponse:
    return _pot_form(request, get_object_or_404(BudgetPot, pk=pot_pk))


def _pot_form(request: HttpRequest, pot: BudgetPot) -> HttpResponse:
    form = BudgetPotForm(request.POST or None, instance=pot)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_pot(form.instance, actor=request.user)
        except services.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het wijkbudget is opgeslagen."))
            return redirect("budgets:list")
    return render(request, "budgets/pot_form.html", {"form": form, "pot": pot})
