"""Public pages, rendered once per version of the data and then served from the cache.

A public page looks the same to every visitor without a session: it depends only on the
data, the language, the address (scheme, host, path and query) and today's date.
``cache_public_page`` keeps the rendered response under a key of exactly those, so the next
such visitor gets it without the page's queries or a template rendering.

What keeps it correct, and keeps one visitor's data from another:

- The data version (``DataVersion``): database triggers raise it when a transaction that
  changed data a public page shows commits (migration 0006). Each request reads it (one
  query), so a change shows on the very next page view; old entries simply age out.
- While the database cannot be reached, the last data version this process (or, through a
  shared cache, any process) read stands in: cached pages are still served, the last
  version of them. A page not in the cache gets the 503 page (wijkaanpak.middleware).
- Only visitors without a session cookie and without waiting messages get cached pages.
  Logged-in users, a resident following their own initiative and anyone just shown a
  message get the page rendered for them, as before.
- The CSRF token is the visitor's own: the page is rendered with a placeholder that every
  response replaces with this visitor's (masked) token.
- A view adds what else the page depends on as a variant (the initiative page: whether this
  browser supports it); the variant may be nothing personal, only which version to show.

``PAGE_CACHE_SECONDS`` sets how long an entry lives (0 switches the cache off; the test
suite does, apart from the tests of this module).
"""

import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.crypto import salted_hmac

from initiatives.models import DataVersion, ScopeVersion
from wijkaanpak import face
from wijkaanpak.middleware import OUTAGE_ERRORS

# Every table whose rows a cached page shows, with the columns whose update matters (None:
# every column; a log-in writes auth_user.last_login, which no page shows). Triggers in
# the database raise the data version when one of them changes (migration 0006); a table
# added here needs its triggers in a new migration. tests/initiatives/public/
# test_pagecache_watch.py compares this with the triggers the database has and with the
# tables every cached page reads, so a page that starts showing a new table fails a test
# instead of being served stale.
WATCHED_TABLES: dict[str, tuple[str, ...] | None] = {
    "initiatives_initiative": None,
    "initiatives_initiative_priorities": None,
    "initiatives_timelineentry": None,
    "initiatives_partner": None,
    "initiatives_initiativepartner": None,
    "neighbourhoods_neighbourhood": None,
    "neighbourhoods_neighbourhood_brokers": None,
    "neighbourhoods_priority": None,
    "auth_user": ("first_name", "last_name", "is_active"),
    # "N adressen in de wijk steunen dit" on an initiative's page (migration 0014).
    "initiatives_verifiedsupport": None,
    # A wijk's budget pots and co-funding, an initiative's contributors (budgets 0004).
    "budgets_budgetpot": None,
    "budgets_grant": None,
    "budgets_contribution": None,
    # "Wat de wijk zegt" on a wijk's page (voices 0002).
    "voices_voice": None,
    "voices_voice_priorities": None,
    "voices_voice_tags": None,
    "voices_voice_initiatives": None,
    "voices_tag": None,
    # The published assessment on an initiative's page, its counts on the wijk page
    # (assessments 0004).
    "assessments_criterion": None,
    "assessments_assessment": None,
    "assessments_score": None,
    # What completed initiatives achieved: their pages, the wijk pages (results 0002).
    "results_result": None,
    # A merged duplicate's public address leads to the initiative it joined (duplicates 0002).
    "duplicates_merge": None,
    # Published photos and documents on an initiative's page (attachments 0002).
    "attachments_attachment": None,
    # Residents per wijk and year, for the figures per 1,000 residents (neighbourhoods 0006).
    "neighbourhoods_population": None,
    # How many initiators felt helped, in a wijk's figures (feedback 0002); the score only.
    "feedback_feedback": ("helped",),
    # The public list's search: the word stems of the public texts (search 0002).
    "search_searchterm": None,
    # The map of the wijken on the comparison and a wijk's page (maps 0002).
    "maps_wijkboundary": None,
}


@functools.cache
def csrf_placeholder_text() -> str:
    """What stands for the CSRF token in a cached page.

    Derived from SECRET_KEY: the same in every worker sharing the cache, and not something a
    resident could type into a public text to have it replaced.
    """
    return salted_hmac("wijkaanpak.pagecache.csrf", "placeholder", algorithm="sha256").hexdigest()


_RENDERING_FOR_CACHE = "_rendering_for_page_cache"


def csrf_placeholder(request: HttpRequest) -> dict[str, str]:
    """Context processor: a placeholder instead of a token while a page renders for the cache.

    Listed after Django's own CSRF processor, so it wins only for such a rendering.
    """
    if getattr(request, _RENDERING_FOR_CACHE, False):
        return {"csrf_token": csrf_placeholder_text()}
    return {}


def _cacheable(request: HttpRequest, parameters: frozenset[str]) -> bool:
    """True when nothing but the address, language and data shapes this visitor's page.

    A query with a parameter the page does not know (a tracking tag, a made-up one) is
    rendered, not cached: each would otherwise fill a cache entry of its own.
    """
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
        and parameters.issuperset(request.GET)
    )


@dataclass(frozen=True)
class Scopes:
    """What part of the data a page shows, when not all of it (``ScopeVersion``).

    ``names``: scopes such as ``wijk:3`` and ``year:2026`` (``global`` is always added);
    ``initiative``: the wijk of this initiative; ``wijk_slug``: the wijk with this slug.
    A page without scopes keys on ``DataVersion``, which every change raises.
    """

    names: tuple[str, ...] = ()
    initiative: int | None = None
    wijk_slug: str | None = None


