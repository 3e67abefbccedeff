"""Staff accounts: log-in, password reset and change, and what keeps guessing slow.

Three limits stop password guessing, each counted in the database so they hold across
gunicorn workers and machines:

- django-axes locks a user name per client address (``lockout_address``: IPv6 per /64, as the
  form throttles count it);
- ``AccountThrottleBackend`` counts each user name's failures from every address: after
  ``LOGIN_ACCOUNT_FREE_FAILURES`` the next attempt waits, 30 seconds doubling up to
  ``LOGIN_ACCOUNT_MAX_DELAY_MINUTES``. A browser that logged in to the account before (it
  holds a signed cookie) never waits, so an attacker elsewhere cannot keep the real user out;
- password-reset requests are limited per address and per e-mail address.

Staff and council sessions end after ``STAFF_SESSION_IDLE_MINUTES`` without a request and
``STAFF_SESSION_MAX_HOURS`` after log-in (``session_limits``). A new password ends every
other session of the account (Django checks the password's hash on each request).
"""

import ipaddress
import math
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import logout, password_validation
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.http import urlencode
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from initiatives import rules, throttle
from wijkaanpak.forms import StyledFormMixin
from wijkaanpak.models import LoginFailures

# --- Who is guessing ------------------------------------------------------------------------


def lockout_address(request: HttpRequest) -> str:
    """The client address django-axes locks: IPv6 clients as their /64's first address.

    A household or a server gets a whole /64; counting each of its addresses apart gave an
    attacker endless tries. The first address of the network is itself a valid address, so
    axes can store it as one.
    """
    address = throttle.client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def _account_key(username: str) -> str:
    return salted_hmac(
        "wijkaanpak.login-account", username.strip().lower(), algorithm="sha256"
    ).hexdigest()


# --- Per account, across addresses ---------------------------------------------------------

FIRST_DELAY = timedelta(seconds=30)
FORGET_AFTER = timedelta(days=1)
KNOWN_BROWSER_COOKIE = "wijkaanpak_known"
KNOWN_BROWSER_SALT = "wijkaanpak.known-browser"
KNOWN_BROWSER_DAYS = 90
KNOWN_BROWSER_MAX_ACCOUNTS = 5


def account_delay(failures: int) -> timedelta:
    """How long the next attempt waits after ``failures`` failures of one user name."""
    free = settings.LOGIN_ACCOUNT_FREE_FAILURES
    if failures < free:
        return timedelta(0)
    longest = timedelta(minutes=settings.LOGIN_ACCOUNT_MAX_DELAY_MINUTES)
    return min(longest, FIRST_DELAY * 2 ** min(failures - free, 20))


def _known_accounts(request: HttpRequest) -> list[str]:
    """The accounts (as key hashes) that logged in from this browser before."""
    value = request.COOKIES.get(KNOWN_BROWSER_COOKIE, "")
    try:
        known = signing.loads(
            value, salt=KNOWN_BROWSER_SALT, max_age=timedelta(days=KNOWN_BROWSER_DAYS)
        )
    except signing.BadSignature:
        return []
    return [key for key in known if isinstance(key, str)] if isinstance(known, list) else []


