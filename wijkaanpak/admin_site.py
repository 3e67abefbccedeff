"""The admin site at /beheer/: Django's, with the site's log-in (and its second step) and the
same clean text as every other form.

Installed through ``wijkaanpak.apps.AdminConfig`` (INSTALLED_APPS), so ``admin.site`` is
this site and the apps register on it as usual.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from initiatives import rules
from wijkaanpak.forms import clean_data


class AdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        """Staff who passed the second step (a password alone opens nothing here)."""
        return super().has_permission(request) and not rules.awaits_second_factor(request.user)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        """One log-in for the whole site: its throttles and its second step."""
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        if rules.awaits_second_factor(request.user):
            return redirect_to_login(next_url, login_url=reverse("second_factor"))
        return redirect_to_login(next_url, login_url=reverse("login"))

    def admin_view(self, view: Callable, cacheable: bool = False) -> Callable:
        """Every admin view; its forms read the posted texts without control characters.

        The admin's forms are Django's own (not our StyledFormMixin), so the data is cleaned
        here, once, with the same ``clean_data`` the mixin uses.
        """
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                request.POST = clean_data(request.POST)
            return inner(request, *args, **kwargs)

        return wrapper
