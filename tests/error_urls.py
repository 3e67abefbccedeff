"""The project's URLs plus views that fail on purpose, to render the error pages."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.db import OperationalError
from django.urls import path

from wijkaanpak.urls import handler500  # noqa: F401 - the project's, for these URLs too
from wijkaanpak.urls import urlpatterns as project_urlpatterns


def bad_request(request):
    raise BadRequest


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a deliberate failure to show the 500 page")


def database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')


urlpatterns = [
    path("test-400/", bad_request),
    path("test-403/", forbidden),
    path("test-500/", broken),
    path("test-503/", database_down),
    *project_urlpatterns,
]
