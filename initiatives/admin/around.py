"""What happens around an initiative: its timeline, supports, offers of help and partners."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from initiatives import services
from initiatives.admin.base import (
    BOTH_LOCATIONS,
    ReadOnlyAdminMixin,
    WijkScopedAdmin,
    _choice_labels,
    _label,
)
from initiatives.models import (
    HelpOffer,
    InitiativePartner,
    OfferKind,
    Partner,
    Support,
    TimelineEntry,
)

# --- What happens around an initiative ---------------------------------------------------------


@admin.register(TimelineEntry)
class TimelineEntryAdmin(ReadOnlyAdminMixin, WijkScopedAdmin):
    list_display = ("created_at", "initiative", "kind", "actor", "to_status")
    list_filter = ("kind", "to_status")
    list_select_related = ("initiative", "actor")
    search_fields = ("initiative__title", "public_text", "internal_note")
    date_hierarchy = "created_at"
    ordering = ("-created_at", "-pk")
    fields = (
        "initiative",
        "kind",
        "actor",
        "created_at",
        "from_status",
        "to_status",
        "public_text",
        "internal_note",
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("initiative", "actor")


@admin.register(Support)
class SupportAdmin(ReadOnlyAdminMixin, WijkScopedAdmin):
    # The browser key is a hash that identifies no one; it has no use on screen.
    list_display = ("initiative", "created_at")
    list_select_related = ("initiative",)
    search_fields = ("initiative__title",)
    date_hierarchy = "created_at"
    ordering = ("-created_at",)
    fields = ("initiative", "created_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("initiative")


@admin.register(HelpOffer)
class HelpOfferAdmin(WijkScopedAdmin):
    list_display = ("name", "initiative", "offer_kind_list", "created_at", "is_connected")
    list_filter = ("is_connected",)
    list_select_related = ("initiative",)
    search_fields = ("name", "email", "initiative__title")
    date_hierarchy = "created_at"
    ordering = ("-created_at",)
    fields = (
        "initiative",
        "name",
        "email",
        "phone",
        "offer_kind_list",
        "message",
        "consent_at",
        "created_at",
        "is_connected",
        "connected_at",
        "language",
        "mail_stopped_at",
        "anonymised_at",
    )
    readonly_fields = fields
    actions = ("mark_connected",)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("initiative")

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Offers come from residents, through services.offer_help (which keeps the count).
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # The form itself is read-only; the "connected" action is the one change.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=_label(HelpOffer, "offer_kinds"))
    def offer_kind_list(self, offer: HelpOffer) -> str:
        return _choice_labels(offer.offer_kinds, OfferKind)

    @admin.action(
        description=_("Markeren als gekoppeld"),
        description_plural=_("Geselecteerde hulpaanbiedingen markeren als gekoppeld"),
        permissions=["change"],
        location=BOTH_LOCATIONS,
    )
    def mark_connected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = skipped = 0
        for offer in queryset.select_related("initiative"):
            if offer.is_connected:
                skipped += 1
                continue
            try:
                services.connect_help_offer(offer, actor=request.user)
            except (PermissionDenied, services.WorkflowError) as error:
                self.refused(request, offer, error)
            else:
                done += 1
        self.report(
            request,
            ngettext_lazy(
                "%(count)d hulpaanbod is gekoppeld.",
                "%(count)d hulpaanbiedingen zijn gekoppeld.",
                "count",
            ),
            done,
        )
        self.report(
            request,
            ngettext_lazy(
                "%(count)d hulpaanbod was al gekoppeld.",
                "%(count)d hulpaanbiedingen waren al gekoppeld.",
                "count",
            ),
            skipped,
            messages.INFO,
        )


@admin.register(InitiativePartner)
class InitiativePartnerAdmin(ReadOnlyAdminMixin, WijkScopedAdmin):
    """An overview; partners are linked on the initiative's page, through the service."""

    list_display = ("partner", "initiative", "role", "created_at")
    list_filter = ("partner__kind",)
    list_select_related = ("partner", "initiative")
    search_fields = ("partner__name", "initiative__title", "role")
    ordering = ("-created_at",)
    fields = ("initiative", "partner", "role", "created_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("initiative", "partner")


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "contact_name", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "contact_name")
    ordering = ("name",)
