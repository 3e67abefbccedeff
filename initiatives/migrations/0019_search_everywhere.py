"""The broker's Dutch summary of an initiative written in another language; search elsewhere.

The public list's search moved to the ``search`` app (word stems of every public text, the
same on PostgreSQL and SQLite), so 0008's GIN index serves nothing any more and goes.
Adding a column with a default makes SQLite rebuild the table, dropping its data-version
triggers: they are made again, as 0018 made them.
"""

import importlib

from django.db import migrations, models

triggers = importlib.import_module("initiatives.migrations._triggers")
search_index = importlib.import_module("initiatives.migrations.0008_public_search_index")

TABLES = {"initiatives_initiative": triggers.Scope("initiative")}


def restore_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        triggers.drop(schema_editor, TABLES)
        triggers.create(schema_editor, TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0018_scoped_data_version"),
    ]

    operations = [
        migrations.RunPython(*triggers.aside("initiatives_initiative"), elidable=False),
        migrations.AddField(
            model_name="initiative",
            name="public_summary_nl",
            field=models.TextField(
                blank=True, max_length=2000, verbose_name="Nederlandse samenvatting"
            ),
        ),
        migrations.RunPython(*reversed(triggers.aside("initiatives_initiative")), elidable=False),
        migrations.RunPython(restore_sqlite_triggers, restore_sqlite_triggers, elidable=False),
        migrations.RunPython(search_index.drop_index, search_index.create_index, elidable=False),
    ]
