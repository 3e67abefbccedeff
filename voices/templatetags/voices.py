"""Voices on the pages of other apps: ``{% load voices %}``.

The wijk page, the comparison and an initiative's pages show what residents said without
the initiatives app knowing about voices: each tag asks ``voices.figures`` once.
"""

from django import template

from voices import figures

register = template.Library()


@register.inclusion_tag("voices/wijk_says.html")
def wijk_says(neighbourhood, period) -> dict:
    """ "Wat de wijk zegt": per priority, for the wijk page's period."""
    return {"says": figures.wijk_says(neighbourhood, period.start, period.end), "period": period}


@register.inclusion_tag("voices/grew_from.html")
def grew_from(initiative, public: bool = False) -> dict:
    """ "Voortgekomen uit wat bewoners zeiden": the voices linked to an initiative."""
    voices = initiative.voices.order_by("-heard_on")
    if public:
        voices = voices.filter(is_publishable=True)
    return {"voices": list(voices[:10]), "public": public}


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
