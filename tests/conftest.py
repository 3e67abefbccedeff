import importlib
import os
import tempfile
from pathlib import Path

import pytest
from django.test import Client

from initiatives.rules import Role
from tests.checks import CHROMIUM, IN_CI, HTMLCollector, assert_accessible
from tests.factories import NeighbourhoodFactory, UserFactory, broker_of
from tests.second_factor import verify_session


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # Hashing demo passwords properly costs ~0.3 s each; tests only need them to match.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # No test writes uploaded files into the work tree; tests of attachments take a
    # folder of their own (the ``media`` fixture).
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="wijkaanpak-media-")


def _html_directory(config: pytest.Config) -> Path:
    """One directory for the whole run; xdist workers' temp dirs share the parent."""
    base = config._tmp_path_factory.getbasetemp()
    if hasattr(config, "workerinput"):
        base = base.parent
    return base / "html-pages"


@pytest.fixture(scope="session")
def html_collector(request: pytest.FixtureRequest) -> HTMLCollector:
    return HTMLCollector(_html_directory(request.config))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Validate every page the suite rendered with the Nu HTML checker; zero errors allowed."""
    if hasattr(session.config, "workerinput"):
        return  # the controlling process checks the pages of all workers at once
    directory = _html_directory(session.config)
    if not directory.exists():
        return
    collector = HTMLCollector(directory)
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
        f"Nu HTML checker: {collector.count()} distinct pages, {len(errors)} error(s)"
    )
    if errors:
        for line in errors:
            reporter.write_line(line, red=True)
        session.exitstatus = 1


class CheckedClient(Client):
    """The test client, handing every HTML response to the HTML checker.

    ``force_login`` also gives the session the second factor (tests/second_factor.py);
    ``force_login(user, second_factor=False)`` is a user who typed only the password.
    """

    collector: HTMLCollector | None = None

    def force_login(self, user, backend=None, *, second_factor: bool = True) -> None:
        super().force_login(user, backend)
        if second_factor:
            verify_session(self, user)

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


@pytest.fixture(autouse=True)
def _default_face():
    """Every test starts with the default face in the cache, as a running site has it.

    (A page then costs no query for it, as in production; a test that saves the site
    settings drops the cached copy through the model's signal, as the admin does.)
    """
    from django.core.cache import cache

    from wijkaanpak import face

    cache.set(face.CACHE_KEY, face.defaults(), face.CACHE_SECONDS)


@pytest.fixture(autouse=True)
def _source_language_between_tests():
    """A request in English leaves English active in the thread; the next test starts Dutch.

    (Tests that call services directly read their messages in the active language.)
    """
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


# --- Reference data after a flush ------------------------------------------------------


def restore_reference_data() -> None:
    """Put back what data migrations create (priorities, role groups and their permissions).

    A transactional test (every browser test, through live_server) ends with a flush that
    empties every table; Django recreates content types and permissions, not our rows.
    """
    from django.contrib.auth.models import Group, Permission

    from neighbourhoods.models import Priority

    priorities = importlib.import_module("neighbourhoods.migrations.0002_priorities")
    roles = importlib.import_module("initiatives.migrations.0002_roles")
    for values in priorities.PRIORITIES:
        Priority.objects.update_or_create(slug=values["slug"], defaults=values)
    for name, codenames in roles.ADMIN_PERMISSIONS.items():
        if isinstance(codenames, str):  # "same as that role"
            codenames = roles.ADMIN_PERMISSIONS[codenames]
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    for app_label in ("budgets", "answers", "assessments"):
        app_roles = importlib.import_module(f"{app_label}.migrations.0002_roles")
        for name, codenames in app_roles.ADMIN_PERMISSIONS.items():
            Group.objects.get(name=name).permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


@pytest.fixture(autouse=True)
def _reference_data_in_transactional_tests(request: pytest.FixtureRequest) -> None:
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        restore_reference_data()


# --- Assessment criteria: off unless a test asks for them ---------------------------------


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker) -> None:
    """Switch off the criteria the data migration seeds (assessments 0003), once per run.

    With active criteria, declining, approving and granting ask for scores; tests of those
    moves that are not about the assessment post without them. Tests of the assessment ask
    for the ``criteria`` fixture, which switches them on again inside the test.
    """
    from assessments.models import Criterion

    with django_db_blocker.unblock():
        Criterion.objects.update(is_active=False)


@pytest.fixture
def criteria(db) -> list:
    """The five seeded criteria, in use (see django_db_setup above), in their order."""
    from assessments.models import Criterion

    Criterion.objects.update(is_active=True)
    return list(Criterion.objects.all())


# --- The cast: one user per role ------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path) -> Path:
    """A folder of its own for this test's uploaded files (attachments)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


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
        if response.request.resource_type != "document" or 300 <= response.status < 400:
            return  # redirects have no body to check
        if not response.headers.get("content-type", "").startswith("text/html"):
            return
        html_collector.add(response.text(), f"browser {response.request.method} {response.url}")

    page.on("response", collect)
    return page


@pytest.fixture
def axe(browser):
    """axe for a page without JavaScript (axe needs it): the very HTML that page got, served
    again to a scripted page at the same address, where axe runs."""
    context = browser.new_context()
    axe_page = context.new_page()

    def check(page) -> None:
        html = page.content()
        url = page.url.split("#")[0]
        axe_page.route(
            url,
            lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8", body=html
            ),
        )
        axe_page.goto(url)
        axe_page.unroute(url)
        assert_accessible(axe_page)

    yield check
    context.close()
