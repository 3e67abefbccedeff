"""The project's URLs plus views that fail on purpose, to render the error pages."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from wijkaanpak.urls import urlpatterns as project_urlpatterns


def bad_request(request):
    raise BadRequest


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a deliberate failure to show the 500 page")


urlpatterns = [
    path("test-400/", bad_request),
    path("test-403/", forbidden),
    path("test-500/", broken),
    *project_urlpatterns,
]
