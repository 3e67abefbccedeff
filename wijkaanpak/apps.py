from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class WijkaanpakConfig(AppConfig):
    default = True
    name = "wijkaanpak"
    verbose_name = "Wijkaanpak"

    def ready(self) -> None:
        # Connect the log-in signal receivers and register the system checks.
        from wijkaanpak import accounts, checks, second_factor, security  # noqa: F401


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin with the site's own AdminSite (wijkaanpak.admin_site)."""

    default = False
    default_site = "wijkaanpak.admin_site.AdminSite"
