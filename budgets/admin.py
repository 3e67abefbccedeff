"""Budget pots in the admin at /beheer/: coordinators keep them, brokers look.

Every save goes through ``budgets.services.save_pot``; the granted sum is the ledger's.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from budgets import services
from budgets.models import BudgetPot, Grant
from initiatives import rules
from initiatives.admin.base import ReadOnlyAdminMixin, WijkScopedAdmin
from wijkaanpak.money import money


@admin.register(BudgetPot)
class BudgetPotAdmin(admin.ModelAdmin):
    list_display = ("name", "neighbourhood", "year", "priority", "total", "granted_sum", "left")
    list_filter = ("year", "neighbourhood", "priority")
    list_select_related = ("neighbourhood", "priority")
    search_fields = ("name", "neighbourhood__name")
    ordering = ("-year", "neighbourhood__name", "name")
    fields = ("neighbourhood", "year", "priority", "name", "description", "amount", "granted")
    readonly_fields = ("granted",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and rules.can_manage_budget_pots(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and rules.can_manage_budget_pots(request.user)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        # Grants refer to their pot; a pot that is no longer used keeps its history.
        return False

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple[str, ...]:
        # Grants were checked against the wijk: a pot in use stays in its wijk.
        return ("neighbourhood", "granted") if obj and obj.granted else ("granted",)

    @admin.display(description=_("bedrag"), ordering="amount")
    def total(self, pot: BudgetPot) -> str:
        return money(pot.amount)

    @admin.display(description=_("toegekend"), ordering="granted")
    def granted_sum(self, pot: BudgetPot) -> str:
        return money(pot.granted)

    @admin.display(description=_("over"))
    def left(self, pot: BudgetPot) -> str:
        return money(pot.left)

    def save_model(self, request: HttpRequest, obj: BudgetPot, form, change: bool) -> None:
        try:
            services.save_pot(obj, actor=request.user)
        except (PermissionDenied, services.WorkflowError) as error:
            # Raised after validation; say so instead of an error page.
            self.message_user(request, str(error), messages.ERROR)
            raise PermissionDenied from error


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdminMixin, WijkScopedAdmin):
    """An overview; money is granted on the initiative's page in the workspace."""

    list_display = ("initiative", "pot", "granted_amount", "granted_by", "granted_at")
    list_filter = ("pot__year", "pot")
    list_select_related = ("initiative", "pot", "granted_by")
    ordering = ("-granted_at",)
    fields = ("initiative", "pot", "amount", "granted_by", "granted_at")

    @admin.display(description=_("bedrag"), ordering="amount")
    def granted_amount(self, grant: Grant) -> str:
        return money(grant.amount)
