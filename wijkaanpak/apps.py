from django.apps import AppConfig


class WijkaanpakConfig(AppConfig):
    name = "wijkaanpak"
    verbose_name = "Wijkaanpak"

    def ready(self) -> None:
        from wijkaanpak import accounts  # noqa: F401 - connects the log-in signal receivers
