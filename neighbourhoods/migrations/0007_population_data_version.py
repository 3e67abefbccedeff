"""Population figures raise the data version: public pages show them.

The wijk pages and the comparison show figures per 1,000 residents, of the newest CBS year up
to the period's: a change can concern any later period, so it raises ``global``.

Through ``initiatives/migrations/_triggers.py`` (see initiatives 0006 and 0018).
"""

import importlib

from django.db import migrations

triggers = importlib.import_module("initiatives.migrations._triggers")

TABLES = {"neighbourhoods_population": None}


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor, TABLES)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor, TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("neighbourhoods", "0006_population"),
        ("initiatives", "0018_scoped_data_version"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
