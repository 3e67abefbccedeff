"""System checks for settings that start fine but fail (or misbehave) on the first request."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def check_tasks_backend(app_configs, **kwargs) -> list[Warning]:
    """Production queues e-mail for the worker; the immediate backend sends it in the request."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if backend.endswith(".ImmediateBackend"):
        return [
            Warning(
                "E-mail is sent inside the request (TASKS_BACKEND is not 'database'): "
                "a slow or failing mail server slows or breaks the pages, and a failed "
                "mail is not retried.",
                hint="Set TASKS_BACKEND=database and run `manage.py run_worker`.",
                id="wijkaanpak.W004",
            )
        ]
    return []
