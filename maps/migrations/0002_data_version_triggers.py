"""Wijk boundaries raise the data version: the comparison and the wijk pages draw them.

A wijk page shows its neighbours' outlines too, so a boundary raises ``global``.

Through ``initiatives/migrations/_triggers.py`` (see initiatives 0006 and 0018).
"""

import importlib

from django.db import migrations

triggers = importlib.import_module("initiatives.migrations._triggers")

TABLES = {"maps_wijkboundary": None}


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor, TABLES)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor, TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("maps", "0001_initial"),
        ("initiatives", "0018_scoped_data_version"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
