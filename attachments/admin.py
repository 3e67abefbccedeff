"""Attachments in the admin at /beheer/: a read-only list, scoped to the user's wijken.

The files themselves open through the site's own view (rights checked); changes go through
the initiative's page in the workspace, where every change leaves a timeline entry.
"""

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from attachments.models import Attachment
from initiatives import rules


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ("pk", "initiative", "kind", "added_by", "created_at", "published_at", "open")
    list_filter = ("kind", "added_by")
    list_select_related = ("initiative",)
    fields = (
        "initiative",
        "kind",
        "added_by",
        "added_by_user",
        "content_type",
        "size",
        "original_size",
        "width",
        "height",
        "original_name",
        "alt_text",
        "published_at",
        "published_by",
        "created_at",
        "open",
    )
    readonly_fields = fields

    @admin.display(description=_("Bestand"))
    def open(self, attachment: Attachment) -> str:
        url = reverse("attachments:file", kwargs={"key": attachment.key})
        return format_html('<a href="{}">{}</a>', url, _("Openen"))

    def get_queryset(self, request: HttpRequest):
        managed = rules.managed_initiatives(request.user).values("pk")
        return super().get_queryset(request).filter(initiative__in=managed)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
