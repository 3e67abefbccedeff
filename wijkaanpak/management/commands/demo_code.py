"""Print the code the demo log-ins' app shows now (a laptop only: DEBUG must be on)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from wijkaanpak.second_factor import demo_device, secret_text


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo users from seed_demo (DEBUG only)."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "demo_code is for the demo log-ins on a laptop: run it with DEBUG=1."
            )
        device = demo_device()
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
        left = device.step - int(time.time() - device.t0) % device.step
        later = TOTP(device.bin_key, device.step, device.t0, device.digits, drift=1)
        self.stdout.write(f"Code now: {totp.token():06d} (for {left} more seconds)")
        self.stdout.write(f"Next code: {later.token():06d} (also accepted now)")
        self.stdout.write(f"The demo app secret, for an authenticator app: {secret_text(device)}")
