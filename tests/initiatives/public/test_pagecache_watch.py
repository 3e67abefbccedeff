"""The page cache's watch list (pagecache.WATCHED_TABLES) matches the database and the pages.

A cached page is renewed only when a watched table changes. If a page starts to show a
table that is not watched, or a migration loses a trigger (SQLite drops a table's triggers
when it rebuilds the table), pages would be served stale: these tests fail instead.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from budgets.models import Contribution, Grant
from initiatives import services
from initiatives.models import EntryKind
from initiatives.pagecache import WATCHED_TABLES
from tests.factories import (
    BudgetPotFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    InitiatorFactory,
    PartnerFactory,
    TimelineEntryFactory,
    broker_of,
    priority,
)

pytestmark = pytest.mark.django_db

TRIGGER_SUFFIX = "changes_data_version"
# Read by every cached page to build its key; it is what the triggers raise.
NOT_SHOWN = {"initiatives_dataversion"}
# A value for every query parameter a cached page understands; a new parameter needs one.
SAMPLE_QUERY = {
    "q": "speeltuin",
    "wijk": "poelenburg",
    "priority": "kinderen",
    "status": "intake",
    "ordering": "support",
    "page": "1",
    "period": "all",
    "sort": "total",
    "dir": "desc",
    "columns": "money",
    "kaart": "supports",  # the map's figure (maps app)
}
TABLE = re.compile(r'\b(?:FROM|JOIN)\s+"?([a-z0-9_]+)"?', re.IGNORECASE)


def _triggers() -> dict[str, set[str]]:
    """Per table, the trigger definitions (lower case) that raise the data version."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND t.tgname LIKE %s",
                [f"%{TRIGGER_SUFFIX}"],
            )
        else:
            cursor.execute(
                "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"%{TRIGGER_SUFFIX}"],
            )
        found: dict[str, set[str]] = {}
        for table, definition in cursor.fetchall():
            found.setdefault(table, set()).add(" ".join(definition.lower().split()))
        return found


def _update_clause(columns: tuple[str, ...] | None) -> str:
    return "update" if columns is None else "update of " + ", ".join(columns)


def test_every_watched_table_has_its_triggers_in_the_database():
    triggers = _triggers()
    assert set(triggers) == set(WATCHED_TABLES)
    every_update = re.compile(r"\bupdate\b(?! of)")
    for table, columns in WATCHED_TABLES.items():
        # The events: what comes before "ON <table>" (the body may say "do update" too).
        definitions = " | ".join(head.split(f" on {table}")[0] for head in triggers[table])
        assert re.search(r"\binsert\b", definitions), table
        assert re.search(r"\bdelete\b", definitions), table
        if columns is None:
            assert every_update.search(definitions), table
        else:
            # Only these columns: no trigger may fire on every update (a log-in).
            assert "update of " + ", ".join(columns) in definitions, table
            assert not every_update.search(definitions), table


def test_every_trigger_raises_a_scope_too():
    """Pages of one wijk or period key on the scopes (migration 0018): a trigger that raised
    only the data version would leave them stale. On PostgreSQL the functions that note a
    change note its scope (``global`` unless scoped)."""
    for table, definitions in _triggers().items():
        for definition in definitions:
            if connection.vendor == "postgresql":
                assert re.search(r"wijkaanpak_note_(scoped_)?change\(", definition), table
            else:
                assert "insert into initiatives_scopeversion" in definition, (table, definition)


def _cached_views() -> list[tuple[str, list[str], frozenset[str]]]:
    """(URL name, its arguments, query parameters) of every view served from the cache."""
    found = []

    def walk(patterns, namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix)
            elif isinstance(pattern, URLPattern) and hasattr(pattern.callback, "page_cache_query"):
                found.append(
                    (
                        namespace + pattern.name,
                        list(pattern.pattern.converters),
                        pattern.callback.page_cache_query,
                    )
                )

    walk(get_resolver().url_patterns)
    return found


def test_the_cached_pages_read_only_watched_tables(settings, wijk_a):
    settings.PAGE_CACHE_SECONDS = 0  # render every time: this is about what a render reads
    broker = broker_of(wijk_a, first_name="Anna", last_name="Makelaar")
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, published=True, public_title="Speeltuin opknappen"
    )
    initiative.priorities.add(priority("kinderen"))
    InitiatorFactory(initiative=initiative)
    TimelineEntryFactory(initiative=initiative, kind=EntryKind.PUBLIC_UPDATE, actor=broker)
    InitiativePartnerFactory(initiative=initiative)
    services.add_support(initiative, "browser-key")
    pot = BudgetPotFactory(neighbourhood=wijk_a, amount=1000, granted=100)
    Grant.objects.create(initiative=initiative, pot=pot, amount=100)
    Contribution.objects.create(
        initiative=initiative, partner=PartnerFactory(), kind="money", value=50
    )
    arguments = {"pk": initiative.pk, "slug": wijk_a.slug}

    views = _cached_views()
    assert len(views) >= 6  # home, list, initiative, wijken, wijk, its open data
    read: set[str] = set()
    for name, names, parameters in views:
        url = reverse(name, kwargs={key: arguments[key] for key in names})
        missing = parameters - set(SAMPLE_QUERY)
        assert not missing, f"{name}: give SAMPLE_QUERY a value for {missing}"
        for query in ("", "&".join(f"{key}={SAMPLE_QUERY[key]}" for key in sorted(parameters))):
            with CaptureQueriesContext(connection) as queries:
                response = Client().get(f"{url}?{query}" if query else url)
            assert response.status_code == 200, (name, query)
            if response.streaming:
                b"".join(response.streaming_content)
            for captured in queries.captured_queries:
                read.update(TABLE.findall(captured["sql"]))
    assert read - NOT_SHOWN <= set(WATCHED_TABLES), sorted(read - NOT_SHOWN - set(WATCHED_TABLES))
