import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """updated_at is set by the services (not auto_now): a change of Python state only.

    Applied to the database, an AlterField makes SQLite rebuild the table, which drops the
    data-version triggers of migration 0006; the column itself does not change.
    """

    dependencies = [
        ("initiatives", "0008_public_search_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="initiative",
                    name="updated_at",
                    field=models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="laatst gewijzigd"
                    ),
                ),
            ],
        ),
    ]
