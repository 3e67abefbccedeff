from collections.abc import Callable

from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

# TRACE echoes the request (cookies included) back; nothing here needs it or TRACK.
REFUSED_METHODS = frozenset({"TRACE", "TRACK"})
ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"]


def refuse_trace(get_response: Callable[[HttpRequest], HttpResponse]):
    def middleware(request: HttpRequest) -> HttpResponse:
        if request.method in REFUSED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        return get_response(request)

    return middleware


def health_endpoints(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer /healthz and /readyz before host validation, HTTPS redirects and sessions.

    Load balancers and the container HEALTHCHECK call these by IP address over plain HTTP,
    so they must not depend on ALLOWED_HOSTS or SECURE_SSL_REDIRECT. /healthz says the
    process is alive and never touches the database; /readyz says the database answers.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.path == "/healthz" and request.method in {"GET", "HEAD"}:
            return _plain("ok")
        if request.path == "/readyz" and request.method in {"GET", "HEAD"}:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT 1")
            except DatabaseError:
                return _plain("database unavailable", status=503)
            return _plain("ok")
        return get_response(request)

    return middleware


def _plain(text: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(text, status=status, content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response
