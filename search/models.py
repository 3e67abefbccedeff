from django.db import models


class SearchTerm(models.Model):
    """One Dutch word stem that a published initiative's public text contains.

    Filled by ``search.index.refresh`` from what the public page shows (see there); the
    public list's search asks for initiatives that have every stem of the query. A plain
    table with a B-tree index answers the same on PostgreSQL and SQLite.
    """

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="search_terms"
    )
    stem = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stem", "initiative"], name="search_term_unique"),
        ]
        # The unique constraint's index serves the search: stem = %s → initiative ids.

    def __str__(self) -> str:
        return self.stem
