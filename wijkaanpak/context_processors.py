from django.conf import settings
from django.http import HttpRequest

from initiatives import rules
from wijkaanpak import face


def site(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    return {
        # Logged in with a password only: the page says how to finish logging in.
        "awaits_second_factor": bool(user and rules.awaits_second_factor(user)),
        **face.template_context(),
        "RETENTION_DAYS": settings.RETENTION_DAYS,
    }
