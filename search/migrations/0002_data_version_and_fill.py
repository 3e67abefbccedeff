"""Search terms raise the data version (see initiatives 0006 and 0018), and are filled once.

The public list (a cached page) reads them when a resident searches. They change in the
same transaction as the public text they come from, which raises the version anyway; the
triggers make that true for the admin and raw SQL as well.
"""

import importlib

from django.db import migrations

triggers = importlib.import_module("initiatives.migrations._triggers")

# A term belongs to one initiative: its wijk's and year's pages (initiatives 0018).
TABLES = {"search_searchterm": triggers.Scope("via_initiative", "initiative_id")}


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor, TABLES)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor, TABLES)


def fill(apps, schema_editor):
    # The historical models know no custom querysets: the same rules, spelled out.
    from initiatives.timeline import PUBLIC_VISIBLE
    from search.text import stems

    Initiative = apps.get_model("initiatives", "Initiative")
    TimelineEntry = apps.get_model("initiatives", "TimelineEntry")
    SearchTerm = apps.get_model("search", "SearchTerm")
    texts: dict[int, list[str]] = {}
    for pk, *fields in Initiative.objects.filter(is_published=True).values_list(
        "pk", "public_title", "public_summary", "public_summary_nl"
    ):
        texts[pk] = list(fields)
    updates = TimelineEntry.objects.filter(
        initiative__is_published=True, kind__in=PUBLIC_VISIBLE
    ).values_list("initiative_id", "public_text")
    for initiative_id, text in updates:
        texts[initiative_id].append(text)
    SearchTerm.objects.bulk_create(
        (
            SearchTerm(initiative_id=pk, stem=stem)
            for pk, parts in texts.items()
            for stem in stems(" ".join(parts))
        ),
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("initiatives", "0019_search_everywhere"),
    ]

    operations = [
        migrations.RunPython(create_triggers, drop_triggers, elidable=False),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
