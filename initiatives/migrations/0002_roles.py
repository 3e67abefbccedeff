"""The four roles as groups. Model permissions serve the admin; initiatives.rules decides the rest."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BROKER = "Sociaal makelaars"
COORDINATOR = "Coördinatoren"
COUNCIL = "Raadsleden"
ADMINISTRATOR = "Functioneel beheerders"

# What each role may do in the admin at /beheer/ (brokers only for their own wijken: the
# admin narrows the rows through initiatives.rules).
ADMIN_PERMISSIONS = {
    BROKER: [
        "initiatives.view_initiative",
        "initiatives.change_initiative",
        "initiatives.view_timelineentry",
        "initiatives.view_helpoffer",
        "initiatives.change_helpoffer",
        "initiatives.view_partner",
        "initiatives.add_partner",
        "initiatives.change_partner",
        "initiatives.view_initiativepartner",
        "initiatives.add_initiativepartner",
        "initiatives.change_initiativepartner",
        "initiatives.view_support",
        "neighbourhoods.view_neighbourhood",
        "neighbourhoods.view_priority",
    ],
    COORDINATOR: BROKER,
    COUNCIL: [],
    ADMINISTRATOR: [
        "neighbourhoods.add_neighbourhood",
        "neighbourhoods.change_neighbourhood",
        "neighbourhoods.view_neighbourhood",
        "neighbourhoods.add_postcodearea",
        "neighbourhoods.change_postcodearea",
        "neighbourhoods.delete_postcodearea",
        "neighbourhoods.view_postcodearea",
        "neighbourhoods.change_priority",
        "neighbourhoods.view_priority",
        "initiatives.add_partner",
        "initiatives.change_partner",
        "initiatives.view_partner",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "auth.view_group",
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ADMIN_PERMISSIONS.items():
        if isinstance(codenames, str):
            codenames = ADMIN_PERMISSIONS[codenames]
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ADMIN_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0001_initial"),
        ("neighbourhoods", "0002_priorities"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
