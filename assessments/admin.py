"""Criteria in the admin at /beheer/: coordinators keep them, brokers look.

Assessments are written with a decision in the workspace; the admin shows them read-only.
"""

from django.contrib import admin
from django.http import HttpRequest

from assessments.forms import CriterionForm
from assessments.models import Assessment, Criterion, Score
from initiatives import rules


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    form = CriterionForm
    list_display = ("name", "order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "name_en", "explanation")
    fields = ("name", "name_en", "explanation", "explanation_en", "order", "is_active")

    def has_add_permission(self, request: HttpRequest) -> bool:
        allowed = super().has_add_permission(request)
        return allowed and rules.can_manage_criteria(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and rules.can_manage_criteria(request.user)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # scores point at their criterion: switch it off ("in gebruik") instead


class ScoreInline(admin.TabularInline):
    model = Score
    fields = ("criterion", "value", "sentence")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ("initiative", "kind", "created_at")
    list_filter = ("kind",)
    list_select_related = ("initiative",)
    fields = ("initiative", "kind", "entry", "created_by", "created_at")
    readonly_fields = fields
    inlines = [ScoreInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
