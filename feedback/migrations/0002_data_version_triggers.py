"""How many initiators felt helped shows in a wijk's figures: the score raises the data version.

The free text is shown to brokers only, so changing it renews no public page.

Through ``initiatives/migrations/_triggers.py`` (see initiatives 0006 and 0018).
"""

import importlib

from django.db import migrations

triggers = importlib.import_module("initiatives.migrations._triggers")

TABLES = {"feedback_feedback": ("helped",)}


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor, TABLES)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor, TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("initiatives", "0018_scoped_data_version"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
