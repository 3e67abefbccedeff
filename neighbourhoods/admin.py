"""Reference data in the admin: wijken, postcode areas and priorities."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from neighbourhoods.models import Neighbourhood, PostcodeArea, Priority, normalise_postcode


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ("name", "cbs_code", "cbs_year", "is_active", "postcode_area_count")
    list_filter = ("is_active", "cbs_year")
    search_fields = ("name", "cbs_code")
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("brokers",)
    fields = ("name", "slug", "cbs_code", "cbs_year", "description", "is_active", "brokers")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # One grouped query for the whole list instead of a count per row.
        return super().get_queryset(request).annotate(number_of_areas=Count("postcode_areas"))

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "brokers":
            kwargs["queryset"] = (
                get_user_model().objects.filter(is_active=True).order_by("username")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("postcodegebieden"), ordering="number_of_areas")
    def postcode_area_count(self, neighbourhood: Neighbourhood) -> int:
        return neighbourhood.number_of_areas


class PostcodeAreaForm(forms.ModelForm):
    # The wijk search widget renders only the chosen option; with "required" on it that is
    # invalid HTML. The admin's forms are validated on the server (novalidate) anyway.
    use_required_attribute = False


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(admin.ModelAdmin):
    form = PostcodeAreaForm
    list_display = ("postcode", "neighbourhood")
    list_filter = ("neighbourhood",)
    list_select_related = ("neighbourhood",)
    search_fields = ("^postcode",)
    autocomplete_fields = ("neighbourhood",)
    ordering = ("postcode",)

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        # Find "1506 ab" as well as "1506AB", the way it is stored.
        normalised = normalise_postcode(search_term)
        return super().get_search_results(request, queryset, normalised or search_term)


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "slug", "order")
    search_fields = ("name", "name_en", "name_tr", "name_ar")
    ordering = ("order", "name")
    fields = (
        "name",
        "name_en",
        "name_tr",
        "name_ar",
        "slug",
        "description",
        "description_en",
        "description_tr",
        "description_ar",
        "order",
    )

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple:
        # The code and saved links know a priority by its slug.
        return ("slug",) if obj is not None else ()

    def get_prepopulated_fields(self, request: HttpRequest, obj=None) -> dict:
        return {} if obj is not None else {"slug": ("name",)}

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        # Initiatives are filed under priorities; the three residents named stay.
        return False
