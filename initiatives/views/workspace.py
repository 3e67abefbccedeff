"""The social brokers' workspace: queues, one screen per initiative, partners."""

from django.http import Http404, HttpRequest, HttpResponse


def workspace_detail(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404  # lands with the brokers issue
