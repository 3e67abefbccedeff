from django.apps import AppConfig


class WijkaanpakConfig(AppConfig):
    name = "wijkaanpak"
    verbose_name = "Wijkaanpak"
