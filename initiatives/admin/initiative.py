"""The initiative in the admin: its page, inlines, list filters and bulk actions."""

import csv

from django import forms
from django.contrib import admin
from django.contrib.admin.options import get_content_type_for_model
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from initiatives import rules, services
from initiatives.admin.actions import InitiativeActionsMixin
from initiatives.admin.base import (
    ReadOnlyAdminMixin,
    WijkScopedAdmin,
    _choice_labels,
    _label,
)
from initiatives.models import (
    Initiative,
    InitiativePartner,
    Initiator,
    Need,
    TimelineEntry,
)
from initiatives.opendata import csv_cell
from search import index as search_index
from wijkaanpak.money import money

# --- Forms for the pages between an action and its result ---------------------------------


class InitiativeForm(forms.ModelForm):
    def clean(self) -> dict:
        cleaned = super().clean()
        # What the public reads may change, but a published initiative never loses it.
        if self.instance.is_published:
            for name in ("public_title", "public_summary"):
                if name in self.fields and not (cleaned.get(name) or "").strip():
                    self.add_error(
                        name,
                        _(
                            "Dit initiatief is openbaar. "
                            "Het heeft een openbare titel en samenvatting nodig."
                        ),
                    )
        return cleaned


class PartnerLinkForm(forms.ModelForm):
    # The partner search widget renders only the chosen option; with "required" on it that
    # is invalid HTML. The admin's forms are validated on the server (novalidate) anyway.
    use_required_attribute = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # services.link_partner keys a link on (initiative, partner): an existing link
        # changes its role only; another partner is a new link.
        if self.instance.pk and "partner" in self.fields:
            self.fields["partner"].disabled = True


# --- Initiative -----------------------------------------------------------------------------


class InitiatorInline(ReadOnlyAdminMixin, admin.StackedInline):
    """The initiator's contact details, only for those who may see them (each look is logged)."""

    model = Initiator
    fields = ("name", "email", "phone", "consent_at", "mail_stopped_at", "anonymised_at")
    readonly_fields = fields
    can_delete = False
    extra = 0

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is None:
            # Asked without the initiative when the rows are fetched; the parent page has
            # already left this inline out for anyone who may not see these details.
            return rules.is_broker(request.user)
        return rules.can_view_contact_details(request.user, obj)


class TimelineInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = TimelineEntry
    fields = (
        "created_at",
        "kind",
        "actor_name",
        "from_status",
        "to_status",
        "public_text",
        "internal_note",
    )
    readonly_fields = fields
    can_delete = False
    extra = 0

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("actor")

    @admin.display(description=_label(TimelineEntry, "actor"))
    def actor_name(self, entry: TimelineEntry) -> str:
        if entry.actor is None:
            return ""
        return entry.actor.get_full_name() or entry.actor.get_username()


class PartnerLinkInline(admin.TabularInline):
    model = InitiativePartner
    form = PartnerLinkForm
    fields = ("partner", "role", "created_at")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("partner",)
    extra = 0


