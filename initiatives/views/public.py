"""Residents and the public: home, submit, track, list, initiative page, support, help."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "initiatives/home.html")


def track_login(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404  # the residents' tracking page lands with the residents issue
