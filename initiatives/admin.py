"""The admin at /beheer/: brokers work in their own wijken, functional administrators keep accounts.

Every question "may this user do this" goes to ``initiatives.rules``; every state change goes
through ``initiatives.services``, so the admin records the same timeline entries as the
brokers' workspace and never writes status, publication or assignment fields itself.
"""

import csv
from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import get_content_type_for_model
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import ReadOnlyPasswordHashWidget, UserChangeForm
from django.core.exceptions import PermissionDenied
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from initiatives import rules, services
from initiatives.forms.workspace import StatusForm
from initiatives.models import (
    HelpOffer,
    Initiative,
    InitiativePartner,
    Initiator,
    Need,
    OfferKind,
    Partner,
    Status,
    Support,
    TimelineEntry,
)

User = get_user_model()

admin.site.site_header = format_lazy(_("Beheer van {site}"), site=settings.SITE_NAME)
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Beheer")

BOTH_LOCATIONS = [admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM]


def _label(model: type, field: str) -> str:
    """A form label taken from the model, so the admin and the model say the same thing."""
    return capfirst(model._meta.get_field(field).verbose_name)


def _choice_labels(values: Iterable[str], choices: type) -> str:
    return ", ".join(str(choices(value).label) for value in values if value in choices.values)


# --- Wijk scope ---------------------------------------------------------------------------


