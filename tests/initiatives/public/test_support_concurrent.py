"""A browser's first support click counts once, however many arrive at the same moment.

Real threads on PostgreSQL, each request in its own connection and transaction, all started
together: what a double click (or twenty) from a browser without the support cookie does.
"""

import re
import threading

import pytest
from django.db import connection
from django.test import Client

from initiatives.models import Initiative, Support
from initiatives.views.public import BROWSER_COOKIE

CLICKS = 20
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _first_visit(published) -> tuple[Client, str]:
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(f"/initiatieven/{published.pk}/")
    return browser, CSRF_FIELD.search(page.text).group(1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency needs PostgreSQL")
def test_twenty_concurrent_first_clicks_of_one_browser_add_one_support(transactional_db, published):
    browser, token = _first_visit(published)
    assert BROWSER_COOKIE not in browser.cookies
    start = threading.Barrier(CLICKS)
    statuses = []

    def click() -> None:
        tab = Client(enforce_csrf_checks=True)
        tab.cookies = browser.cookies  # the same browser: its CSRF cookie, no support cookie
        try:
            start.wait()
            response = tab.post(
                f"/initiatieven/{published.pk}/steunen/", {"csrfmiddlewaretoken": token}
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(CLICKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * CLICKS
    assert Support.objects.count() == 1
    assert Initiative.objects.get(pk=published.pk).support_count == 1


def test_the_support_cookie_keeps_the_key_when_the_csrf_cookie_changes(published):
    browser, token = _first_visit(published)
    url = f"/initiatieven/{published.pk}/steunen/"
    key = browser.post(url, {"csrfmiddlewaretoken": token}).cookies[BROWSER_COOKIE].value
    del browser.cookies["csrftoken"]  # a log-in, say, gives the browser a new one
    token = CSRF_FIELD.search(browser.get(f"/initiatieven/{published.pk}/").text).group(1)
    again = browser.post(url, {"csrfmiddlewaretoken": token})
    assert BROWSER_COOKIE not in again.cookies
    assert browser.cookies[BROWSER_COOKIE].value == key
    assert Support.objects.count() == 1
