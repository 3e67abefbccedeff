"""The partners the brokers connect: a list, and a form to add or change one."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from initiatives import rules
from initiatives.forms.workspace import PartnerForm
from initiatives.models import InitiativePartner, Partner
from initiatives.views.workspace import PAGE_SIZE, workspace_required


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
