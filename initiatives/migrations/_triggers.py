"""The data-version triggers, for migrations of every app (see 0006 and 0018).

Not a migration itself (the name starts with "_"): migrations import it, so what it writes
must keep working for every migration that ever called it. Change it only by adding.

A change to a watched table raises the data version (``initiatives_dataversion``, every
change) and one or more scopes (``initiatives_scopeversion``):

- an **unscoped** table raises ``global``: every cached page is renewed;
- a **scoped** table says how a changed row maps to a wijk and a year (``Scope``), and raises
  ``wijk:<id>`` and ``year:<year>`` for every row changed (old and new rows of an update).
  A row that maps to nothing (an initiative already gone) raises ``global``.

PostgreSQL: statement triggers note the scopes of the transaction in
``wijkaanpak_pending_change`` (scoped ones read the statement's transition table, so a bulk
insert notes each scope once); a deferred constraint trigger raises them all at commit, the
data version first and then the scopes in order, so two commits never lock them in opposite
orders. SQLite has one writer: row triggers raise them at once.

Scope years are calendar years in UTC (an initiative's ``submitted_at``; a voice's day and a
pot's year as they are): a page of a local period reads the UTC years its start and end fall
in (``pagecache``), which covers it.
"""

# SQL built from the constants below at migration time; no input ever reaches it.
# ruff: noqa: S608

from dataclasses import dataclass

RAISE_TOTAL = (
    "INSERT INTO initiatives_dataversion (id, value) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET value = initiatives_dataversion.value + 1"
)
RAISE_SQLITE = (
    "INSERT INTO initiatives_scopeversion (scope, value) SELECT scope, 1 FROM ({scopes}) "
    "WHERE true ON CONFLICT (scope) DO UPDATE SET value = initiatives_scopeversion.value + 1"
)
SQLITE_GLOBAL = "SELECT 'global' AS scope"
SQLITE_EVENTS = ("insert", "update", "delete")


@dataclass(frozen=True)
class Scope:
    """How a row of a table maps to (wijk, year).

    ``kind``: "initiative" (the initiatives table itself), "via_initiative" (``column`` holds
    an initiative's id), "via_assessment" (``column`` holds an assessment's id), "wijk_year"
    (``neighbourhood_id`` and an integer year in ``column``) or "wijk_date" (a date in
    ``column``).
    """

    kind: str
    column: str = ""

    def postgresql(self) -> str:
        """A SELECT of (wijk, year) over the transition table ``changed``."""
        year_of = "EXTRACT(YEAR FROM {} AT TIME ZONE 'UTC')::int"
        initiative = f"i.neighbourhood_id AS wijk, {year_of.format('i.submitted_at')} AS year"
        match self.kind:
            case "initiative":
                return (
                    f"SELECT neighbourhood_id AS wijk, {year_of.format('submitted_at')} AS year "
                    "FROM changed"
                )
            case "via_initiative":
                return (
                    f"SELECT {initiative} FROM changed c "
                    f"LEFT JOIN initiatives_initiative i ON i.id = c.{self.column}"
                )
            case "via_assessment":
                return (
                    f"SELECT {initiative} FROM changed c "
                    f"LEFT JOIN assessments_assessment a ON a.id = c.{self.column} "
                    "LEFT JOIN initiatives_initiative i ON i.id = a.initiative_id"
                )
            case "wijk_year":
                return f"SELECT neighbourhood_id AS wijk, {self.column}::int AS year FROM changed"
            case "wijk_date":
                return (
                    "SELECT neighbourhood_id AS wijk, "
                    f"EXTRACT(YEAR FROM {self.column})::int AS year FROM changed"
                )
        raise ValueError(self.kind)

    def sqlite(self, row: str) -> str:
        """A SELECT of (wijk, year) for the trigger's ``row`` (NEW or OLD)."""
        year_of = "CAST(strftime('%Y', {}) AS INTEGER)"
        initiative = f"i.neighbourhood_id AS wijk, {year_of.format('i.submitted_at')} AS year"
        match self.kind:
            case "initiative":
                return (
                    f"SELECT {row}.neighbourhood_id AS wijk, "
                    f"{year_of.format(f'{row}.submitted_at')} AS year"
                )
            case "via_initiative":
                return (
                    f"SELECT {initiative} FROM (SELECT {row}.{self.column} AS id) AS c "
                    "LEFT JOIN initiatives_initiative i ON i.id = c.id"
                )
            case "via_assessment":
                return (
                    f"SELECT {initiative} FROM (SELECT {row}.{self.column} AS id) AS c "
                    "LEFT JOIN assessments_assessment a ON a.id = c.id "
                    "LEFT JOIN initiatives_initiative i ON i.id = a.initiative_id"
                )
            case "wijk_year":
                return f"SELECT {row}.neighbourhood_id AS wijk, {row}.{self.column} AS year"
            case "wijk_date":
                return (
                    f"SELECT {row}.neighbourhood_id AS wijk, "
                    f"{year_of.format(f'{row}.{self.column}')} AS year"
                )
        raise ValueError(self.kind)


