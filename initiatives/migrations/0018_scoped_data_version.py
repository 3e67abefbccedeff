"""Scoped data versions: a change renews only the cached pages that show it.

``ScopeVersion`` beside ``DataVersion``; every watched table's triggers replaced by those of
``_triggers`` (see there): the tables of one initiative, a voice and a budget pot raise
their wijk and year, the rest ``global``. ``initiatives.pagecache`` keys a wijk's pages and
a period's comparison on the scopes they read.
"""

import importlib

from django.db import migrations, models

triggers = importlib.import_module("initiatives.migrations._triggers")
data_version = importlib.import_module("initiatives.migrations.0006_data_version")
Scope = triggers.Scope

ONE_INITIATIVE = Scope("via_initiative", "initiative_id")

TABLES = {
    "initiatives_initiative": Scope("initiative"),
    "initiatives_initiative_priorities": ONE_INITIATIVE,
    "initiatives_timelineentry": ONE_INITIATIVE,
    "initiatives_partner": None,
    "initiatives_initiativepartner": ONE_INITIATIVE,
    "neighbourhoods_neighbourhood": None,
    "neighbourhoods_neighbourhood_brokers": None,
    "neighbourhoods_priority": None,
    "auth_user": ("first_name", "last_name", "is_active"),
    "initiatives_verifiedsupport": ONE_INITIATIVE,
    "budgets_budgetpot": Scope("wijk_year", "year"),
    "budgets_grant": ONE_INITIATIVE,
    "budgets_contribution": ONE_INITIATIVE,
    "voices_voice": Scope("wijk_date", "heard_on"),
    "voices_voice_priorities": None,
    "voices_voice_tags": None,
    "voices_voice_initiatives": None,
    "voices_tag": None,
    "assessments_criterion": None,
    "assessments_assessment": ONE_INITIATIVE,
    "assessments_score": Scope("via_assessment", "assessment_id"),
    "results_result": ONE_INITIATIVE,
    # Two initiatives, and the duplicate's year need not be its target's (duplicates 0002).
    "duplicates_merge": None,
}


def forwards(apps, schema_editor):
    triggers.drop(schema_editor, dict.fromkeys(TABLES))
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(triggers.POSTGRESQL_SCOPES)
    triggers.create(schema_editor, TABLES)


def backwards(apps, schema_editor):
    triggers.drop(schema_editor, TABLES)
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(triggers.POSTGRESQL_UNSCOPED_SCOPES)
    for table, how in TABLES.items():
        columns = how if isinstance(how, tuple) else None
        update = data_version._update_event(columns)
        if vendor == "postgresql":
            schema_editor.execute(data_version.POSTGRESQL_TABLE.format(table=table, update=update))
        else:
            events = ("INSERT", update, "DELETE")
            for name, event in zip(data_version.SQLITE_EVENTS, events, strict=True):
                schema_editor.execute(
                    data_version.SQLITE_TABLE.format(
                        table=table, name=name, event=event, raise_=data_version.RAISE
                    )
                )


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0017_merged"),
        ("duplicates", "0002_data_version_triggers"),
        # It rebuilds neighbourhoods_priority on SQLite (and its triggers, the old way).
        ("neighbourhoods", "0005_priority_names_tr_ar"),
        ("assessments", "0004_data_version"),
        ("budgets", "0004_data_version_triggers"),
        ("results", "0002_data_version_triggers"),
        ("voices", "0002_data_version_triggers"),
    ]

    operations = [
        migrations.CreateModel(
            name="ScopeVersion",
            fields=[
                ("scope", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("value", models.PositiveBigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "versie van een deel van de gegevens",
                "verbose_name_plural": "versies van delen van de gegevens",
            },
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
