"""What every admin page of the initiatives app shares: the wijk scope and read-only rows."""

from collections.abc import Iterable

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from initiatives import rules
from initiatives.models import (
    Initiative,
)

BOTH_LOCATIONS = [admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM]


def _label(model: type, field: str) -> str:
    """A form label taken from the model, so the admin and the model say the same thing."""
    return capfirst(model._meta.get_field(field).verbose_name)


def _choice_labels(values: Iterable[str], choices: type) -> str:
    return ", ".join(str(choices(value).label) for value in values if value in choices.values)


class ReportingMixin:
    """Bulk actions say how many rows they changed, skipped or refused, one message each."""

    def report(
        self,
        request: HttpRequest,
        text: Promise,
        count: int,
        level: int = messages.SUCCESS,
        **values: object,
    ) -> None:
        """``text``: ``ngettext_lazy(singular, plural, "count")``; nothing is said for 0."""
        if count:
            self.message_user(request, text % {"count": count, **values}, level)

    def refused(self, request: HttpRequest, obj: object, error: Exception) -> None:
        """A service's refusal becomes a message on the page, never an error page."""
        reason = _("dat mag u niet doen") if isinstance(error, PermissionDenied) else str(error)
        self.message_user(request, f"“{obj}”: {reason}", messages.ERROR)


# --- Wijk scope ---------------------------------------------------------------------------


class WijkScopedAdmin(ReportingMixin, admin.ModelAdmin):
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
