"""Accounts in the admin at /beheer/: functional administrators keep users and their roles."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import ReadOnlyPasswordHashWidget, UserChangeForm
from django.http import HttpRequest

User = get_user_model()

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
