from django.apps import AppConfig


class WijkaanpakConfig(AppConfig):
    name = "wijkaanpak"
    verbose_name = "Wijkaanpak"

    def ready(self) -> None:
        # Connect the log-in signal receivers and register the deploy check.
        from wijkaanpak import accounts, security  # noqa: F401
