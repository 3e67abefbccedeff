from django.conf import settings
from django.http import HttpRequest

from initiatives import rules


def site(request: HttpRequest) -> dict[str, str | int | bool]:
    user = getattr(request, "user", None)
    return {
        # Logged in with a password only: the page says how to finish logging in.
        "awaits_second_factor": bool(user and rules.awaits_second_factor(user)),
        "SITE_NAME": settings.SITE_NAME,
        "MUNICIPALITY_NAME": settings.MUNICIPALITY_NAME,
        "THEME_CSS": settings.THEME_CSS,
        "THEME_CLASS": settings.THEME_CLASS,
        "RETENTION_DAYS": settings.RETENTION_DAYS,
    }
