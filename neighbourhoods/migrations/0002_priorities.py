from django.db import migrations

PRIORITIES = [
    {
        "slug": "kinderen",
        "order": 1,
        "name": "Help onze kinderen",
        "name_en": "Help our children",
        "description": "Alles wat kinderen en jongeren in de wijk een goede start geeft.",
        "description_en": "Everything that gives children and young people in the wijk a good start.",
    },
    {
        "slug": "werkloosheid",
        "order": 2,
        "name": "Pak de werkloosheid aan",
        "name_en": "Tackle unemployment",
        "description": "Werk, leren en meedoen: van taalles tot een eerste baan.",
        "description_en": "Work, learning and taking part: from language lessons to a first job.",
    },
    {
        "slug": "handhaving",
        "order": 3,
        "name": "Handhaaf",
        "name_en": "Enforce the rules",
        "description": "Een schone, veilige wijk waar iedereen zich aan de regels houdt.",
        "description_en": "A clean, safe wijk where everyone keeps to the rules.",
    },
]


def create_priorities(apps, schema_editor):
    Priority = apps.get_model("neighbourhoods", "Priority")
    for values in PRIORITIES:
        Priority.objects.update_or_create(slug=values["slug"], defaults=values)


def remove_priorities(apps, schema_editor):
    Priority = apps.get_model("neighbourhoods", "Priority")
    Priority.objects.filter(slug__in=[p["slug"] for p in PRIORITIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("neighbourhoods", "0001_initial")]

    operations = [migrations.RunPython(create_priorities, remove_priorities)]
