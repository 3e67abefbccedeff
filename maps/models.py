import json

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from neighbourhoods.models import Neighbourhood


class WijkBoundary(models.Model):
    """A wijk's outline for the map: simplified, in whole RD New metres (EPSG:28992).

    ``outline`` is JSON: a list of polygons, each a list of rings (the outer ring, then its
    holes), each ring a flat list [x0, y0, x1, y1, ...] that ends where it starts. Written
    only by ``import_areas --boundaries`` (maps.boundaries).
    """

    neighbourhood = models.OneToOneField(
        Neighbourhood,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="boundary",
        verbose_name=_("wijk"),
    )
    outline = models.TextField(_("omtrek"))
    min_x = models.IntegerField()
    min_y = models.IntegerField()
    max_x = models.IntegerField()
    max_y = models.IntegerField()
    imported_at = models.DateTimeField(_("geïmporteerd op"))

    class Meta:
        verbose_name = _("wijkgrens")
        verbose_name_plural = _("wijkgrenzen")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_x__lte=F("max_x")) & Q(min_y__lte=F("max_y")),
                name="wijk_boundary_bbox_ordered",
            ),
        ]

    def __str__(self) -> str:
        return str(self.neighbourhood_id)

    def polygons(self) -> list[list[list[tuple[int, int]]]]:
        return [
            [list(zip(ring[::2], ring[1::2], strict=True)) for ring in polygon]
            for polygon in json.loads(self.outline)
        ]
