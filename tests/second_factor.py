"""Helpers for tests of pages behind the second factor.

``verify_session`` gives a logged-in test client the session mark the second step leaves,
exactly as ``wijkaanpak.second_factor.mark_verified`` does: the enforcement is untouched, the
test only skips typing the code. ``CheckedClient.force_login`` (tests/conftest.py) calls it
unless ``second_factor=False``.
"""

from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.second_factor import SESSION_KEY

# A fixed secret (hex) for tests that type real codes.
KEY = "3132333435363738393031323334353637383930"


def verify_session(client, user) -> None:
    session = client.session
    session[SESSION_KEY] = user.pk
    session.save()


def app_device(user, key: str = KEY) -> TOTPDevice:
    """The user's confirmed app, with the test secret."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="app", defaults={"key": key, "confirmed": True}
    )
    return device


def code_for(device: TOTPDevice) -> str:
    """A code the app shows now that the device still accepts.

    A code works once; a second log-in within the same 30 seconds takes the next one, which
    the device allows (it tolerates one step of clock difference).
    """
    device.refresh_from_db()
    now = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()
    offset = max(0, device.last_t + 1 - now)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift + offset)
    return f"{totp.token():0{device.digits}d}"


def finish_log_in(client, response):
    """After the password: type the code when the site asks for it; the response after."""
    step = reverse("second_factor")
    if response.status_code != 302 or not response["Location"].startswith(step):
        return response
    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    next_url = parse_qs(urlsplit(response["Location"]).query).get("next", [""])[0]
    return client.post(step, {"code": code_for(app_device(user)), "next": next_url})
