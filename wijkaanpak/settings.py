"""Wijkaanpak settings, read from environment variables.

Every value that differs between a laptop and production comes from the environment;
docs/deploy.md lists them. The helpers below refuse values they cannot understand, so a
typo in a deployment fails at start-up instead of silently meaning something else.
"""

import os
from datetime import UTC, datetime
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def envint(name: str, default: int, *, minimum: int = 0) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {number}")
    return number


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envdatetime(name: str) -> datetime | None:
    """An ISO 8601 moment with its time zone (``2027-01-31T00:00:00+01:00``), or None."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an ISO 8601 moment, got {value!r}") from None
    if moment.tzinfo is None:
        raise ImproperlyConfigured(f"{name} needs a time zone (e.g. +01:00 or Z), got {value!r}")
    return moment.astimezone(UTC)


def envchoice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, default).strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


# --- Core -------------------------------------------------------------------------------

DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
    # On a laptop: a random key kept in a git-ignored file, so sessions and e-mailed links
    # survive runserver's reloads, and no key ever lives in the code.
    from django.core.management.utils import get_random_secret_key

    _key_file = BASE_DIR / ".secret_key"
    if not _key_file.exists():
        _key_file.write_text(get_random_secret_key(), encoding="utf-8")
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text(encoding="utf-8").strip()

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get("SITE_NAME", "Wijkaanpak")
MUNICIPALITY_NAME = os.environ.get("MUNICIPALITY_NAME", "Gemeente Zaanstad")

INSTALLED_APPS = [
    "wijkaanpak.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wijkaanpak",
    "neighbourhoods",
    "initiatives",
    "subscriptions",
    "budgets",
    "answers",
    "voices",
    "assessments",
    "results",
    "duplicates",
    "attachments",
    "feedback",
    "search",
    "maps",
]

MIDDLEWARE = [
    "wijkaanpak.middleware.health_endpoints",
    "wijkaanpak.middleware.refuse_trace",
    # A view that cannot reach the database gets a 503 page, logged as a warning.
    "wijkaanpak.middleware.database_outage",
    "django.middleware.security.SecurityMiddleware",
    "wijkaanpak.security.security_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wijkaanpak.second_factor.second_factor_middleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wijkaanpak.accounts.session_limits",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wijkaanpak.urls"
WSGI_APPLICATION = "wijkaanpak.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # {{ amount|money }}, {{ label|with_error:error }} and {{ code|lang_attrs }}
            # on every page and in every e-mail without {% load %}.
            "builtins": [
                "initiatives.templatetags.money",
                "wijkaanpak.templatetags.form_errors",
                "wijkaanpak.templatetags.content_language",
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijkaanpak.context_processors.site",
                "initiatives.context_processors.workspace",
                # After Django's CSRF processor: see initiatives.pagecache.
                "initiatives.pagecache.csrf_placeholder",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------
# PostgreSQL in production (DATABASE_URL=postgres://...); an SQLite file on a laptop. With
# DEBUG off the address is required: a default would mean an SQLite file inside a container,
# lost with it.

_database_url = os.environ.get("DATABASE_URL", "")
if not _database_url:
    if not DEBUG:
        raise ImproperlyConfigured("DATABASE_URL is required when DEBUG is off.")
    _database_url = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        _database_url,
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------
# Throttling state lives in the database (see initiatives.throttle) and cached pages are
# keyed on the data version in the database, so nothing depends on a shared cache and a
# per-process cache is a safe default. REDIS_URL shares the cache between workers.

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    # Per worker; public pages take up to ~30 KB each, so this caps a worker at ~30 MB.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    }

# Rendered public pages live this long in the cache (initiatives.pagecache); a change to
# the data they show makes a new version at once. 0 switches the page cache off.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 3600)

# --- Authentication ---------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Per user name across all addresses (wijkaanpak.accounts); authenticates nobody.
    "wijkaanpak.accounts.AccountThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "wijkaanpak.accounts.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff and council members log in with a code from an app as well (wijkaanpak.second_factor);
# council members may be exempted where the municipality's single sign-on asks for one.
SECOND_FACTOR_EXEMPT_COUNCIL = envbool("SECOND_FACTOR_EXEMPT_COUNCIL", False)
OTP_TOTP_ISSUER = SITE_NAME

# Staff and council sessions end after this long without a request, and this long after
# log-in however busy (wijkaanpak.accounts.session_limits). Residents have no account.
STAFF_SESSION_IDLE_MINUTES = envint("STAFF_SESSION_IDLE_MINUTES", 30, minimum=1)
STAFF_SESSION_MAX_HOURS = envint("STAFF_SESSION_MAX_HOURS", 10, minimum=1)

# Lock out a user name only together with the address it is tried from, so an attacker
# elsewhere cannot lock a broker out of their own account.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind a load balancer every request comes from its address: PROXY_COUNT says how many
# proxies append to X-Forwarded-For, so axes and the form throttles see the real client.
PROXY_COUNT = envint("PROXY_COUNT", 0)
# IPv6 clients per /64, as the form throttles count them (a household gets a whole /64).
AXES_CLIENT_IP_CALLABLE = "wijkaanpak.accounts.lockout_address"
# Per user name from every address: after this many failures in a day each attempt waits,
# 30 seconds doubling up to the maximum; a browser that logged in to the account never waits.
LOGIN_ACCOUNT_FREE_FAILURES = envint("LOGIN_ACCOUNT_FREE_FAILURES", 10, minimum=1)
LOGIN_ACCOUNT_MAX_DELAY_MINUTES = envint("LOGIN_ACCOUNT_MAX_DELAY_MINUTES", 15, minimum=1)
# Password-reset requests per client address per hour and per e-mail address per day.
THROTTLE_RESET_PER_ADDRESS_HOUR = envint("THROTTLE_RESET_PER_ADDRESS_HOUR", 5, minimum=1)
THROTTLE_RESET_PER_EMAIL_DAY = envint("THROTTLE_RESET_PER_EMAIL_DAY", 3, minimum=1)

# --- Internationalisation ---------------------------------------------------------------

LANGUAGE_CODE = "nl"
# Each language is named in itself, untranslated: on the language switch (templates/base.html)
# and wherever staff choose a resident's language.
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own formats where Django's differ from what our forms ask (wijkaanpak/formats/<code>/).
FORMAT_MODULE_PATH = ["wijkaanpak.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

# --- Uploaded files (attachments) ---------------------------------------------------------
# Photos and documents on initiatives, stored through Django's storage API and served only
# by attachments.views (rights checked): never by whitenoise, no public MEDIA_URL.
# "files": a folder outside the code (a volume in a container, written by uid 10001);
# "s3": any S3-compatible store through django-storages (docs/deploy.md).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "") or BASE_DIR / "var" / "media")
_media_storage = envchoice("MEDIA_STORAGE", "files", ("files", "s3"))


def media_storage(kind: str) -> dict:
    """The ``STORAGES["default"]`` entry for MEDIA_STORAGE (a function: tests call it)."""
    if kind == "s3":
        bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
        if not bucket:
            raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
        options = {
            "bucket_name": bucket,
            # Private objects, read by the application only; no public URLs, no ACLs.
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
            "location": os.environ.get("AWS_LOCATION", ""),
        }
        given = {
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL", ""),
            "region_name": os.environ.get("AWS_S3_REGION_NAME", ""),
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
        }
        # Left out when empty: then boto3's own defaults (Amazon, an instance role).
        options.update({option: value for option, value in given.items() if value})
        return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    # Uploads readable by the app user only. Not the global FILE_UPLOAD_*PERMISSIONS: those
    # would also make collectstatic's files (owned by root in the image) unreadable to it.
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"file_permissions_mode": 0o640, "directory_permissions_mode": 0o750},
    }


# Files over 2.5 MB wait in a temporary file (/tmp, a tmpfs in compose), not in memory; the
# attachment forms refuse more than 10 MB a file and 5 files a request with a message.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 10

STORAGES = {
    "default": media_storage(_media_storage),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if envbool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# The NL Design System theme: a municipality points these at its own design tokens.
THEME_CSS = os.environ.get("THEME_CSS", "vendor/voorbeeld-design-tokens/theme.css")
THEME_CLASS = os.environ.get("THEME_CLASS", "voorbeeld-theme")

# --- E-mail -----------------------------------------------------------------------------

# Console on a laptop; SMTP otherwise, so production never prints e-mails (with private
# links and addresses) into its logs by accident.
_email_backend = envchoice("EMAIL_BACKEND", "console" if DEBUG else "smtp", ("console", "smtp"))
if _email_backend == "smtp":
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": envint("EMAIL_PORT", 587),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": envbool("EMAIL_USE_TLS", True),
                "timeout": envint("EMAIL_TIMEOUT", 10, minimum=1),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "wijkaanpak@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks -------------------------------------------------------------------
# "immediate" runs a task in the request that enqueues it (laptop, tests); "database"
# queues it for `manage.py db_worker` (production).

# Left unset it is "immediate": wijkaanpak.checks warns in the deploy check.
_tasks_backend = envchoice("TASKS_BACKEND", "immediate", ("immediate", "database"))
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[_tasks_backend],
    }
}

# --- Domain -----------------------------------------------------------------------------

# Working days within which a broker gives an initiator a first response.
FIRST_RESPONSE_WORKING_DAYS = envint("FIRST_RESPONSE_WORKING_DAYS", 5, minimum=1)
# Days after an initiative is closed before its personal data is anonymised.
RETENTION_DAYS = envint("RETENTION_DAYS", 365, minimum=1)
# Days after an initiative is completed, declined or referred before its initiator is asked
# how it went (feedback app, send_feedback_requests).
FEEDBACK_AFTER_DAYS = envint("FEEDBACK_AFTER_DAYS", 14, minimum=1)

# Abuse protection on the anonymous forms (initiatives.throttle, initiatives.forms.public):
# a form sent back faster than this is a robot; the limits count per client address (or
# e-mail address) in the database, so they hold across all gunicorn workers and machines.
SUBMIT_MIN_SECONDS = envint("SUBMIT_MIN_SECONDS", 3)
THROTTLE_SUBMIT_PER_ADDRESS_HOUR = envint("THROTTLE_SUBMIT_PER_ADDRESS_HOUR", 5, minimum=1)
THROTTLE_SUBMIT_PER_EMAIL_DAY = envint("THROTTLE_SUBMIT_PER_EMAIL_DAY", 3, minimum=1)
THROTTLE_SUPPORT_PER_ADDRESS_HOUR = envint("THROTTLE_SUPPORT_PER_ADDRESS_HOUR", 30, minimum=1)
THROTTLE_HELP_PER_ADDRESS_HOUR = envint("THROTTLE_HELP_PER_ADDRESS_HOUR", 10, minimum=1)
THROTTLE_HELP_PER_EMAIL_DAY = envint("THROTTLE_HELP_PER_EMAIL_DAY", 5, minimum=1)
THROTTLE_VERIFY_PER_ADDRESS_HOUR = envint("THROTTLE_VERIFY_PER_ADDRESS_HOUR", 10, minimum=1)
THROTTLE_VERIFY_PER_EMAIL_DAY = envint("THROTTLE_VERIFY_PER_EMAIL_DAY", 10, minimum=1)

# --- Security ---------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

# HTTPS settings default on in production and off on a laptop (plain http://127.0.0.1).
_https = envbool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", _https)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31_536_000 if _https else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", _https)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", _https)
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
LANGUAGE_COOKIE_SECURE = _https
# The __Host- prefix pins a cookie to this exact host, over HTTPS, for the whole site.
SESSION_COOKIE_NAME = "__Host-sessionid" if _https else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if _https else "csrftoken"
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
if envbool("BEHIND_PROXY", False):
    if PROXY_COUNT < 1:
        raise ImproperlyConfigured("BEHIND_PROXY needs PROXY_COUNT (the number of proxies).")
    # Only when a proxy that sets this header (and strips it from clients) sits in front.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = envlist("SILENCED_SYSTEM_CHECKS")
# Browser features no page uses (wijkaanpak.security): denied to this site and any frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    )
)
# /.well-known/security.txt (RFC 9116): where to report a vulnerability, and until when that
# holds. Both are needed; without them the file is not served.
SECURITY_TXT_CONTACT = envlist("SECURITY_TXT_CONTACT")
for _contact in SECURITY_TXT_CONTACT:
    if not _contact.startswith(("mailto:", "https://", "tel:")):
        raise ImproperlyConfigured(
            f"SECURITY_TXT_CONTACT entries start with mailto:, https:// or tel:, got {_contact!r}"
        )
SECURITY_TXT_EXPIRES = envdatetime("SECURITY_TXT_EXPIRES")
SECURITY_TXT_POLICY = os.environ.get("SECURITY_TXT_POLICY", "")

# --- Logging ----------------------------------------------------------------------------
# One JSON object per line on stdout, for the platform's log collector.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "wijkaanpak.logging.RedactSecretsFilter"}},
    "formatters": {"json": {"()": "wijkaanpak.logging.JSONFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["redact"],
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
    },
}
