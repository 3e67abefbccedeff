"""Residents can stop our e-mail (mail_stopped_at); a help offer remembers its language.

Neither initiatives_helpoffer nor initiatives_initiator is watched by the data-version
triggers (0006, 0014): SQLite's rebuild of helpoffer (for the column with a default) drops
no trigger. tests/initiatives/public/test_pagecache_watch.py checks every trigger after
migrating. Offers made before this migration get their e-mail in Dutch.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0015_broker_day"),
    ]

    operations = [
        migrations.AddField(
            model_name="helpoffer",
            name="language",
            field=models.CharField(default="nl", max_length=8, verbose_name="taal"),
        ),
        migrations.AddField(
            model_name="helpoffer",
            name="mail_stopped_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="wil geen e-mail meer sinds"
            ),
        ),
        migrations.AddField(
            model_name="initiator",
            name="mail_stopped_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="wil geen e-mail meer sinds"
            ),
        ),
    ]
