"""The status "Samengevoegd" (merged, duplicates/) and the two timeline kinds of a merge.

The new status changes the check ``initiative_status_known``. SQLite cannot alter a check
constraint, so Django rebuilds ``initiatives_initiative`` there, and a rebuilt table loses
its triggers: this migration creates the table's data-version triggers (0006) again after
the rebuild, both ways. PostgreSQL alters the constraint in place and keeps its trigger.
"""

import importlib

from django.conf import settings
from django.db import migrations, models

data_version = importlib.import_module("initiatives.migrations.0006_data_version")

TABLE = "initiatives_initiative"


def recreate_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    events = ("INSERT", data_version._update_event(None), "DELETE")
    for name, event in zip(data_version.SQLITE_EVENTS, events, strict=True):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{name}_changes_data_version")
        schema_editor.execute(
            data_version.SQLITE_TABLE.format(
                table=TABLE, name=name, event=event, raise_=data_version.RAISE
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0016_resident_mail"),
        ("neighbourhoods", "0004_house_number_ranges"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Undoing: the reverse rebuilds the table again; this runs last then.
        migrations.RunPython(migrations.RunPython.noop, recreate_sqlite_triggers, elidable=False),
        migrations.RemoveConstraint(
            model_name="initiative",
            name="initiative_status_known",
        ),
        migrations.AlterField(
            model_name="initiative",
            name="status",
            field=models.CharField(
                choices=[
                    ("submitted", "Ingediend"),
                    ("intake", "In gesprek"),
                    ("preparing", "In voorbereiding"),
                    ("in_progress", "In uitvoering"),
                    ("completed", "Afgerond"),
                    ("declined", "Afgewezen"),
                    ("referred", "Doorverwezen"),
                    ("withdrawn", "Ingetrokken"),
                    ("merged", "Samengevoegd"),
                ],
                default="submitted",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="timelineentry",
            name="from_status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("submitted", "Ingediend"),
                    ("intake", "In gesprek"),
                    ("preparing", "In voorbereiding"),
                    ("in_progress", "In uitvoering"),
                    ("completed", "Afgerond"),
                    ("declined", "Afgewezen"),
                    ("referred", "Doorverwezen"),
                    ("withdrawn", "Ingetrokken"),
                    ("merged", "Samengevoegd"),
                ],
                max_length=20,
                verbose_name="van status",
            ),
        ),
        migrations.AlterField(
            model_name="timelineentry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("status_change", "Statuswijziging"),
                    ("public_update", "Voortgangsbericht"),
                    ("message_to_initiator", "Bericht aan initiatiefnemer"),
                    ("message_from_initiator", "Bericht van initiatiefnemer"),
                    ("note", "Interne notitie"),
                    ("email_sent", "E-mail verstuurd"),
                    ("assigned", "Toegewezen"),
                    ("published", "Gepubliceerd"),
                    ("unpublished", "Niet meer openbaar"),
                    ("amount_granted", "Bedrag toegekend"),
                    ("money_released", "Geld terug naar het wijkbudget"),
                    ("contribution_added", "Bijdrage van een partner"),
                    ("partner_linked", "Partner gekoppeld"),
                    ("help_offered", "Hulp aangeboden"),
                    ("help_connected", "Hulpaanbod gekoppeld"),
                    ("contact_viewed", "Contactgegevens bekeken"),
                    ("data_request", "Verzoek over persoonsgegevens"),
                    ("entered_for_resident", "Ingevoerd namens de bewoner"),
                    ("follow_up", "Opvolgen"),
                    ("attention_handled", "Gezien, geen actie nodig"),
                    ("new_tracking_link", "Nieuwe volglink gemaakt"),
                    ("merged_in", "Samengevoegd met een vergelijkbaar idee"),
                    ("merge_undone", "Samenvoeging ongedaan gemaakt"),
                ],
                max_length=30,
                verbose_name="soort",
            ),
        ),
        migrations.AlterField(
            model_name="timelineentry",
            name="to_status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("submitted", "Ingediend"),
                    ("intake", "In gesprek"),
                    ("preparing", "In voorbereiding"),
                    ("in_progress", "In uitvoering"),
                    ("completed", "Afgerond"),
                    ("declined", "Afgewezen"),
                    ("referred", "Doorverwezen"),
                    ("withdrawn", "Ingetrokken"),
                    ("merged", "Samengevoegd"),
                ],
                max_length=20,
                verbose_name="naar status",
            ),
        ),
        migrations.AddConstraint(
            model_name="initiative",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "status__in",
                        [
                            "submitted",
                            "intake",
                            "preparing",
                            "in_progress",
                            "completed",
                            "declined",
                            "referred",
                            "withdrawn",
                            "merged",
                        ],
                    )
                ),
                name="initiative_status_known",
            ),
        ),
        migrations.RunPython(recreate_sqlite_triggers, migrations.RunPython.noop, elidable=False),
    ]
