"""The answer templates' pages in the workspace: brokers see them, coordinators keep them."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from answers.forms import WorkspaceAnswerTemplateForm
from answers.models import AnswerTemplate
from initiatives import rules
from initiatives.views.workspace import workspace_required


def templates_managed(view: Callable) -> Callable:
    @wraps(view)
    @workspace_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not rules.can_manage_answer_templates(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@require_safe
@workspace_required
def template_list(request: HttpRequest) -> HttpResponse:
    # Few rows, and each shows only these columns: one query, no pages.
    templates = AnswerTemplate.objects.only("name", "kind", "to_status", "is_active").annotate(
        in_english=ExpressionWrapper(~Q(text_en=""), output_field=BooleanField())
    )
    context = {
        "templates": templates,
        "may_manage": rules.can_manage_answer_templates(request.user),
    }
    return render(request, "answers/template_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@templates_managed
def template_create(request: HttpRequest) -> HttpResponse:
    return _template_form(request, AnswerTemplate())


@require_http_methods(["GET", "HEAD", "POST"])
@templates_managed
def template_edit(request: HttpRequest, template_pk: int) -> HttpResponse:
    return _template_form(request, get_object_or_404(AnswerTemplate, pk=template_pk))


def _template_form(request: HttpRequest, template: AnswerTemplate) -> HttpResponse:
    form = WorkspaceAnswerTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De standaardtekst is opgeslagen."))
        return redirect("answers:list")
    return render(request, "answers/template_form.html", {"form": form, "template": template})
