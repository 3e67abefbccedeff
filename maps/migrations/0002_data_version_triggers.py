"""Wijk boundaries raise the data version (see initiatives 0006): the comparison of the
wijken and a wijk's page draw their map from them."""

import importlib

from django.db import migrations

data_version = importlib.import_module("initiatives.migrations.0006_data_version")

WATCHED_TABLES = {
    "maps_wijkboundary": None,
}


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table, columns in WATCHED_TABLES.items():
        update = data_version._update_event(columns)
        if vendor == "postgresql":
            schema_editor.execute(data_version.POSTGRESQL_TABLE.format(table=table, update=update))
        elif vendor == "sqlite":
            events = ("INSERT", update, "DELETE")
            for name, event in zip(data_version.SQLITE_EVENTS, events, strict=True):
                schema_editor.execute(
                    data_version.SQLITE_TABLE.format(
                        table=table, name=name, event=event, raise_=data_version.RAISE
                    )
                )
        else:
            raise NotImplementedError(f"No data-version triggers for {vendor}.")


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in WATCHED_TABLES:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER {table}_changes_data_version ON {table}")
        else:
            for name in data_version.SQLITE_EVENTS:
                schema_editor.execute(f"DROP TRIGGER {table}_{name}_changes_data_version")


class Migration(migrations.Migration):
    dependencies = [
        ("maps", "0001_initial"),
        ("initiatives", "0006_data_version"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
