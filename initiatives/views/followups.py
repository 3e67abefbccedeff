"""What needs a broker now, on one initiative: a follow-up date, and "Gezien"."""

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from initiatives import followup
from initiatives.forms.workspace import FollowUpForm
from initiatives.views.actions import _act
from initiatives.views.workspace import get_initiative_for_user, workspace_required


@require_POST
@workspace_required
def set_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)
    form = FollowUpForm(request.POST, prefix="follow_up")

    def action(data: dict) -> None:
        followup.set_follow_up(initiative, data["on"], data["reason"], actor=request.user)

    success = _("De datum om op te volgen is opgeslagen.")
    return _act(request, initiative, "follow_up_form", form, action, success)


@require_POST
@workspace_required
def handle_attention(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request, pk)

    def action(data: dict) -> None:
        followup.handle_attention(initiative, actor=request.user)

    success = _("Het initiatief staat niet meer bij “Actie nodig”.")
    return _act(
        request, initiative, "seen_form", Form(request.POST, prefix="seen"), action, success
    )