class WijkScopedAdmin(admin.ModelAdmin):
    """Rows of initiatives outside the user's wijken do not exist for them in the admin.

    The queryset is narrowed with ``rules.neighbourhood_scope`` (so a change URL of another
    wijk answers "does not exist"), and object permissions ask ``rules.can_manage``.
    """

    neighbourhood_lookup = "initiative__neighbourhood"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        scope = rules.neighbourhood_scope(request.user)
        if scope is None:
            return queryset
        return queryset.filter(**{f"{self.neighbourhood_lookup}__in": scope})

    def initiative_of(self, obj) -> Initiative:
        return obj.initiative

    def _may_manage(self, request: HttpRequest, obj) -> bool:
        return obj is None or rules.can_manage(request.user, self.initiative_of(obj))

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return super().has_view_permission(request, obj) and self._may_manage(request, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._may_manage(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._may_manage(request, obj)

    def history_view(self, request: HttpRequest, object_id: str, extra_context=None):
        # Django looks the object up first; without any right to these rows, say so.
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)


class ReadOnlyAdminMixin:
    """Rows only the services write (history, supports, links): nobody edits them here."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


# --- Forms for the pages between an action and its result ---------------------------------


class BrokerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


class AssignForm(forms.Form):
    broker = BrokerChoiceField(
        label=_label(Initiative, "assigned_broker"),
        queryset=rules.brokers(),
    )


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
    fields = ("name", "email", "phone", "consent_at", "anonymised_at")
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
class InitiativeAdmin(WijkScopedAdmin):
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

    # --- Actions ---

    def _refused(self, request: HttpRequest, initiative: Initiative, error: Exception) -> None:
        """A service's refusal becomes a message on the page, never an error page."""
        reason = _("dat mag u niet doen") if isinstance(error, PermissionDenied) else str(error)
        self.message_user(request, f"“{initiative}”: {reason}", messages.ERROR)

    @admin.action(
        description=_("Openbaar maken"),
        description_plural=_("Geselecteerde initiatieven openbaar maken"),
        permissions=["change"],
        location=BOTH_LOCATIONS,
    )
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = already = 0
        no_public_text = []
        for initiative in queryset:
            if initiative.is_published:
                already += 1
                continue
            # The broker writes the public text and checks it for personal details first;
            # the resident's own title and description are never published as they are.
            if not initiative.public_title.strip() or not initiative.public_summary.strip():
                no_public_text.append(f"“{initiative}”")
                continue
            try:
                services.publish(
                    initiative,
                    actor=request.user,
                    public_title=initiative.public_title,
                    public_summary=initiative.public_summary,
                )
            except (PermissionDenied, services.WorkflowError) as error:
                self._refused(request, initiative, error)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d initiatief is nu openbaar.",
                    "%(count)d initiatieven zijn nu openbaar.",
                    done,
                )
                % {"count": done},
            )
        if already:
            self.message_user(
                request,
                ngettext(
                    "%(count)d initiatief was al openbaar.",
                    "%(count)d initiatieven waren al openbaar.",
                    already,
                )
                % {"count": already},
                messages.INFO,
            )
        if no_public_text:
            self.message_user(
                request,
                _(
                    "Niet openbaar gemaakt: %(titles)s. De openbare titel of samenvatting is "
                    "leeg. Schrijf die eerst, zonder persoonsgegevens."
                )
                % {"titles": ", ".join(no_public_text)},
                messages.WARNING,
            )

    @admin.action(
        description=_("Niet meer openbaar maken"),
        description_plural=_("Geselecteerde initiatieven niet meer openbaar maken"),
        permissions=["change"],
        location=BOTH_LOCATIONS,
    )
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = skipped = 0
        for initiative in queryset:
            if not initiative.is_published:
                skipped += 1
                continue
            try:
                services.unpublish(initiative, actor=request.user)
            except (PermissionDenied, services.WorkflowError) as error:
                self._refused(request, initiative, error)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d initiatief is niet meer openbaar.",
                    "%(count)d initiatieven zijn niet meer openbaar.",
                    done,
                )
                % {"count": done},
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d initiatief was al niet openbaar.",
                    "%(count)d initiatieven waren al niet openbaar.",
                    skipped,
                )
                % {"count": skipped},
                messages.INFO,
            )

    @admin.action(
        description=_("Status wijzigen"),
        permissions=["change"],
        location=BOTH_LOCATIONS,
    )
    def change_status(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        initiatives = list(queryset[:2])
        if len(initiatives) != 1:
            self.message_user(
                request,
                _("Kies precies één initiatief om de status te wijzigen."),
                messages.WARNING,
            )
            return None
        return HttpResponseRedirect(
            reverse("admin:initiatives_initiative_status", args=[initiatives[0].pk])
        )

    def change_status_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if not self.has_change_permission(request):
            raise PermissionDenied
        initiative = self.get_object(request, unquote(object_id))
        if initiative is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, initiative) or not rules.can_change_status(
            request.user, initiative
        ):
            raise PermissionDenied
        form = StatusForm(request.POST if request.method == "POST" else None, initiative=initiative)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.change_status(
                    initiative,
                    data["to"],
                    actor=request.user,
                    public_text=data["public_text"],
                    internal_note=data["internal_note"],
                    referred_to=data["referred_to"],
                    referral_reference=data["referral_reference"],
                    expected_version=data["version"],
                )
            except services.EditConflict as conflict:
                # Show the form again against the initiative as it is now.
                fresh = request.POST.copy()
                fresh["version"] = str(conflict.initiative.version)
                fresh["seen"] = conflict.initiative.updated_at.isoformat()
                initiative = conflict.initiative
                form = StatusForm(fresh, initiative=initiative)
                form.is_valid()
                form.add_error(None, str(conflict))
            except services.WorkflowError as error:
                form.add_error(None, str(error))
            else:
                self.message_user(
                    request,
                    _("De status van “%(title)s” is nu: %(status)s.")
                    % {"title": initiative, "status": Status(data["to"]).label},
                )
                return HttpResponseRedirect(
                    reverse("admin:initiatives_initiative_change", args=[initiative.pk])
                )
        return TemplateResponse(
            request,
            "admin/initiatives/initiative/change_status.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Status wijzigen"),
                "subtitle": str(initiative),
                "initiative": initiative,
                "form": form,
                "media": self.media + form.media,
            },
        )

    @admin.action(
        description=_("Toewijzen aan een sociaal makelaar"),
        permissions=["change"],
    )
    def assign_to_broker(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        if not rules.is_coordinator(request.user):
            raise PermissionDenied
        form = AssignForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            broker = form.cleaned_data["broker"]
            done = skipped = 0
            elsewhere = []
            for initiative in queryset:
                if initiative.assigned_broker_id == broker.pk:
                    skipped += 1
                    continue
                if not rules.can_manage(broker, initiative):
                    # They would not even see it in their workspace.
                    elsewhere.append(f"“{initiative}”")
                    continue
                try:
                    services.assign(initiative, broker, actor=request.user)
                except (PermissionDenied, services.WorkflowError) as error:
                    self._refused(request, initiative, error)
                else:
                    done += 1
            name = broker.get_full_name() or broker.get_username()
            if done:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d initiatief is toegewezen aan %(name)s.",
                        "%(count)d initiatieven zijn toegewezen aan %(name)s.",
                        done,
                    )
                    % {"count": done, "name": name},
                )
            if skipped:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d initiatief had %(name)s al.",
                        "%(count)d initiatieven hadden %(name)s al.",
                        skipped,
                    )
                    % {"count": skipped, "name": name},
                    messages.INFO,
                )
            if elsewhere:
                self.message_user(
                    request,
                    _("Niet toegewezen, want %(name)s werkt niet in de wijk van: %(titles)s.")
                    % {"name": name, "titles": ", ".join(elsewhere)},
                    messages.WARNING,
                )
            return None
        return TemplateResponse(
            request,
            "admin/initiatives/initiative/assign_broker.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Toewijzen aan een sociaal makelaar"),
                "initiatives": queryset,
                "form": form,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
                "media": self.media + form.media,
            },
        )

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
            writer.writerow(csv_row(initiative))
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


