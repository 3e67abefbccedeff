"""The initiative admin's bulk actions and its status page: every change through a service.

A refusal of one initiative becomes a message, never an error page, and never stops the
others. Mixed into ``InitiativeAdmin``.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from assessments.models import SCORES_ELSEWHERE, decision_needs_scores
from initiatives import rules, services
from initiatives.admin.base import (
    BOTH_LOCATIONS,
    _label,
)
from initiatives.forms.workspace import StatusForm
from initiatives.models import (
    Initiative,
    Status,
)


class BrokerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


class AssignForm(forms.Form):
    broker = BrokerChoiceField(
        label=_label(Initiative, "assigned_broker"),
        queryset=rules.brokers(),
    )


class InitiativeActionsMixin:
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
                self.refused(request, initiative, error)
            else:
                done += 1
        self.report(
            request,
            ngettext_lazy(
                "%(count)d initiatief is nu openbaar.",
                "%(count)d initiatieven zijn nu openbaar.",
                "count",
            ),
            done,
        )
        self.report(
            request,
            ngettext_lazy(
                "%(count)d initiatief was al openbaar.",
                "%(count)d initiatieven waren al openbaar.",
                "count",
            ),
            already,
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
                self.refused(request, initiative, error)
            else:
                done += 1
        self.report(
            request,
            ngettext_lazy(
                "%(count)d initiatief is niet meer openbaar.",
                "%(count)d initiatieven zijn niet meer openbaar.",
                "count",
            ),
            done,
        )
        self.report(
            request,
            ngettext_lazy(
                "%(count)d initiatief was al niet openbaar.",
                "%(count)d initiatieven waren al niet openbaar.",
                "count",
            ),
            skipped,
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
        if form.is_valid() and decision_needs_scores(form.cleaned_data["to"]):
            form.add_error("to", SCORES_ELSEWHERE)  # a decision has its assessment
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
                    self.refused(request, initiative, error)
                else:
                    done += 1
            name = broker.get_full_name() or broker.get_username()
            self.report(
                request,
                ngettext_lazy(
                    "%(count)d initiatief is toegewezen aan %(name)s.",
                    "%(count)d initiatieven zijn toegewezen aan %(name)s.",
                    "count",
                ),
                done,
                name=name,
            )
            self.report(
                request,
                ngettext_lazy(
                    "%(count)d initiatief had %(name)s al.",
                    "%(count)d initiatieven hadden %(name)s al.",
                    "count",
                ),
                skipped,
                messages.INFO,
                name=name,
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
