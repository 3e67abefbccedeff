import os

import pytest
from django.test import Client

from initiatives.rules import Role
from tests.checks import CHROMIUM, IN_CI, HTMLCollector
from tests.factories import NeighbourhoodFactory, UserFactory, broker_of


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    config.html_collector = None
    # Hashing demo passwords properly costs ~0.3 s each; tests only need them to match.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def html_collector(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    collector = HTMLCollector(tmp_path_factory.mktemp("html"))
    request.config.html_collector = collector
    return collector


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Validate every page the suite rendered with the Nu HTML checker; zero errors allowed."""
    collector = getattr(session.config, "html_collector", None)
    if collector is None or not collector.sources:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    try:
        errors = collector.validate()
    except FileNotFoundError as missing:
        if IN_CI:
            reporter.write_line(f"HTML check could not run: {missing}", red=True)
            session.exitstatus = 1
        else:
            reporter.write_line(f"HTML check skipped: {missing}", yellow=True)
        return
    reporter.write_line(
        f"Nu HTML checker: {len(collector.sources)} distinct pages, {len(errors)} error(s)"
    )
    if errors:
        for line in errors:
            reporter.write_line(line, red=True)
        session.exitstatus = 1


class CheckedClient(Client):
    """The test client, handing every HTML response to the HTML checker."""

    collector: HTMLCollector | None = None

    def request(self, **request):
        response = super().request(**request)
        content_type = response.get("Content-Type", "")
        if (
            self.collector is not None
            and content_type.startswith("text/html")
            and not getattr(response, "streaming", False)
            and response.content
        ):
            path = request.get("PATH_INFO", "?")
            self.collector.add(response.content.decode(), f"{request['REQUEST_METHOD']} {path}")
        return response


@pytest.fixture
def client(html_collector: HTMLCollector) -> CheckedClient:
    checked = CheckedClient()
    checked.collector = html_collector
    return checked


# --- The cast: one user per role ------------------------------------------------------


@pytest.fixture
def wijk_a(db):
    return NeighbourhoodFactory(name="Poelenburg", slug="poelenburg")


@pytest.fixture
def wijk_b(db):
    return NeighbourhoodFactory(name="Kogerveld", slug="kogerveld")


@pytest.fixture
def broker_a(wijk_a):
    """A social broker who works in wijk A."""
    return broker_of(wijk_a, username="broker_a", first_name="Anna", last_name="Makelaar")


@pytest.fixture
def broker_b(wijk_b):
    """A social broker who works in wijk B only."""
    return broker_of(wijk_b, username="broker_b", first_name="Bram", last_name="Makelaar")


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordinator", first_name="Chris", roles=[Role.COORDINATOR])


@pytest.fixture
def council_member(db):
    return UserFactory(username="raadslid", first_name="Rita", roles=[Role.COUNCIL])


@pytest.fixture
def administrator(db):
    """A functional administrator: manages reference data in the admin, not initiatives."""
    return UserFactory(username="beheerder", is_staff=True, roles=[Role.ADMINISTRATOR])


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


# --- Browser tests ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not os.path.exists(CHROMIUM):
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def checked_page(page, html_collector: HTMLCollector):
    """A Playwright page whose every HTML document is also sent to the HTML checker."""

    def collect(response) -> None:
        if response.request.resource_type != "document":
            return
        if not response.headers.get("content-type", "").startswith("text/html"):
            return
        html_collector.add(response.text(), f"browser {response.request.method} {response.url}")

    page.on("response", collect)
    return page
