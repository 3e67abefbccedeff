from django.contrib import admin

from voices.models import Tag, Voice


@admin.register(Voice)
class VoiceAdmin(admin.ModelAdmin):
    list_display = ["heard_on", "neighbourhood", "channel", "residents", "is_publishable"]
    list_filter = ["neighbourhood", "channel", "is_publishable"]
    search_fields = ["summary", "place"]
    autocomplete_fields = ["tags"]
    raw_id_fields = ["initiatives"]
    filter_horizontal = ["priorities"]
    date_hierarchy = "heard_on"


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]