def scopes_of(pairs: str) -> str:
    """The scope names of a SELECT of (wijk, year): the wijk's, the year's, or ``global``."""
    return (
        "SELECT CASE WHEN s.wijk IS NULL THEN 'global' ELSE 'wijk:' || s.wijk END AS scope "
        f"FROM ({pairs}) AS s "
        f"UNION SELECT 'year:' || s.year FROM ({pairs}) AS s "
        "WHERE s.wijk IS NOT NULL AND s.year IS NOT NULL"
    )


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _update_event(columns) -> str:
    return "UPDATE" if columns is None else f"UPDATE OF {', '.join(columns)}"


# --- PostgreSQL ---------------------------------------------------------------------------

POSTGRESQL_SCOPES = """
ALTER TABLE wijkaanpak_pending_change ADD COLUMN scope text NOT NULL DEFAULT 'global';
ALTER TABLE wijkaanpak_pending_change DROP CONSTRAINT wijkaanpak_pending_change_pkey;
ALTER TABLE wijkaanpak_pending_change ADD PRIMARY KEY (txid, scope);

CREATE FUNCTION wijkaanpak_note_scoped_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE 'INSERT INTO wijkaanpak_pending_change (txid, scope) '
        || 'SELECT pg_current_xact_id(), scope FROM (' || TG_ARGV[0] || ') AS scopes '
        || 'ON CONFLICT DO NOTHING';
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION wijkaanpak_raise_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- The first of the transaction's pending rows raises them all; the others find none.
    IF NOT EXISTS (SELECT 1 FROM wijkaanpak_pending_change WHERE txid = NEW.txid) THEN
        RETURN NULL;
    END IF;
    INSERT INTO initiatives_dataversion (id, value) VALUES (1, 1)
        ON CONFLICT (id) DO UPDATE SET value = initiatives_dataversion.value + 1;
    INSERT INTO initiatives_scopeversion (scope, value)
        SELECT scope, 1 FROM wijkaanpak_pending_change WHERE txid = NEW.txid ORDER BY scope
        ON CONFLICT (scope) DO UPDATE SET value = initiatives_scopeversion.value + 1;
    DELETE FROM wijkaanpak_pending_change WHERE txid = NEW.txid;
    RETURN NULL;
END $$;
"""

POSTGRESQL_UNSCOPED_SCOPES = """
ALTER TABLE wijkaanpak_pending_change DROP CONSTRAINT wijkaanpak_pending_change_pkey;
DELETE FROM wijkaanpak_pending_change;
ALTER TABLE wijkaanpak_pending_change DROP COLUMN scope;
ALTER TABLE wijkaanpak_pending_change ADD PRIMARY KEY (txid);
DROP FUNCTION wijkaanpak_note_scoped_change();
CREATE OR REPLACE FUNCTION wijkaanpak_raise_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO initiatives_dataversion (id, value) VALUES (1, 1)
        ON CONFLICT (id) DO UPDATE SET value = initiatives_dataversion.value + 1;
    DELETE FROM wijkaanpak_pending_change WHERE txid = NEW.txid;
    RETURN NULL;
END $$;
"""


def _postgresql_scoped(table: str, scope: Scope) -> list[str]:
    argument = _literal(scopes_of(scope.postgresql()))
    statement = (
        "CREATE TRIGGER {table}_{name}_changes_data_version AFTER {event} ON {table} "
        "REFERENCING {which} TABLE AS changed FOR EACH STATEMENT "
        "EXECUTE FUNCTION wijkaanpak_note_scoped_change({argument})"
    )
    # Short names: PostgreSQL cuts identifiers at 63 characters.
    events = [("updnew", "UPDATE", "NEW"), ("updold", "UPDATE", "OLD")]
    if scope.kind == "initiative":
        # A new or deleted initiative can change the years every page offers; a moved
        # submission date too.
        sql = [
            f"CREATE TRIGGER {table}_changes_data_version AFTER INSERT OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION wijkaanpak_note_change()",
            f"CREATE TRIGGER {table}_moved_changes_data_version AFTER UPDATE ON {table} "
            "FOR EACH ROW WHEN (OLD.submitted_at IS DISTINCT FROM NEW.submitted_at) "
            "EXECUTE FUNCTION wijkaanpak_note_change()",
        ]
    else:
        sql = [
            f"CREATE TRIGGER {table}_changes_data_version AFTER TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION wijkaanpak_note_change()"
        ]
        events += [("ins", "INSERT", "NEW"), ("del", "DELETE", "OLD")]
    for name, event, which in events:
        sql.append(
            statement.format(table=table, name=name, event=event, which=which, argument=argument)
        )
    return sql


def _postgresql_names(table: str, scope: Scope | None) -> list[str]:
    if scope is None:
        return [f"{table}_changes_data_version"]
    if scope.kind == "initiative":
        names = ["", "moved_", "updnew_", "updold_"]
    else:
        names = ["", "updnew_", "updold_", "ins_", "del_"]
    return [f"{table}_{name}changes_data_version" for name in names]


