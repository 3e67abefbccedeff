"""Priority names and descriptions in Turkish and Arabic, and the Turkish texts of the three.

One field per language, as for English (``Priority.TRANSLATED``). The Arabic texts are left
for the Arabic catalogue's translator (empty: the Dutch shows).

Adding the columns makes SQLite rebuild the table, which drops the data-version triggers of
initiatives 0006; they are put back here when that migration has run (its table exists).
"""

from django.db import migrations, models

TURKISH = {
    "kinderen": (
        "Çocuklarımıza yardım edin",
        "Mahalledeki çocuklara ve gençlere iyi bir başlangıç sağlayan her şey.",
    ),
    "werkloosheid": (
        "İşsizlikle mücadele edin",
        "Çalışmak, öğrenmek ve katılmak: dil kursundan ilk işe kadar.",
    ),
    "handhaving": (
        "Kurallara uyulmasını sağlayın",
        "Herkesin kurallara uyduğu temiz ve güvenli bir mahalle.",
    ),
}

TABLE = "neighbourhoods_priority"
# As initiatives 0006 (RAISE, SQLITE_TABLE), written out: neighbourhoods does not import initiatives.
RAISE = (
    "INSERT INTO initiatives_dataversion (id, value) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET value = initiatives_dataversion.value + 1"
)


def add_turkish(apps, schema_editor):
    Priority = apps.get_model("neighbourhoods", "Priority")
    for slug, (name, description) in TURKISH.items():
        # A municipality's own texts stay.
        Priority.objects.filter(slug=slug, name_tr="").update(name_tr=name)
        Priority.objects.filter(slug=slug, description_tr="").update(description_tr=description)


def restore_sqlite_triggers(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    if "initiatives_dataversion" not in connection.introspection.table_names():
        return  # initiatives 0006 runs later and creates them
    for name, event in (("insert", "INSERT"), ("update", "UPDATE"), ("delete", "DELETE")):
        trigger = f"{TABLE}_{name}_changes_data_version"
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        schema_editor.execute(
            f"CREATE TRIGGER {trigger} AFTER {event} ON {TABLE} BEGIN {RAISE}; END;"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("neighbourhoods", "0004_house_number_ranges"),
    ]

    operations = [
        migrations.AddField(
            model_name="priority",
            name="description_ar",
            field=models.TextField(blank=True, verbose_name="korte beschrijving (Arabisch)"),
        ),
        migrations.AddField(
            model_name="priority",
            name="description_tr",
            field=models.TextField(blank=True, verbose_name="korte beschrijving (Turks)"),
        ),
        migrations.AddField(
            model_name="priority",
            name="name_ar",
            field=models.CharField(blank=True, max_length=100, verbose_name="naam (Arabisch)"),
        ),
        migrations.AddField(
            model_name="priority",
            name="name_tr",
            field=models.CharField(blank=True, max_length=100, verbose_name="naam (Turks)"),
        ),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(add_turkish, migrations.RunPython.noop),
    ]
