"""What the roles may do with attachments in the admin; rules decide the rest."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BROKER = "Sociaal makelaars"
COORDINATOR = "Coördinatoren"

ADMIN_PERMISSIONS = {
    BROKER: ["view_attachment"],
    COORDINATOR: ["view_attachment"],
}


def grant_permissions(apps, schema_editor):
    app_config = apps.get_app_config("attachments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ADMIN_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="attachments", codename__in=codenames
            )
        )


def remove_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=list(ADMIN_PERMISSIONS)):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="attachments"))


class Migration(migrations.Migration):
    dependencies = [
        ("attachments", "0002_data_version_triggers"),
        ("initiatives", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_permissions, remove_permissions)]
