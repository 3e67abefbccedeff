"""Response headers every page gets, and /.well-known/security.txt (RFC 9116)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe


def security_headers(get_response):
    """``Permissions-Policy`` on every response; a 403 page is never stored.

    A 403 says who may not see what; no browser or proxy keeps it (whichever view raised
    it: a permission check, a CSRF failure, the admin).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if response.status_code == 403:
            add_never_cache_headers(response)
        return response

    return middleware


@require_safe
def security_txt(request: HttpRequest) -> HttpResponse:
    """Where to report a vulnerability; 404 until the contact and expiry are configured."""
    if not settings.SECURITY_TXT_CONTACT or settings.SECURITY_TXT_EXPIRES is None:
        raise Http404
    lines = [f"Contact: {contact}" for contact in settings.SECURITY_TXT_CONTACT]
    lines.append(f"Expires: {_rfc3339(settings.SECURITY_TXT_EXPIRES)}")
    lines.append("Preferred-Languages: nl, en")
    lines.append(f"Canonical: {settings.SITE_URL}/.well-known/security.txt")
    if settings.SECURITY_TXT_POLICY:
        lines.append(f"Policy: {settings.SECURITY_TXT_POLICY}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=86400)
    return response


def _rfc3339(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


@register(Tags.security, deploy=True)
def check_security_txt(app_configs, **kwargs) -> list[Warning]:
    """A security.txt that is configured must not have expired nor run for over a year."""
    expires = settings.SECURITY_TXT_EXPIRES
    if not settings.SECURITY_TXT_CONTACT:
        return []
    if expires is None:
        return [
            Warning(
                "SECURITY_TXT_CONTACT is set without SECURITY_TXT_EXPIRES: no security.txt.",
                id="wijkaanpak.W001",
            )
        ]
    now = timezone.now()
    if expires <= now:
        return [Warning("SECURITY_TXT_EXPIRES has passed.", id="wijkaanpak.W002")]
    if expires > now + timedelta(days=366):
        return [
            Warning(
                "SECURITY_TXT_EXPIRES is more than a year ahead (RFC 9116 advises less).",
                id="wijkaanpak.W003",
            )
        ]
    return []
