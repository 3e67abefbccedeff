"""Throttling for the anonymous forms, with its state in the database.

Several gunicorn workers (and containers) serve the site, so a counter in process memory
would let a bot get N times the limit; a row per client and window in the shared database
does not. Counters use fixed windows: simple, and good enough to stop a flood while never
blocking an honest resident's first submission.

Clients are identified by an HMAC of "scope:value" (keyed with SECRET_KEY): the table never
holds an address or an e-mail, and a leaked table cannot be reversed by hashing every IPv4.
"""

import ipaddress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from initiatives.models import ThrottleBucket

HOUR = 3600
DAY = 86400


@dataclass(frozen=True)
class Limit:
    scope: str
    setting: str
    default: int
    period: int  # seconds

    @property
    def hits(self) -> int:
        return getattr(settings, self.setting, self.default)


# Limits are settings (THROTTLE_*), so an event in a community centre behind one address
# can be given room without a code change.
SUBMIT_PER_ADDRESS = Limit("submit-address", "THROTTLE_SUBMIT_PER_ADDRESS_HOUR", 5, HOUR)
SUBMIT_PER_EMAIL = Limit("submit-email", "THROTTLE_SUBMIT_PER_EMAIL_DAY", 3, DAY)
SUPPORT_PER_ADDRESS = Limit("support-address", "THROTTLE_SUPPORT_PER_ADDRESS_HOUR", 30, HOUR)
VERIFY_PER_ADDRESS = Limit("verify-address", "THROTTLE_VERIFY_PER_ADDRESS_HOUR", 10, HOUR)
VERIFY_PER_EMAIL = Limit("verify-email", "THROTTLE_VERIFY_PER_EMAIL_DAY", 10, DAY)
HELP_PER_ADDRESS = Limit("help-address", "THROTTLE_HELP_PER_ADDRESS_HOUR", 10, HOUR)
HELP_PER_EMAIL = Limit("help-email", "THROTTLE_HELP_PER_EMAIL_DAY", 5, DAY)
FOLLOW_PER_ADDRESS = Limit("follow-address", "THROTTLE_FOLLOW_PER_ADDRESS_HOUR", 10, HOUR)
FOLLOW_PER_EMAIL = Limit("follow-email", "THROTTLE_FOLLOW_PER_EMAIL_DAY", 3, DAY)

# Buckets older than the longest period are useless; they are pruned as new hits come in.
LONGEST_PERIOD = timedelta(seconds=DAY)


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the proxies' view of it behind PROXY_COUNT proxies.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For,
    so the client is the entry PROXY_COUNT places from the right; anything further left was
    written by the client and cannot be trusted. django-axes uses this too
    (AXES_CLIENT_IP_CALLABLE), so log-in lock-outs and form limits agree on who is who.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address


def client_address(request: HttpRequest) -> str:
    """The address to throttle: ``client_ip``, with IPv6 clients counted per /64 (a household)."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def key_hash(scope: str, value: str) -> str:
    return salted_hmac("wijkaanpak.throttle", f"{scope}:{value}", algorithm="sha256").hexdigest()


def window_start(now: datetime, period: int) -> datetime:
    seconds = int(now.timestamp()) // period * period
    return datetime.fromtimestamp(seconds, tz=UTC)


def hit(limit: Limit, value: str, *, now: datetime | None = None) -> bool:
    """Count one attempt by ``value`` (an address or e-mail); False when over the limit."""
    now = now or timezone.now()
    start = window_start(now, limit.period)
    key = key_hash(limit.scope, value.strip().lower())
    with transaction.atomic():
        bucket = ThrottleBucket.objects.filter(key_hash=key, window_start=start)
        if not bucket.update(hits=F("hits") + 1):
            try:
                # Two workers may both find no row; the unique constraint lets one create it
                # and sends the other back to the atomic UPDATE.
                with transaction.atomic():
                    ThrottleBucket.objects.create(
                        scope=limit.scope, key_hash=key, window_start=start, hits=1
                    )
            except IntegrityError:
                bucket.update(hits=F("hits") + 1)
        hits = bucket.values_list("hits", flat=True).get()
        ThrottleBucket.objects.filter(window_start__lt=now - LONGEST_PERIOD).delete()
    return hits <= limit.hits


def allow(*checks: tuple[Limit, str]) -> bool:
    """Count every (limit, value) pair; False when any of them is over its limit.

    All pairs are counted, even after one fails, so a bot cannot dodge the e-mail counter
    by tripping the address counter first. Empty values (no e-mail given) are skipped.
    """
    results = [hit(limit, value) for limit, value in checks if value]
    return all(results)
