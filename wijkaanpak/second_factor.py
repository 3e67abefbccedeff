"""Two-factor log-in for staff and council members: a code from an app (TOTP) or a recovery code.

django-otp keeps the devices and checks the codes (with its own growing pause after wrong
codes, and refusing a code used before); this module holds the pages and the session mark.

- After the password (``accounts.LoginView``) a user who needs a second factor
  (``rules.second_factor_required``) is logged in but *not verified*: ``rules.roles`` is then
  empty, so every permission says no, and the workspace, council figures, the admin and the
  password change send them here instead.
- A verified session holds ``SESSION_KEY`` = the user's id; ``second_factor_middleware``
  puts ``second_factor_verified`` on ``request.user`` from it (no query per request). A
  password log-in always clears it. Logging out, the idle and day limits and a new password
  elsewhere end it with the session.
- Enrolment (``setup``) and recovery work without JavaScript: the secret as text and the
  otpauth link as a QR code rendered on the server (segno, an SVG image).
"""

import base64
from collections.abc import Callable
from functools import partial, wraps

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from initiatives import rules
from wijkaanpak.forms import StyledFormMixin

SESSION_KEY = "wijkaanpak.second_factor"
RECOVERY_CODES = 10
APP_DEVICE = "app"
RECOVERY_DEVICE = "herstelcodes"


# --- The session mark -----------------------------------------------------------------------


def _mark(request: HttpRequest, user):
    user.second_factor_verified = bool(
        user.is_authenticated and request.session.get(SESSION_KEY) == user.pk
    )
    return user


def second_factor_middleware(get_response: Callable) -> Callable:
    """Tell ``request.user`` whether this session passed the second step (after auth)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        request.user = SimpleLazyObject(partial(_mark, request, request.user))
        return get_response(request)

    return middleware


@receiver(user_logged_in)
def _clear_on_log_in(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """Every log-in with a password asks for the second step again."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(SESSION_KEY, None)
    user.second_factor_verified = False


def mark_verified(request: HttpRequest, user) -> None:
    request.session.cycle_key()  # a new session id for the new rights
    request.session[SESSION_KEY] = user.pk
    user.second_factor_verified = True


# --- Devices --------------------------------------------------------------------------------


