"""The broker's Dutch summary of an initiative written in another language; search elsewhere.

The public list's search moved to the ``search`` app (word stems of every public text, the
same on PostgreSQL and SQLite), so 0008's GIN index serves nothing any more and goes.
Adding a column with a default makes SQLite rebuild the table, dropping 0006's
data-version triggers: they are made again (as in 0015).
"""

import importlib

from django.db import migrations, models

broker_day = importlib.import_module("initiatives.migrations.0015_broker_day")
search_index = importlib.import_module("initiatives.migrations.0008_public_search_index")


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0016_resident_mail"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="public_summary_nl",
            field=models.TextField(
                blank=True, max_length=2000, verbose_name="Nederlandse samenvatting"
            ),
        ),
        migrations.RunPython(
            broker_day.restore_sqlite_triggers, migrations.RunPython.noop, elidable=False
        ),
        migrations.RunPython(search_index.drop_index, search_index.create_index, elidable=False),
    ]
