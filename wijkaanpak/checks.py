"""System checks for settings that start fine but fail (or misbehave) on the first request."""

import importlib

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.utils.module_loading import import_string

# Django's cache backends that import their client library only on first use.
CACHE_CLIENT_LIBRARIES = {
    "django.core.cache.backends.redis.RedisCache": "redis",
    "django.core.cache.backends.memcached.PyMemcacheCache": "pymemcache",
    "django.core.cache.backends.memcached.PyLibMCCache": "pylibmc",
}


@register(Tags.caches)
def check_cache_backends(app_configs, **kwargs) -> list[Error]:
    """Every configured cache backend can be imported, with the client library it needs.

    Without the ``redis`` package, Django's Redis backend fails on first use: every cached
    page would be a 500 while the health endpoints say 200. Not a deploy-only check, so
    ``migrate`` and every other command refuse to start too.
    """
    errors = []
    for alias, options in settings.CACHES.items():
        backend = options.get("BACKEND", "")
        try:
            import_string(backend)
            if library := CACHE_CLIENT_LIBRARIES.get(backend):
                importlib.import_module(library)
        except ImportError as error:
            errors.append(
                Error(
                    f"Cache {alias!r} ({backend}) cannot be loaded: {error}",
                    hint="Install its client library (pyproject.toml) or change the setting.",
                    id="wijkaanpak.E001",
                )
            )
    return errors


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
