"""The five example criteria, in B1 Dutch and English. Coordinators change them afterwards."""

from django.db import migrations

CRITERIA = [
    {
        "order": 1,
        "name": "Past bij wat bewoners noemden",
        "name_en": "Fits what residents asked for",
        "explanation": (
            "Het idee helpt bij een prioriteit die bewoners zelf noemden: onze kinderen, werk "
            "of de regels handhaven."
        ),
        "explanation_en": (
            "The idea helps with a priority residents named themselves: our children, work or "
            "enforcing the rules."
        ),
    },
    {
        "order": 2,
        "name": "Bewoners doen het zelf",
        "name_en": "Residents do it themselves",
        "explanation": (
            "Bewoners zetten het idee zelf op en voeren het zelf uit. De gemeente helpt, maar "
            "neemt het niet over."
        ),
        "explanation_en": (
            "Residents set up the idea and carry it out themselves. The municipality helps, "
            "but does not take over."
        ),
    },
    {
        "order": 3,
        "name": "Steun in de wijk",
        "name_en": "Support in the neighbourhood",
        "explanation": (
            "Andere bewoners steunen het idee of willen helpen. Het is er voor de wijk, niet "
            "voor één persoon."
        ),
        "explanation_en": (
            "Other residents support the idea or want to help. It is for the neighbourhood, "
            "not for one person."
        ),
    },
    {
        "order": 4,
        "name": "Het kan echt",
        "name_en": "It can really be done",
        "explanation": (
            "Het plan is duidelijk en haalbaar. Er is een plek, er zijn mensen en het mag van "
            "de regels."
        ),
        "explanation_en": (
            "The plan is clear and can be done. There is a place, there are people and the "
            "rules allow it."
        ),
    },
    {
        "order": 5,
        "name": "De kosten passen bij wat het oplevert",
        "name_en": "The costs fit what it brings",
        "explanation": (
            "Het geld dat nodig is, past bij wat het idee voor de wijk doet. Partners betalen "
            "mee als dat kan."
        ),
        "explanation_en": (
            "The money it needs fits what the idea does for the neighbourhood. Partners pay a "
            "share when they can."
        ),
    },
]


def add_criteria(apps, schema_editor):
    Criterion = apps.get_model("assessments", "Criterion")
    for values in CRITERIA:
        Criterion.objects.get_or_create(name=values["name"], defaults=values)


def remove_criteria(apps, schema_editor):
    Criterion = apps.get_model("assessments", "Criterion")
    Criterion.objects.filter(name__in=[values["name"] for values in CRITERIA]).delete()


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_roles")]

    operations = [migrations.RunPython(add_criteria, remove_criteria)]