def app_device(user, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with fresh ones; shown once, each works once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def secret_text(device: TOTPDevice) -> str:
    """The secret as an app asks for it: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


# --- Demo log-ins (seed_demo, DEBUG only) -----------------------------------------------------

# One app secret for every demo user, printed by seed_demo: add it to an app once, or let
# `manage.py demo_code` show the current code. A real account never gets it (seed_demo and
# demo_code refuse to run without DEBUG).
DEMO_SECRET = "44454d4f2d57494a4b41414e50414b2d32303236"  # noqa: S105 - b"DEMO-WIJKAANPAK-2026"


def give_demo_app(user) -> TOTPDevice:
    device, _ = TOTPDevice.objects.update_or_create(
        user=user, name=APP_DEVICE, defaults={"key": DEMO_SECRET, "confirmed": True}
    )
    return device


def demo_device() -> TOTPDevice:
    """An unsaved device with the demo secret, to show its secret and codes."""
    return TOTPDevice(name=APP_DEVICE, key=DEMO_SECRET, confirmed=True)


# --- Where to go ----------------------------------------------------------------------------


def _safe_next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def landing_url(user) -> str:
    """Where a user goes after logging in when no page asked for it."""
    if rules.can_use_workspace(user):
        return reverse("initiatives:workspace")
    return reverse(settings.LOGIN_REDIRECT_URL)


def _to(name: str, next_url: str) -> HttpResponse:
    """Redirect to the page ``name``, carrying ``next`` when there is one."""
    if not next_url:
        return redirect(name)
    return redirect_to_login(next_url, login_url=reverse(name))


def redirect_to_second_step(next_url: str) -> HttpResponse:
    return _to("second_factor", next_url)


def second_step_required(view: Callable) -> Callable:
    """For account pages that need the whole log-in (changing a password, recovery codes)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if rules.awaits_second_factor(request.user):
            return redirect_to_second_step(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


# --- Forms ----------------------------------------------------------------------------------


class CodeForm(StyledFormMixin, forms.Form):
    """Six digits from the app. Checking them is the view's work: it counts attempts."""

    code = forms.CharField(
        label=_("Code uit uw app"),
        help_text=_("6 cijfers. De code verandert elke 30 seconden."),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Vul de 6 cijfers uit uw app in."), code="format")
        return code


class RecoveryCodeForm(StyledFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Herstelcode"),
        help_text=_(
            "Een van de codes die u kreeg toen u de app instelde. Elke code werkt één keer."
        ),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "size": 12}),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).lower()


WRONG_CODE = _("Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat.")
WAIT = _("Er zijn te veel verkeerde codes ingevuld. Wacht even en probeer het dan opnieuw.")


def _check(device, form: forms.Form, wrong: str) -> bool:
    """Check the code on ``device``; on a refusal the form says why."""
    allowed, _info = device.verify_is_allowed()
    if not allowed:
        form.add_error(None, WAIT)
        return False
    if device.verify_token(form.cleaned_data["code"]):
        return True
    form.add_error("code", wrong)
    return False


def _page(request: HttpRequest, template: str, context: dict, form: forms.Form) -> HttpResponse:
    status = 429 if any(str(WAIT) == str(e) for e in form.non_field_errors()) else 200
    context = {"form": form, "next": _safe_next(request), **context}
    return render(request, f"registration/{template}", context, status=status)


# --- Pages ----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The second step: the code from the app."""
    user = request.user
    next_url = _safe_next(request)
    if not rules.awaits_second_factor(user):
        return redirect(next_url or landing_url(user))
    device = app_device(user)
    if device is None:
        return _to("second_factor_setup", next_url)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid() and _check(device, form, WRONG_CODE):
        mark_verified(request, user)
        return redirect(next_url or landing_url(user))
    return _page(request, "second_factor_verify.html", {}, form)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def recover(request: HttpRequest) -> HttpResponse:
    """The second step with a recovery code, for a lost or broken phone."""
    user = request.user
    next_url = _safe_next(request)
    if not rules.awaits_second_factor(user):
        return redirect(next_url or landing_url(user))
    device = recovery_device(user)
    form = RecoveryCodeForm(request.POST if request.method == "POST" else None)
    if device is None and form.is_bound:
        form.add_error(
            "code", _("U heeft geen herstelcodes. Vraag de functioneel beheerder om hulp.")
        )
    elif form.is_valid() and _check(
        device, form, _("Deze herstelcode klopt niet of is al gebruikt.")
    ):
        mark_verified(request, user)
        left = recovery_codes_left(user)
        messages.warning(
            request,
            ngettext(
                "U heeft een herstelcode gebruikt. U heeft nog %(left)s code over.",
                "U heeft een herstelcode gebruikt. U heeft nog %(left)s codes over.",
                left,
            )
            % {"left": left},
        )
        return redirect(next_url or landing_url(user))
    return _page(request, "second_factor_recover.html", {}, form)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """Set up the app: scan the QR code or type the secret, then prove it with a code."""
    user = request.user
    next_url = _safe_next(request)
    if not rules.second_factor_required(user):
        return redirect(landing_url(user))
    if app_device(user) is not None:
        # Set up already: a new app only after an administrator removed the old one.
        if rules.awaits_second_factor(user):
            return _to("second_factor", next_url)
        return redirect("second_factor_codes")
    device = app_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid() and _check(device, form, WRONG_CODE):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        codes = new_recovery_codes(user)
        mark_verified(request, user)
        context = {"codes": codes, "next": next_url or landing_url(user), "first": True}
        return render(request, "registration/second_factor_codes_new.html", context)
    context = {"secret": secret_text(device), "qr": qr_data_uri(device)}
    return _page(request, "second_factor_setup.html", context, form)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@second_step_required
def codes(request: HttpRequest) -> HttpResponse:
    """How many recovery codes are left; new ones replace them all."""
    user = request.user
    if not rules.second_factor_required(user):
        return redirect(landing_url(user))
    if request.method == "POST":
        context = {"codes": new_recovery_codes(user), "next": landing_url(user), "first": False}
        return render(request, "registration/second_factor_codes_new.html", context)
    return render(
        request, "registration/second_factor_codes.html", {"left": recovery_codes_left(user)}
    )
