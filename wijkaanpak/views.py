import sys

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import defaults
from django.views.decorators.http import require_safe

from wijkaanpak.middleware import OUTAGE_ERRORS, outage_response


@require_safe
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


@require_safe
def privacy_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page; the 503 page when the database is out of reach (see middleware)."""
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGE_ERRORS):
        return outage_response(request, error)
    return defaults.server_error(request)
