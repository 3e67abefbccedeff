import logging
from collections.abc import Callable

from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("wijkaanpak.database")

# The database cannot be reached (or answer now): errors that go away by trying again.
OUTAGE_ERRORS = (OperationalError, InterfaceError)
# Seconds a browser or a client is asked to wait before trying again.
OUTAGE_RETRY_AFTER = 30

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
            except DatabaseError as error:
                logger.warning("Database unavailable: readiness check (%s)", _reason(error))
                response = _plain("database unavailable", status=503)
                response._has_been_logged = True  # a warning (above), not a request error
                return response
            return _plain("ok")
        return get_response(request)

    return middleware


def _plain(text: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(text, status=status, content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response


def database_outage(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer 503 with Retry-After, and a calm page, when a view cannot reach the database.

    A database restart or fail-over is not a bug: it is logged as one warning line without
    a traceback, not as an "Internal Server Error". Errors in middleware (a session read)
    reach ``wijkaanpak.views.server_error``, which answers the same way.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        return get_response(request)

    def process_exception(request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OUTAGE_ERRORS):
            return outage_response(request, exception)
        return None

    middleware.process_exception = process_exception
    return middleware


def outage_response(request: HttpRequest, error: Exception) -> HttpResponse:
    """The 503 page, rendered without the request: its context processors read the database.

    It is written in the visitor's language, taken from the language cookie or the
    browser's Accept-Language.
    """
    logger.warning("Database unavailable: %s %s (%s)", request.method, request.path, _reason(error))
    context = {
        "SITE_NAME": settings.SITE_NAME,
        "MUNICIPALITY_NAME": settings.MUNICIPALITY_NAME,
        "THEME_CSS": settings.THEME_CSS,
        "THEME_CLASS": settings.THEME_CLASS,
    }
    # The visitor's language from the cookie or the browser (no database), also when the
    # error came before LocaleMiddleware had chosen it.
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponse(render_to_string("503.html", context), status=503)
    response["Content-Language"] = language
    response["Retry-After"] = str(OUTAGE_RETRY_AFTER)
    add_never_cache_headers(response)
    # Logged above, as a warning: Django's request logger must not log it again as an error.
    response._has_been_logged = True
    return response


def _reason(error: Exception) -> str:
    """The first line of a database error: what went wrong, without a traceback."""
    return next(iter(str(error).strip().splitlines()), "") or type(error).__name__
