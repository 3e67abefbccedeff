"""The admin site at /beheer/: Django's, with the same clean text as every other form.

Installed through ``AdminConfig`` (INSTALLED_APPS), so ``admin.site`` is this site and the
apps register on it as usual.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.http import HttpRequest, HttpResponse

from wijkaanpak.forms import clean_data


class AdminSite(admin.AdminSite):
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


class AdminConfig(DjangoAdminConfig):
    default_site = "wijkaanpak.admin_site.AdminSite"