# --- SQLite -------------------------------------------------------------------------------


def _sqlite_trigger(table: str, name: str, event: str, body: list[str], when: str = "") -> str:
    statements = "; ".join([RAISE_TOTAL, *body])
    return (
        f"CREATE TRIGGER {table}_{name}_changes_data_version AFTER {event} ON {table} "
        f"{when}BEGIN {statements}; END"
    )


def _sqlite_unscoped(table: str, columns) -> list[str]:
    body = [RAISE_SQLITE.format(scopes=SQLITE_GLOBAL)]
    events = ("INSERT", _update_event(columns), "DELETE")
    return [
        _sqlite_trigger(table, name, event, body)
        for name, event in zip(SQLITE_EVENTS, events, strict=True)
    ]


def _sqlite_scoped(table: str, scope: Scope) -> list[str]:
    def raise_for(row: str) -> str:
        return RAISE_SQLITE.format(scopes=scopes_of(scope.sqlite(row)))

    update = _sqlite_trigger(table, "update", "UPDATE", [raise_for("OLD"), raise_for("NEW")])
    if scope.kind == "initiative":
        everything = [RAISE_SQLITE.format(scopes=SQLITE_GLOBAL)]
        return [
            _sqlite_trigger(table, "insert", "INSERT", everything),
            update,
            _sqlite_trigger(table, "delete", "DELETE", everything),
            _sqlite_trigger(
                table,
                "moved",
                "UPDATE OF submitted_at",
                everything,
                when="WHEN OLD.submitted_at IS NOT NEW.submitted_at ",
            ),
        ]
    return [
        _sqlite_trigger(table, "insert", "INSERT", [raise_for("NEW")]),
        update,
        _sqlite_trigger(table, "delete", "DELETE", [raise_for("OLD")]),
    ]


def _sqlite_names(table: str, scope: Scope | None) -> list[str]:
    names = list(SQLITE_EVENTS)
    if scope is not None and scope.kind == "initiative":
        names.append("moved")
    return [f"{table}_{name}_changes_data_version" for name in names]


# --- For migrations -----------------------------------------------------------------------


def create(schema_editor, tables: dict) -> None:
    """Triggers for ``tables``: {table: Scope, or None (global) / a tuple of columns}.

    A tuple of columns (an unscoped table whose other columns no page shows) or None makes
    the table unscoped; a ``Scope`` makes it scoped.
    """
    vendor = schema_editor.connection.vendor
    for table, how in tables.items():
        if vendor == "postgresql":
            if isinstance(how, Scope):
                statements = _postgresql_scoped(table, how)
            else:
                statements = [
                    f"CREATE TRIGGER {table}_changes_data_version "
                    f"AFTER INSERT OR {_update_event(how)} OR DELETE OR TRUNCATE ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION wijkaanpak_note_change()"
                ]
        elif vendor == "sqlite":
            statements = (
                _sqlite_scoped(table, how)
                if isinstance(how, Scope)
                else _sqlite_unscoped(table, how)
            )
        else:
            raise NotImplementedError(f"No data-version triggers for {vendor}.")
        for statement in statements:
            name = statement.split()[2]
            if vendor == "postgresql":
                assert len(name) <= 63, f"{name} is longer than PostgreSQL keeps"  # noqa: S101
            schema_editor.execute(statement)


def drop(schema_editor, tables: dict) -> None:
    """Drop the triggers ``create`` made for ``tables`` (the same dictionary)."""
    vendor = schema_editor.connection.vendor
    for table, how in tables.items():
        scope = how if isinstance(how, Scope) else None
        if vendor == "postgresql":
            for name in _postgresql_names(table, scope):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        else:
            for name in _sqlite_names(table, scope):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


# --- SQLite table rebuilds ----------------------------------------------------------------

# A scoped trigger of another table reads the initiative (or assessment) it belongs to. SQLite
# rebuilds a table to add a column with a default and renames the new copy into place, and
# that rename fails while another table's trigger names the table. A migration that rebuilds
# such a table sets those triggers aside first and puts them back after:
#
#     migrations.RunPython(*triggers.aside("initiatives_initiative")),
#     migrations.AddField(...),
#     migrations.RunPython(*reversed(triggers.aside("initiatives_initiative"))),
_ASIDE: dict[str, list[str]] = {}


def aside(table: str) -> tuple:
    """(set aside, put back): the SQLite triggers of other tables that read ``table``."""

    def set_aside(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name != %s AND sql LIKE %s",
                [table, f"% {table} %"],
            )
            found = cursor.fetchall()
        _ASIDE[table] = [sql for _name, sql in found]
        for name, _sql in found:
            schema_editor.execute(f"DROP TRIGGER {name}")

    def put_back(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for sql in _ASIDE.pop(table, []):
            schema_editor.execute(sql)

    return set_aside, put_back
