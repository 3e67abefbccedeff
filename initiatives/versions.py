"""The versions of the data that key the cached public pages (``initiatives.pagecache``).

Database triggers raise them (migrations 0006 and 0018, ``migrations/_triggers.py``); nothing
in Python writes them. Models of the ``initiatives`` app, imported by ``initiatives.models``.
"""

from django.db import connection, models
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    """A number that goes up whenever data a public page shows has changed.

    Database triggers (migration 0006) raise it; nothing in Python writes it. On PostgreSQL
    the raise is the last step of the changing transaction, so the new number and the new
    data become visible together. ``initiatives.pagecache`` keys cached public pages on it.
    """

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("versie van de gegevens")
        verbose_name_plural = _("versies van de gegevens")

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def current(cls) -> int:
        """The version now (0 before the first change): one primary-key lookup.

        Plain SQL: every public page asks this, and building the ORM query cost about a
        fifth of serving a cached page.
        """
        with connection.cursor() as cursor:
            cursor.execute("SELECT value FROM initiatives_dataversion WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else 0


class ScopeVersion(models.Model):
    """How often the data of one part of the site has changed: a wijk, a year, or the rest.

    The same triggers that raise ``DataVersion`` (migration 0018) raise, for a change to an
    initiative or to something of one initiative (its timeline, supports by address, grant,
    assessment, result, ...), the scopes ``wijk:<id>`` and ``year:<year>`` (the UTC year it
    was submitted in); for a voice its wijk and the year it was heard; for a budget pot its
    wijk and year. Everything else, and every new or deleted initiative (which changes the
    years any page offers), raises ``global``. A page that shows one wijk's data, or one
    period's, keys on the sum of the scopes it reads (``versions_of``) and is not renewed by
    a change elsewhere; ``DataVersion`` still goes up with every change.
    """

    GLOBAL = "global"

    scope = models.CharField(max_length=40, primary_key=True)
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("versie van een deel van de gegevens")
        verbose_name_plural = _("versies van delen van de gegevens")

    def __str__(self) -> str:
        return f"{self.scope} {self.value}"

    @staticmethod
    def wijk(neighbourhood_id: int) -> str:
        return f"wijk:{neighbourhood_id}"

    @staticmethod
    def year(year: int) -> str:
        return f"year:{year}"

    @classmethod
    def sum_of(
        cls, scopes: list[str], initiative_id: int | None = None, wijk_slug: str | None = None
    ) -> int:
        """The sum of the scopes' versions, with the wijk of an initiative or a slug: one query.

        Versions only go up and rows are never deleted, so the sum goes up whenever one of
        the scopes changes. Plain SQL, like ``DataVersion.current``.
        """
        conditions = [f"scope IN ({', '.join(['%s'] * len(scopes))})"]
        parameters: list = list(scopes)
        if initiative_id is not None:
            conditions.append(
                "scope = (SELECT 'wijk:' || neighbourhood_id FROM initiatives_initiative"
                " WHERE id = %s)"
            )
            parameters.append(initiative_id)
        if wijk_slug is not None:
            conditions.append(
                "scope = (SELECT 'wijk:' || id FROM neighbourhoods_neighbourhood WHERE slug = %s)"
            )
            parameters.append(wijk_slug)
        where = " OR ".join(conditions)  # placeholders only
        sql = f"SELECT COALESCE(SUM(value), 0) FROM initiatives_scopeversion WHERE {where}"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, parameters)
            return cursor.fetchone()[0]
