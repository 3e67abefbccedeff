"""What the roles may do with criteria and assessments in the admin; rules decide the rest."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BROKER = "Sociaal makelaars"
COORDINATOR = "Coördinatoren"

ADMIN_PERMISSIONS = {
    BROKER: ["view_criterion", "view_assessment", "view_score"],
    COORDINATOR: [
        "view_criterion",
        "add_criterion",
        "change_criterion",
        "view_assessment",
        "view_score",
    ],
}


def grant_permissions(apps, schema_editor):
    app_config = apps.get_app_config("assessments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ADMIN_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="assessments", codename__in=codenames
            )
        )


def remove_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=list(ADMIN_PERMISSIONS)):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="assessments"))


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("initiatives", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_permissions, remove_permissions)]
