from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "initiatives/home.html")


def track_login(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404  # the residents' tracking page lands with the residents issue


def workspace_detail(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404  # the brokers' workspace lands with the brokers issue