class OverdueFilter(admin.SimpleListFilter):
    title = _("eerste reactie te laat")
    parameter_name = "te_laat"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("ja", _("Ja"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "ja":
            return queryset.overdue(timezone.localdate())
        return queryset


@admin.register(Initiative)
class InitiativeAdmin(InitiativeActionsMixin, WijkScopedAdmin):
    form = InitiativeForm
    neighbourhood_lookup = "neighbourhood"
    list_display = (
        "title",
        "neighbourhood",
        "status",
        "is_published",
        "assigned_broker",
        "priority_list",
        "submitted_at",
        "first_response_due",
        "overdue",
        "support_count",
    )
    list_filter = (
        "status",
        "is_published",
        OverdueFilter,
        ("neighbourhood", admin.RelatedOnlyFieldListFilter),
        "priorities",
        ("assigned_broker", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("neighbourhood", "assigned_broker")
    search_fields = ("title", "public_title", "referral_reference")
    date_hierarchy = "submitted_at"
    ordering = ("-submitted_at",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "description",
                    "neighbourhood",
                    "priorities",
                    "need_list",
                    "amount_requested",
                    "language",
                )
            },
        ),
        (
            _("Openbaar maken"),
            {"fields": ("public_title", "public_summary", "is_published", "published_at")},
        ),
        (
            _("Voortgang"),
            {
                "fields": (
                    "status",
                    "referred_to",
                    "referral_reference",
                    "assigned_broker",
                    "amount_granted",
                    "submitted_at",
                    "first_response_due",
                    "first_response_at",
                    "response_working_days",
                    "waiting_for_initiator_since",
                    "closed_at",
                    "support_count",
                    "help_offer_count",
                    "updated_at",
                )
            },
        ),
    )
    # The resident's own words stay as they were submitted (the broker writes the public
    # title and summary); status, publication, assignment and money change only through
    # the services, which record who did it in the timeline.
    readonly_fields = tuple(
        name
        for _, options in fieldsets
        for name in options["fields"]
        if name not in {"neighbourhood", "priorities", "public_title", "public_summary"}
    )
    inlines = (InitiatorInline, PartnerLinkInline, TimelineInline)
    actions = ("publish", "unpublish", "change_status", "assign_to_broker", "export_csv")

    def initiative_of(self, obj: Initiative) -> Initiative:
        return obj

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .prefetch_related("priorities")
            .with_overdue(timezone.localdate())
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Initiatives come from residents (services.submit_initiative issues the private link).
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        # Closed initiatives lose their personal data after the retention period
        # (anonymise_personal_data); the initiative and its history stay.
        return False

    def view_on_site(self, initiative: Initiative) -> str | None:
        # Only a published initiative has a public page (Django's own redirect finds it).
        if not initiative.is_published:
            return None
        return reverse(
            "admin:view_on_site",
            kwargs={
                "content_type_id": get_content_type_for_model(initiative).pk,
                "object_id": initiative.pk,
            },
            current_app=self.admin_site.name,
        )

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple:
        readonly = super().get_readonly_fields(request, obj)
        # Moving an initiative to another wijk moves it out of a broker's own scope.
        if not rules.is_coordinator(request.user):
            readonly = (*readonly, "neighbourhood")
        return readonly

    def get_inlines(self, request: HttpRequest, obj: Initiative | None) -> tuple:
        inlines = self.inlines
        if obj is None or not rules.can_view_contact_details(request.user, obj):
            inlines = tuple(inline for inline in inlines if inline is not InitiatorInline)
        return inlines

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "priorities":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_actions(self, request: HttpRequest, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        if not rules.is_coordinator(request.user):
            actions.pop("assign_to_broker", None)
        return actions

    def get_urls(self) -> list:
        return [
            path(
                "<path:object_id>/status/",
                self.admin_site.admin_view(
                    require_http_methods(["GET", "POST"])(self.change_status_view)
                ),
                name="initiatives_initiative_status",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request: HttpRequest, context: dict, *args, obj=None, **kwargs):
        # The page shows the initiator's contact details: every look is logged.
        if obj is not None and rules.can_view_contact_details(request.user, obj):
            services.record_contact_view(obj, actor=request.user)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def save_model(self, request: HttpRequest, obj: Initiative, form, change: bool) -> None:
        if not change:
            return super().save_model(request, obj, form, change)
        # Only the fields on the form are written: a full save could undo a status change
        # a service made while this form was being posted.
        concrete = {field.name for field in obj._meta.concrete_fields}
        fields = [name for name in form.changed_data if name in concrete]
        if form.has_changed():
            obj.version = F("version") + 1
            obj.updated_at = timezone.now()
            obj.save(update_fields=[*fields, "version", "updated_at"])
            obj.refresh_from_db(fields=["version"])
            search_index.refresh([obj.pk])
        return None

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        if formset.model is not InitiativePartner:
            return super().save_formset(request, form, formset, change)
        # Through the service, so the timeline says who linked which partner.
        for link in formset.save(commit=False):
            services.link_partner(form.instance, link.partner, link.role, actor=request.user)
        for link in formset.deleted_objects:
            link.delete()
        return None

    # --- Columns and read-only values ---

    @admin.display(description=_label(Initiative, "priorities"))
    def priority_list(self, initiative: Initiative) -> str:
        return ", ".join(priority.label for priority in initiative.priorities.all())

    @admin.display(description=_label(Initiative, "needs"))
    def need_list(self, initiative: Initiative) -> str:
        return _choice_labels(initiative.needs, Need)

    @admin.display(description=_("te laat"), boolean=True, ordering="is_overdue")
    def overdue(self, initiative: Initiative) -> bool:
        return initiative.is_overdue

    # --- Export ---

    @admin.action(
        description=_("Exporteren als CSV-bestand (zonder persoonsgegevens)"),
        permissions=["view"],
    )
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="initiatieven.csv"'
        # A byte order mark, so that spreadsheet programs read the accents correctly.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        initiatives = queryset.select_related("neighbourhood").prefetch_related("priorities")
        for initiative in initiatives:
            writer.writerow([csv_cell(value) for value in csv_row(initiative)])
        return response


# Never the initiator's name, e-mail or phone, never internal notes, and never the resident's
# own title: only the public title, and only once a broker has published it.
CSV_COLUMNS = (
    "id",
    "public_title",
    "wijk",
    "cbs_code",
    "status",
    "priorities",
    "submitted_at",
    "first_response_at",
    "closed_at",
    "amount_requested",
    "amount_granted",
    "support_count",
    "help_offer_count",
    "is_published",
)


def _csv_moment(value) -> str:
    return timezone.localtime(value).isoformat() if value else ""


def csv_row(initiative: Initiative) -> list:
    return [
        initiative.pk,
        initiative.public_title if initiative.is_published else "",
        initiative.neighbourhood.name,
        initiative.neighbourhood.cbs_code,
        initiative.status,
        [priority.slug for priority in initiative.priorities.all()],
        _csv_moment(initiative.submitted_at),
        _csv_moment(initiative.first_response_at),
        _csv_moment(initiative.closed_at),
        money(initiative.amount_requested, empty=""),
        money(initiative.amount_granted, empty=""),
        initiative.support_count,
        initiative.help_offer_count,
        "true" if initiative.is_published else "false",
    ]