def of_initiative(pk: int) -> Scopes:
    return Scopes(initiative=pk)


def of_wijk(slug: str) -> Scopes:
    return Scopes(wijk_slug=slug)


def of_period(start: dt.datetime | None, end: dt.datetime | None) -> Scopes | None:
    """The years (UTC, as the triggers count them) a local period's data fall in."""
    if start is None or end is None:
        return None
    first = start.astimezone(dt.UTC).year
    last = (end - dt.timedelta(microseconds=1)).astimezone(dt.UTC).year
    return Scopes(names=tuple(ScopeVersion.year(year) for year in range(first, last + 1)))


def refuse(request: HttpRequest) -> None:
    """Keep this response out of the cache (a view that fell back from what was asked)."""
    setattr(request, _REFUSED, True)


_REFUSED = "_page_cache_refused"
# Says whether a page a visitor without a session asked for came from the cache ("hit") or
# was rendered ("miss"); `manage.py bench --writes` counts them. Nothing personal: every such
# visitor gets the same answer.
CACHE_HEADER = "X-Page-Cache"

# The last data version read, for when the database cannot be reached: this process's own,
# and in the cache beside the pages (for a process that starts during an outage, with a
# shared cache such as Redis); per set of scopes.
_LAST_VERSION_KEY = "page:last-data-version"
_last_versions: dict[Scopes | None, int] = {}


def _read_version(scopes: Scopes | None) -> int:
    if scopes is None:
        return DataVersion.current()
    return ScopeVersion.sum_of(
        [ScopeVersion.GLOBAL, *scopes.names],
        initiative_id=scopes.initiative,
        wijk_slug=scopes.wijk_slug,
    )


def _last_version_key(scopes: Scopes | None) -> str:
    if scopes is None:
        return _LAST_VERSION_KEY
    return f"{_LAST_VERSION_KEY}:{hashlib.sha256(repr(scopes).encode()).hexdigest()[:32]}"


def _data_version(scopes: Scopes | None = None) -> int:
    """The version of what the page shows now; during a database outage the last known."""
    try:
        version = _read_version(scopes)
    except OUTAGE_ERRORS:
        known = _last_versions.get(scopes)
        if known is None:
            known = cache.get(_last_version_key(scopes))
        if known is None:
            raise
        return known
    _last_versions[scopes] = version
    return version


def _key(request: HttpRequest, variant: str, version: int, scopes: Scopes | None) -> str:
    parts = (
        version,
        repr(scopes),
        # The municipality's name, logo and theme (wijkaanpak.face) are on every page.
        face.current().revision,
        timezone.localdate().isoformat(),
        request.LANGUAGE_CODE,
        # Scheme and host too: open data holds absolute links.
        request.build_absolute_uri(),
        variant,
    )
    digest = hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()
    return f"page:{digest}"


def _personalised(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    """The response with this visitor's own CSRF token in place of the placeholder."""
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return response  # only HTML pages carry forms (open data can be large)
    placeholder = csrf_placeholder_text().encode()
    if placeholder in response.content:
        response.content = response.content.replace(placeholder, get_token(request).encode())
    return response


def cache_public_page(
    variant: Callable[..., str] | None = None,
    *,
    scopes: Callable[..., Scopes | None] | None = None,
    query: tuple[str, ...] = (),
    collect_stream: bool = False,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Serve the view's 200 responses to visitors without a session from the cache.

    ``variant(request, *args, **kwargs)`` returns what else the page depends on.
    ``scopes(request, *args, **kwargs)`` says which part of the data the page shows (a
    wijk, a period; ``Scopes``), so that a change elsewhere does not renew it; without it
    (or when it returns None) every change does. It must name everything the page reads:
    ``tests/initiatives/public/test_pagecache.py`` changes each kind of data and checks.
    ``query`` names the query parameters the page understands; with any other it is rendered.
    ``collect_stream`` caches a streamed response (a wijk's open data) as one piece; only
    for views whose output stays within a few MB, since every worker may keep a copy.
    """

    parameters = frozenset(query)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            seconds = settings.PAGE_CACHE_SECONDS
            if not seconds or not _cacheable(request, parameters):
                return view(request, *args, **kwargs)
            shown = scopes(request, *args, **kwargs) if scopes else None
            version = _data_version(shown)
            key = _key(
                request, variant(request, *args, **kwargs) if variant else "", version, shown
            )
            cached = cache.get(key)
            if cached is not None:
                content, headers = cached
                response = HttpResponse(content, headers=headers)
                response[CACHE_HEADER] = "hit"
                return _personalised(response, request)
            setattr(request, _RENDERING_FOR_CACHE, True)
            try:
                response = view(request, *args, **kwargs)
            finally:
                setattr(request, _RENDERING_FOR_CACHE, False)
            if collect_stream and response.streaming and response.status_code == 200:
                response = HttpResponse(
                    b"".join(response.streaming_content), headers=dict(response.headers)
                )
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and not getattr(request, _REFUSED, False)
            ):
                page = (response.content, dict(response.headers))
                cache.set_many({key: page, _last_version_key(shown): version}, seconds)
            response[CACHE_HEADER] = "miss"
            return _personalised(response, request)

        # For the test that every table a cached page reads is watched.
        wrapped.page_cache_query = parameters
        return wrapped

    return decorator