def _csv_text(value: str) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet program.
    if value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


def _csv_moment(value) -> str:
    return timezone.localtime(value).isoformat() if value else ""


def csv_row(initiative: Initiative) -> list:
    return [
        initiative.pk,
        _csv_text(initiative.public_title if initiative.is_published else ""),
        _csv_text(initiative.neighbourhood.name),
        initiative.neighbourhood.cbs_code,
        initiative.status,
        ";".join(priority.slug for priority in initiative.priorities.all()),
        _csv_moment(initiative.submitted_at),
        _csv_moment(initiative.first_response_at),
        _csv_moment(initiative.closed_at),
        "" if initiative.amount_requested is None else initiative.amount_requested,
        "" if initiative.amount_granted is None else initiative.amount_granted,
        initiative.support_count,
        initiative.help_offer_count,
        "true" if initiative.is_published else "false",
    ]


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
                reason = (
                    _("dat mag u niet doen") if isinstance(error, PermissionDenied) else str(error)
                )
                self.message_user(request, f"“{offer}”: {reason}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d hulpaanbod is gekoppeld.",
                    "%(count)d hulpaanbiedingen zijn gekoppeld.",
                    done,
                )
                % {"count": done},
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d hulpaanbod was al gekoppeld.",
                    "%(count)d hulpaanbiedingen waren al gekoppeld.",
                    skipped,
                )
                % {"count": skipped},
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


# --- Accounts ---------------------------------------------------------------------------------

admin.site.unregister(User)


class PasswordHashWidget(ReadOnlyPasswordHashWidget):
    def get_context(self, name: str, value, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        # Django puts the field's "disabled" on the widget's <div>, which is invalid HTML.
        context["widget"]["attrs"].pop("disabled", None)
        return context


class AccountChangeForm(UserChangeForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].widget = PasswordHashWidget()


@admin.register(User)
class AccountAdmin(UserAdmin):
    """Functional administrators manage accounts and roles (groups), but cannot hand out
    superuser rights or loose permissions, change a superuser, or widen their own rights."""

    form = AccountChangeForm
    list_display = ("username", "first_name", "last_name", "email", "is_staff", "is_active")
    list_filter = ("is_staff", "is_active", "groups")

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple:
        readonly = tuple(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return readonly
        readonly = (*readonly, "is_superuser", "user_permissions")
        if obj is not None and obj.pk == request.user.pk:
            readonly = (*readonly, "is_staff", "is_active", "groups")
        return readonly

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)
