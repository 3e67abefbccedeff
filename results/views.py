"""The result's form posts here from the initiative's page in the workspace."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from initiatives.views.actions import _act
from initiatives.views.workspace import get_initiative_for_user, workspace_required
from results import services
from results.forms import ResultForm


@require_POST
@workspace_required
def record_result(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    # Not bound to the recorded result: the page shows it as it is while the form has errors.
    form = ResultForm(request.POST, prefix="result")

    def action(data: dict) -> None:
        services.record_result(initiative, actor=request.user, **data)

    success = _("Het resultaat is opgeslagen.")
    return _act(request, initiative, "result_form", form, action, success)
