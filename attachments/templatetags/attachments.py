"""Attachments on the pages of other apps: ``{% load attachments %}``.

The public initiative page, the tracking page and the workspace page show an initiative's
photos and documents without the initiatives app knowing about them; each tag reads them
with one query.
"""

from django import template

from attachments.forms import BrokerFilesForm, PublishAttachmentForm, ResidentPhotosForm
from attachments.models import Attachment
from initiatives import rules

register = template.Library()


@register.inclusion_tag("attachments/public.html")
def public_attachments(initiative) -> dict:
    """The published photos and documents of a published initiative."""
    attachments = list(Attachment.objects.filter(initiative=initiative.pk).published())
    return {
        "photos": [a for a in attachments if a.is_image],
        "documents": [a for a in attachments if not a.is_image],
    }


@register.inclusion_tag("attachments/track.html", takes_context=True)
def track_attachments(context, initiative) -> dict:
    """The initiator's own photos, and the form to add more while the idea is open."""
    photos = list(Attachment.objects.filter(initiative=initiative.pk).from_initiator())
    return {
        "photos": photos,
        "form": context.get("photos_form") or ResidentPhotosForm(),
        "can_add": rules.initiator_can_add_photos(initiative),
        "csrf_token": context.get("csrf_token"),
    }


def _bound(context, form_class, prefix: str):
    """The form of that kind that was just refused, from the page's ``error_forms``."""
    for form in context.get("error_forms") or ():
        if isinstance(form, form_class) and form.prefix == prefix:
            return form
    return None


@register.inclusion_tag("attachments/workspace.html", takes_context=True)
def workspace_attachments(context, initiative) -> dict:
    """Every attachment with its publish, unpublish and delete forms, and the upload form."""
    request = context["request"]
    rows = []
    for attachment in Attachment.objects.filter(initiative=initiative.pk).select_related(
        "added_by_user"
    ):
        prefix = f"alt-{attachment.pk}"
        form = _bound(context, PublishAttachmentForm, prefix) or PublishAttachmentForm(
            prefix=prefix, initial={"alt_text": attachment.alt_text}
        )
        rows.append({"attachment": attachment, "form": form})
    return {
        "initiative": initiative,
        "rows": rows,
        "form": _bound(context, BrokerFilesForm, "attachment")
        or BrokerFilesForm(prefix="attachment"),
        "can_add": rules.can_add_attachment(request.user, initiative),
        "can_manage": rules.can_manage_attachments(request.user, initiative),
        "csrf_token": context.get("csrf_token"),
    }
