"""Answer templates in the admin at /beheer/: coordinators keep them, brokers look.

The admin uses the workspace page's validation (``AnswerTemplateForm``): no unknown
placeholder is saved either way.
"""

from django.contrib import admin
from django.http import HttpRequest

from answers.forms import AnswerTemplateForm
from answers.models import AnswerTemplate
from initiatives import rules


@admin.register(AnswerTemplate)
class AnswerTemplateAdmin(admin.ModelAdmin):
    form = AnswerTemplateForm
    list_display = ("name", "kind", "to_status", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "text_nl", "text_en")
    fields = ("name", "kind", "to_status", "text_nl", "text_en", "is_active")

    def has_add_permission(self, request: HttpRequest) -> bool:
        allowed = super().has_add_permission(request)
        return allowed and rules.can_manage_answer_templates(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and rules.can_manage_answer_templates(request.user)
