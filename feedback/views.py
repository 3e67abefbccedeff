"""The initiator answers the two questions from the tracking page (the private link)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from feedback import services
from feedback.forms import FeedbackForm
from initiatives.services import WorkflowError
from initiatives.views.public import _get_tracked_initiative, private


@require_POST
@private
def answer(request: HttpRequest) -> HttpResponse:
    initiative = _get_tracked_initiative(request)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.answer(
                initiative,
                helped=form.cleaned_data["helped"],
                improvement=form.cleaned_data["improvement"],
            )
        except WorkflowError as error:
            messages.info(request, str(error))
        else:
            messages.success(request, _("Dank u wel voor uw antwoord."))
        return redirect("initiatives:track_page")
    return render(request, "feedback/answer.html", {"initiative": initiative, "form": form})
