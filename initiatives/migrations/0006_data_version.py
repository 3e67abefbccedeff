"""DataVersion, and the triggers that raise it when data a public page shows changes.

Triggers, not signals: they also see queryset.update(), bulk_create(), the admin and raw
SQL, so no code path can change a public page's data without a new version.

PostgreSQL: a statement trigger on each watched table notes the transaction in
``wijkaanpak_pending_change``; a deferred constraint trigger on that table raises the version
at commit, so the new number becomes visible with the new data, and the version row is locked
only during the commit. Deferred checks queued after the first change (Django's foreign keys)
still run after that lock: they wait only for rows locked FOR UPDATE or deleted, which is why
``services._lock`` locks FOR NO KEY UPDATE (a wait there could close a cycle with another
transaction's raise).
SQLite has one writer at a time: a plain trigger per table and event raises it at once.

auth_user is watched for the names and the active flag a wijk page shows, not for every
log-in (which writes last_login).
"""

from django.db import migrations, models

# Every table whose rows a cached public page shows (initiatives.pagecache), with the columns
# whose update matters (None: every column). The brokers' names on a wijk page come from
# auth_user. A new table shown on a public page goes here, in a new migration.
WATCHED_TABLES = {
    "initiatives_initiative": None,
    "initiatives_initiative_priorities": None,
    "initiatives_timelineentry": None,
    "initiatives_partner": None,
    "initiatives_initiativepartner": None,
    "neighbourhoods_neighbourhood": None,
    "neighbourhoods_neighbourhood_brokers": None,
    "neighbourhoods_priority": None,
    "auth_user": ("first_name", "last_name", "is_active"),
}

# The same statement as in wijkaanpak_raise_data_version() below.
RAISE = (
    "INSERT INTO initiatives_dataversion (id, value) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET value = initiatives_dataversion.value + 1"
)

POSTGRESQL_FUNCTIONS = """
CREATE TABLE wijkaanpak_pending_change (txid xid8 PRIMARY KEY);

CREATE FUNCTION wijkaanpak_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wijkaanpak_pending_change (txid) VALUES (pg_current_xact_id())
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION wijkaanpak_raise_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO initiatives_dataversion (id, value) VALUES (1, 1)
        ON CONFLICT (id) DO UPDATE SET value = initiatives_dataversion.value + 1;
    DELETE FROM wijkaanpak_pending_change WHERE txid = NEW.txid;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER wijkaanpak_raise_data_version_at_commit
    AFTER INSERT ON wijkaanpak_pending_change
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION wijkaanpak_raise_data_version();
"""

POSTGRESQL_TABLE = """
CREATE TRIGGER {table}_changes_data_version
    AFTER INSERT OR {update} OR DELETE OR TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION wijkaanpak_note_change();
"""

SQLITE_TABLE = """
CREATE TRIGGER {table}_{name}_changes_data_version AFTER {event} ON {table}
BEGIN {raise_}; END;
"""
SQLITE_EVENTS = ("insert", "update", "delete")


def _update_event(columns) -> str:
    return "UPDATE" if columns is None else f"UPDATE OF {', '.join(columns)}"


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_FUNCTIONS)
        for table, columns in WATCHED_TABLES.items():
            schema_editor.execute(
                POSTGRESQL_TABLE.format(table=table, update=_update_event(columns))
            )
    elif vendor == "sqlite":
        for table, columns in WATCHED_TABLES.items():
            events = ("INSERT", _update_event(columns), "DELETE")
            for name, event in zip(SQLITE_EVENTS, events, strict=True):
                schema_editor.execute(
                    SQLITE_TABLE.format(table=table, name=name, event=event, raise_=RAISE)
                )
    else:
        raise NotImplementedError(f"No data-version triggers for {vendor}.")


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for table in WATCHED_TABLES:
            schema_editor.execute(f"DROP TRIGGER {table}_changes_data_version ON {table}")
        schema_editor.execute(
            "DROP TABLE wijkaanpak_pending_change;"
            "DROP FUNCTION wijkaanpak_note_change();"
            "DROP FUNCTION wijkaanpak_raise_data_version();"
        )
    elif vendor == "sqlite":
        for table in WATCHED_TABLES:
            for name in SQLITE_EVENTS:
                schema_editor.execute(f"DROP TRIGGER {table}_{name}_changes_data_version")


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0005_help_offer_submission_key"),
        ("neighbourhoods", "0003_anchor_code_patterns"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.PositiveBigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "versie van de gegevens",
                "verbose_name_plural": "versies van de gegevens",
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers, elidable=False),
    ]
