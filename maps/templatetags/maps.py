"""The wijk map on the pages of other apps: ``{% load maps %}``.

``{% wijk_map table %}`` on the comparison (its rows: ``WijkFigures``, or tuples that start
with one) and ``{% wijk_locator neighbourhood %}`` on a wijk's page. Each asks the database
once (the boundaries), whatever the number of wijken, and renders nothing without them.
"""

from django import template
from django.db.models import F

from maps import choropleth
from maps.models import WijkBoundary

register = template.Library()

BBOX = ("min_x", "min_y", "max_x", "max_y")


@register.inclusion_tag("maps/wijk_map.html", takes_context=True)
def wijk_map(context, rows) -> dict:
    """The choropleth of the figure ``?kaart=KEY`` chose (validated; the default otherwise)."""
    request = context.get("request")
    rows = [row[0] if isinstance(row, tuple | list) else row for row in rows]
    figure = choropleth.chosen_figure(request.GET.get("kaart") if request else None, rows)
    boundaries = {
        one["neighbourhood_id"]: one
        # The comparison's rows are the active wijken; a wijk not among them is left out.
        for one in WijkBoundary.objects.filter(neighbourhood__is_active=True).values(
            "neighbourhood_id", "outline", *BBOX
        )
    }
    return {
        "map": choropleth.choropleth(rows, boundaries, figure),
        "figures": [
            (one.key, choropleth.figure_label(one)) for one in choropleth.mappable_figures()
        ],
        "request": request,
    }


@register.inclusion_tag("maps/wijk_map.html", takes_context=True)
def wijk_locator(context, neighbourhood) -> dict:
    """The wijk among its neighbours (active wijken only: the others have no page)."""
    boundaries = list(
        WijkBoundary.objects.filter(neighbourhood__is_active=True).values(
            "neighbourhood_id",
            "outline",
            *BBOX,
            slug=F("neighbourhood__slug"),
            name=F("neighbourhood__name"),
        )
    )
    return {"map": choropleth.locator(neighbourhood, boundaries), "request": context.get("request")}