def remember_browser(request: HttpRequest, response: HttpResponse, username: str) -> None:
    """Mark this browser as one the account logs in from: it never waits for the account."""
    key = _account_key(username)
    known = [key] + [other for other in _known_accounts(request) if other != key]
    response.set_cookie(
        KNOWN_BROWSER_COOKIE,
        signing.dumps(known[:KNOWN_BROWSER_MAX_ACCOUNTS], salt=KNOWN_BROWSER_SALT),
        max_age=KNOWN_BROWSER_DAYS * 86400,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


class AccountThrottleBackend:
    """Refuses an attempt while its user name must wait; authenticates nobody itself.

    Placed after axes and before ModelBackend. It has no ``get_user``: no session is ever
    tied to it (and ``force_login`` skips it). A refusal raises PermissionDenied, which
    makes ``authenticate()`` stop before any password is checked; ``request.account_wait``
    then tells the log-in form why. When the wait is over, the attempt claims the next slot
    in one conditional UPDATE, so a burst from many addresses gets one try, not one each.
    """

    def authenticate(self, request: HttpRequest | None, username: str | None = None, **kwargs):
        if request is None or not username:
            return None
        key = _account_key(username)
        if key in _known_accounts(request):
            return None
        now = timezone.now()
        row = LoginFailures.objects.filter(key_hash=key).first()
        if row is None or row.failures < settings.LOGIN_ACCOUNT_FREE_FAILURES:
            return None
        if row.last_failure_at < now - FORGET_AFTER:
            return None
        claimed = LoginFailures.objects.filter(pk=row.pk, next_attempt_at__lte=now).update(
            next_attempt_at=now + account_delay(row.failures + 1)
        )
        if not claimed:
            request.account_wait = row.next_attempt_at - now
            raise PermissionDenied
        return None


@receiver(user_login_failed)
def count_failure(sender, credentials: dict, request: HttpRequest | None = None, **kwargs):
    """One more failure for the user name, unless the attempt was refused unchecked."""
    username = credentials.get("username")
    if request is None or not username:
        return
    if getattr(request, "account_wait", None) or getattr(request, "axes_locked_out", False):
        return
    key = _account_key(username)
    now = timezone.now()
    with transaction.atomic():
        LoginFailures.objects.filter(last_failure_at__lt=now - FORGET_AFTER).delete()
        rows = LoginFailures.objects.filter(key_hash=key)
        if not rows.update(failures=F("failures") + 1, last_failure_at=now):
            try:
                with transaction.atomic():
                    LoginFailures.objects.create(
                        key_hash=key, failures=1, last_failure_at=now, next_attempt_at=now
                    )
            except IntegrityError:  # another worker created it first
                rows.update(failures=F("failures") + 1, last_failure_at=now)
        failures = rows.values_list("failures", flat=True).get()
        rows.update(next_attempt_at=now + account_delay(failures))


@receiver(user_logged_in)
def forget_failures(sender, request: HttpRequest | None, user, **kwargs) -> None:
    LoginFailures.objects.filter(key_hash=_account_key(user.get_username())).delete()


# --- Session limits for staff and council ---------------------------------------------------

LOGGED_IN_AT = "wijkaanpak.logged_in_at"
SEEN_AT = "wijkaanpak.seen_at"
# The last-seen moment is written at most this often, so a busy user's requests do not each
# save the session.
SEEN_RESOLUTION = 60


@receiver(user_logged_in)
def start_session_clock(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    now = int(timezone.now().timestamp())
    request.session[LOGGED_IN_AT] = request.session[SEEN_AT] = now
    if rules.has_staff_account(user):
        # The cookie and the session row go at the absolute limit too.
        request.session.set_expiry(settings.STAFF_SESSION_MAX_HOURS * 3600)


def session_limits(get_response):
    """Log out a staff or council user whose session was idle or is a working day old.

    After AuthenticationMiddleware and MessageMiddleware. The request goes on anonymous: a
    page that needs the account sends the user to the log-in page (and back afterwards).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and rules.has_staff_account(user):
            now = int(timezone.now().timestamp())
            logged_in_at = request.session.get(LOGGED_IN_AT, 0)
            seen_at = request.session.get(SEEN_AT, 0)
            idle = now - seen_at >= settings.STAFF_SESSION_IDLE_MINUTES * 60
            if idle or now - logged_in_at >= settings.STAFF_SESSION_MAX_HOURS * 3600:
                logout(request)
                if idle:
                    text = ngettext(
                        "U bent uitgelogd omdat u %(minutes)s minuut niets heeft gedaan.",
                        "U bent uitgelogd omdat u %(minutes)s minuten niets heeft gedaan.",
                        settings.STAFF_SESSION_IDLE_MINUTES,
                    ) % {"minutes": settings.STAFF_SESSION_IDLE_MINUTES}
                else:
                    text = _("U was lang ingelogd. Log opnieuw in.")
                messages.info(request, text)
                if request.method not in ("GET", "HEAD"):
                    login = reverse("login")
                    return redirect(f"{login}?{urlencode({'next': request.path})}")
            elif now - seen_at >= SEEN_RESOLUTION:
                request.session[SEEN_AT] = now
        return get_response(request)

    return middleware


def _wait_text(wait: timedelta) -> str:
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return ngettext(
        "Er is vaak geprobeerd om op dit account in te loggen. Wacht %(minutes)s minuut en "
        "probeer het dan opnieuw.",
        "Er is vaak geprobeerd om op dit account in te loggen. Wacht %(minutes)s minuten en "
        "probeer het dan opnieuw.",
        minutes,
    ) % {"minutes": minutes}


# --- Forms ----------------------------------------------------------------------------------


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with its message in our words: Django 6.1 changed the message's text and
    its Dutch translation does not have the new one yet (the page showed it in English)."""

    def get_error_message(self) -> str:
        return ngettext(
            "Dit wachtwoord is te kort. Gebruik minimaal %(min_length)s teken.",
            "Dit wachtwoord is te kort. Gebruik minimaal %(min_length)s tekens.",
            self.min_length,
        ) % {"min_length": self.min_length}


class LoginForm(StyledFormMixin, auth_forms.AuthenticationForm):
    def get_invalid_login_error(self) -> ValidationError:
        wait = getattr(self.request, "account_wait", None)
        if wait:
            return ValidationError(_wait_text(wait), code="account_wait")
        return super().get_invalid_login_error()


class PasswordResetForm(StyledFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(StyledFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(StyledFormMixin, auth_forms.PasswordChangeForm):
    pass


# --- Log-in ---------------------------------------------------------------------------------


class LoginView(auth_views.LoginView):
    """Django's log-in in the site's look; brokers land on their werkvoorraad."""

    form_class = LoginForm

    def get_default_redirect_url(self) -> str:
        if rules.can_use_workspace(self.request.user):
            return reverse("initiatives:workspace")
        return super().get_default_redirect_url()

    def form_valid(self, form: LoginForm) -> HttpResponse:
        from wijkaanpak.second_factor import redirect_to_second_step

        user = form.get_user()
        response = super().form_valid(form)
        if rules.second_factor_required(user):
            # Logged in, with no rights yet: the code from the app comes next.
            response = redirect_to_second_step(self.get_redirect_url())
        remember_browser(self.request, response, user.get_username())
        return response

    def form_invalid(self, form: LoginForm) -> HttpResponse:
        response = super().form_invalid(form)
        if getattr(self.request, "account_wait", None):
            response.status_code = 429
        return response


# --- Password reset -------------------------------------------------------------------------

RESET_PER_ADDRESS = throttle.Limit(
    "reset-address", "THROTTLE_RESET_PER_ADDRESS_HOUR", 5, throttle.HOUR
)
RESET_PER_EMAIL = throttle.Limit("reset-email", "THROTTLE_RESET_PER_EMAIL_DAY", 3, throttle.DAY)
RESET_THROTTLED = _("Er zijn net veel aanvragen gedaan. Probeer het over een uur opnieuw.")


def _reset_users(email: str) -> list:
    """Active users with this address who may reset a password (Django's own rules)."""
    return list(PasswordResetForm(data={"email": email}).get_users(email))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def password_reset(request: HttpRequest) -> HttpResponse:
    """Ask for a reset link. The same answer for every address; the mail goes through tasks."""
    from wijkaanpak.tasks import send_password_reset

    form = PasswordResetForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return render(request, "registration/password_reset_form.html", {"form": form})
    email = form.cleaned_data["email"]
    if not throttle.allow(
        (RESET_PER_ADDRESS, throttle.client_address(request)), (RESET_PER_EMAIL, email)
    ):
        form.add_error(None, RESET_THROTTLED)
        context = {"form": form}
        return render(request, "registration/password_reset_form.html", context, status=429)
    for user in _reset_users(email):
        send_password_reset.enqueue(
            user_id=user.pk,
            domain=request.get_host(),
            use_https=request.is_secure(),
            language=get_language(),
        )
    return redirect("password_reset_done")
