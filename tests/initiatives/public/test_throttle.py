import datetime as dt

import pytest
from django.test import RequestFactory

from initiatives import throttle
from initiatives.models import ThrottleBucket

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 2, 10, 30, tzinfo=dt.UTC)
LIMIT = throttle.Limit("test", "THROTTLE_TEST", 3, throttle.HOUR)


def request(remote_addr: str = "192.0.2.10", forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_hits_up_to_the_limit_pass_and_the_next_is_refused():
    assert [throttle.hit(LIMIT, "a", now=NOW) for _ in range(4)] == [True, True, True, False]
    assert ThrottleBucket.objects.get().hits == 4


def test_a_new_window_starts_counting_again():
    for _ in range(4):
        throttle.hit(LIMIT, "a", now=NOW)
    assert throttle.hit(LIMIT, "a", now=NOW + dt.timedelta(hours=1))


def test_values_are_counted_apart_and_case_insensitively():
    for _ in range(3):
        throttle.hit(LIMIT, "Fatima@Example.nl", now=NOW)
    assert not throttle.hit(LIMIT, "fatima@example.nl", now=NOW)
    assert throttle.hit(LIMIT, "jan@example.nl", now=NOW)


def test_the_limit_is_a_setting(settings):
    settings.THROTTLE_TEST = 1
    assert throttle.hit(LIMIT, "a", now=NOW)
    assert not throttle.hit(LIMIT, "a", now=NOW)


def test_state_is_a_row_in_the_database_without_the_raw_value():
    throttle.hit(LIMIT, "198.51.100.7", now=NOW)
    bucket = ThrottleBucket.objects.get()
    assert bucket.scope == "test"
    assert "198.51.100.7" not in bucket.key_hash
    assert len(bucket.key_hash) == 64
    assert bucket.window_start == dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def test_a_counter_another_worker_created_is_incremented_not_duplicated():
    """Another process created this window's row between our UPDATE and INSERT."""
    ThrottleBucket.objects.create(
        scope="test",
        key_hash=throttle.key_hash("test", "a"),
        window_start=throttle.window_start(NOW, LIMIT.period),
        hits=3,
    )
    assert not throttle.hit(LIMIT, "a", now=NOW)
    assert ThrottleBucket.objects.get().hits == 4


def test_expired_windows_are_pruned():
    throttle.hit(LIMIT, "a", now=NOW - dt.timedelta(days=2))
    throttle.hit(LIMIT, "b", now=NOW)
    assert ThrottleBucket.objects.count() == 1


def test_allow_counts_every_check_and_skips_empty_values():
    assert throttle.allow((LIMIT, "a"), (LIMIT, ""))
    assert ThrottleBucket.objects.count() == 1


def test_client_address_is_remote_addr_without_proxies(settings):
    settings.PROXY_COUNT = 0
    assert throttle.client_address(request("192.0.2.10", "203.0.113.5")) == "192.0.2.10"


def test_client_address_is_the_rightmost_untrusted_forwarded_entry(settings):
    settings.PROXY_COUNT = 1
    # The client wrote "1.1.1.1" itself; our one proxy appended the real peer.
    assert throttle.client_address(request("10.0.0.1", "1.1.1.1, 203.0.113.5")) == "203.0.113.5"
    settings.PROXY_COUNT = 2
    assert throttle.client_address(request("10.0.0.1", "1.1.1.1, 203.0.113.5, 10.0.0.2")) == (
        "203.0.113.5"
    )


def test_a_missing_or_garbled_forwarded_header_falls_back_safely(settings):
    settings.PROXY_COUNT = 2
    assert throttle.client_address(request("10.0.0.1", "203.0.113.5")) == "10.0.0.1"
    assert throttle.client_address(request("10.0.0.1", "<script>, x")) == "unknown"


def test_ipv6_clients_are_counted_per_64_block(settings):
    settings.PROXY_COUNT = 0
    assert throttle.client_address(request("2001:db8:1:2:3:4:5:6")) == "2001:db8:1:2::/64"
