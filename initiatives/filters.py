"""Filters for the public list of initiatives.

The search looks through the public texts only (``search.index``: public title, summary,
Dutch summary and public updates, Dutch word stems, the same on every database): never the
resident's own title or description, which may hold personal details until a broker has
checked them.
An unknown or malicious value fails its form field and is left out; the rest still filters.
"""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from initiatives.models import Initiative, Status
from neighbourhoods.models import Neighbourhood, Priority
from search import index
from wijkaanpak.forms import StyledFormMixin

NEWEST = "newest"
SUPPORT = "support"
ORDERINGS = {
    NEWEST: ("-published_at", "-pk"),
    SUPPORT: ("-support_count", "-published_at", "-pk"),
}


class FilterForm(StyledFormMixin, forms.Form):
    pass


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoek op woord"), method="search", max_length=200)
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"),
        field_name="neighbourhood",
        to_field_name="slug",
        queryset=Neighbourhood.objects.active(),
        empty_label=_("Alle wijken"),
    )
    priority = django_filters.ModelChoiceFilter(
        label=_("Waar helpt het bij?"),
        field_name="priorities",
        to_field_name="slug",
        queryset=Priority.objects.all(),
        empty_label=_("Alles"),
    )
    status = django_filters.ChoiceFilter(
        label=pgettext_lazy("filter", "Status"),
        choices=Status.choices,
        empty_label=_("Alle"),
    )
    ordering = django_filters.ChoiceFilter(
        label=_("Volgorde"),
        choices=[(NEWEST, _("Nieuwste eerst")), (SUPPORT, _("Meeste steun eerst"))],
        empty_label=None,
        method="order",
    )

    class Meta:
        model = Initiative
        fields: list[str] = []
        form = FilterForm

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.form.fields["priority"].label_from_instance = lambda priority: priority.label
        self.form.fields["q"].widget.input_type = "search"

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value.strip():
            return queryset
        return index.matching(queryset, value)

    def order(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # applied in filter_queryset, so that the default order is always set

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        ordering = self.form.cleaned_data.get("ordering") or NEWEST
        return queryset.order_by(*ORDERINGS[ordering])
