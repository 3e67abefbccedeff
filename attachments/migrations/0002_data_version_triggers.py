"""Attachments raise the data version (see initiatives 0006 and 0018): public pages show them.

An initiative's public page shows its published photos and documents: a change renews the
pages of that initiative's wijk and year (``initiatives/migrations/_triggers.py``).
"""

import importlib

from django.db import migrations

triggers = importlib.import_module("initiatives.migrations._triggers")

TABLES = {"attachments_attachment": triggers.Scope("via_initiative", "initiative_id")}


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor, TABLES)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor, TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("attachments", "0001_initial"),
        ("initiatives", "0018_scoped_data_version"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
