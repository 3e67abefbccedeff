"""What the admin tests share: addresses, messages, posting a form or an action back."""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.forms import MultiWidget
from django.urls import reverse, reverse_lazy

CHANGELIST = reverse_lazy("admin:initiatives_initiative_changelist")
ROLES = ["superuser", "coordinator", "broker_a", "administrator", "council_member", "anonymous"]
# Brokers and coordinators need is_staff to enter the admin; council members never have it.
STAFF_ROLES = {"coordinator", "broker_a", "broker_b"}


def make_staff(user):
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


def change_url(obj) -> str:
    return reverse(f"admin:initiatives_{obj._meta.model_name}_change", args=[obj.pk])


def list_url(model) -> str:
    return reverse(f"admin:initiatives_{model._meta.model_name}_changelist")


def status_url(initiative) -> str:
    return reverse("admin:initiatives_initiative_status", args=[initiative.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def form_data(response) -> dict:
    """What a browser would post back from a rendered admin change form, unchanged."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if isinstance(bound.field.widget, MultiWidget):
                for index, part in enumerate(bound.field.widget.decompress(value)):
                    data[f"{bound.html_name}_{index}"] = str(part)
            elif value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = str(value)
    return data


def run_action(client, action: str, *initiatives, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [i.pk for i in initiatives], **extra},
    )
