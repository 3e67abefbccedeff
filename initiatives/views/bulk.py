"""Bulk work in the queue: the action bar's POST, and the summary of what happened."""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_POST

from initiatives import bulk, rules
from initiatives.forms.bulk import BulkForm
from initiatives.views.workspace import render_queue, workspace_required


@require_POST
@workspace_required
def bulk_action(request: HttpRequest) -> HttpResponse:
    # The queue as the broker saw it (tab, filters, sort, page), to show it again.
    query = request.POST.get("query", "")[:2000]
    params = QueryDict(query)
    form = BulkForm(request.POST, user=request.user)
    if not form.is_valid():
        return render_queue(request, params, bulk_form=form, status=400)
    data = form.cleaned_data
    found = {
        initiative.pk: initiative
        for initiative in rules.managed_initiatives(request.user)
        .select_related("neighbourhood")
        .filter(pk__in=data["ids"])
    }
    # An id the broker does not manage (or that is gone) is left out, as if not ticked.
    initiatives = [found[pk] for pk in data["ids"] if pk in found]
    outcomes = bulk.apply(data["action"], initiatives, actor=request.user, data=data)
    context = {
        "action": bulk.BulkAction(data["action"]).label,
        "done": [outcome for outcome in outcomes if outcome.done],
        "refused": [outcome for outcome in outcomes if not outcome.done],
        "missing": len(data["ids"]) - len(initiatives),
        "query": params.urlencode(),
    }
    return render(request, "initiatives/workspace/bulk_summary.html", context)
