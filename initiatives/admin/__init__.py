"""The admin at /beheer/: brokers work in their own wijken, functional administrators keep accounts.

Every question "may this user do this" goes to ``initiatives.rules``; every state change goes
through ``initiatives.services``, so the admin records the same timeline entries as the
brokers' workspace and never writes status, publication or assignment fields itself.
"""

from django.conf import settings
from django.contrib import admin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# Importing the modules registers their admins.
from initiatives.admin.around import (
    HelpOfferAdmin,
    InitiativePartnerAdmin,
    PartnerAdmin,
    SupportAdmin,
    TimelineEntryAdmin,
)
from initiatives.admin.initiative import InitiativeAdmin, InitiatorInline

admin.site.site_header = format_lazy(_("Beheer van {site}"), site=settings.SITE_NAME)
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Beheer")

__all__ = [
    "HelpOfferAdmin",
    "InitiativeAdmin",
    "InitiativePartnerAdmin",
    "InitiatorInline",
    "PartnerAdmin",
    "SupportAdmin",
    "TimelineEntryAdmin",
]
