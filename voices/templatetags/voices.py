"""Voices on the pages of other apps: ``{% load voices %}``.

The wijk page, the comparison and an initiative's pages show what residents said without
the initiatives app knowing about voices: each tag asks ``voices.figures`` once.
"""

from django import template
from django.db.models import Exists, OuterRef

from voices import figures
from voices.models import Voice

register = template.Library()


@register.inclusion_tag("voices/wijk_says.html")
def wijk_says(neighbourhood, period) -> dict:
    """ "Wat de wijk zegt": per priority, for the wijk page's period."""
    return {"says": figures.wijk_says(neighbourhood, period.start, period.end), "period": period}


@register.inclusion_tag("voices/grew_from.html", takes_context=True)
def grew_from(context, initiative, public: bool = False) -> dict:
    """ "Voortgekomen uit wat bewoners zeiden": the voices linked to an initiative.

    For brokers also the wijk's other recent voices, to link one (in the same query).
    """
    if public:
        voices = list(initiative.voices.filter(is_publishable=True).order_by("-heard_on")[:10])
        return {"voices": voices, "public": True}
    recent = list(
        Voice.objects.filter(neighbourhood=initiative.neighbourhood_id)
        .annotate(
            linked=Exists(
                Voice.initiatives.through.objects.filter(
                    voice=OuterRef("pk"), initiative=initiative.pk
                )
            )
        )
        .order_by("-linked", "-heard_on", "-pk")[:60]
    )
    return {
        "voices": [voice for voice in recent if voice.linked],
        "candidates": [voice for voice in recent if not voice.linked][:50],
        "initiative": initiative,
        "public": False,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("voices/comparison.html")
def voices_per_wijk(comparison, priorities, period) -> dict:
    """Voices per priority per wijk, beside the comparison of all wijken (its rows' order)."""
    cells = figures.per_wijk_and_priority(period.start, period.end)
    table = [
        {
            "neighbourhood": row.neighbourhood,
            "cells": [cells.get(row.neighbourhood.pk, {}).get(p.pk) for p in priorities],
        }
        for row, *_shown in comparison
    ]
    return {"table": table, "priorities": priorities, "any": bool(cells)}
