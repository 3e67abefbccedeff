"""Initiatives of the same wijk that look alike: title and summary compared by trigrams.

PostgreSQL asks pg_trgm (``TrigramSimilarity``, migration 0003). SQLite has no pg_trgm, so
the same measure is computed here in Python over a bounded set of candidates read with one
query: lower-case, words of letters and digits, each word padded with two spaces in front
and one behind, the set of its three-letter pieces; similarity = shared / all pieces.
``tests/duplicates/test_similar.py`` runs one table of pairs on both databases.

An initiative is compared on its title and on its title with the start of its summary; the
higher of the two counts (a long summary would otherwise hide two equal titles).
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import F, Value
from django.db.models.functions import Concat, Greatest, Left

from initiatives.models import Initiative, Status

# pg_trgm's own default for its % operator.
THRESHOLD = 0.3
# The start of a summary that counts: enough to tell two ideas apart, and cheap to compare.
SUMMARY_CHARS = 300
# At most this many similar initiatives are shown.
LIMIT = 5
# SQLite: the newest initiatives of the wijk that are compared (one query, in Python).
CANDIDATES = 300

_WORD = re.compile(r"[^\W_]+")


def trigrams(text: str) -> frozenset[str]:
    """pg_trgm's trigrams of ``text`` (``show_trgm``, without its hashing of long bytes)."""
    pieces: set[str] = set()
    for word in _WORD.findall(text.lower()):
        padded = f"  {word} "
        pieces.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(pieces)


def similarity(a: str, b: str) -> float:
    """pg_trgm's ``similarity(a, b)``."""
    first, second = trigrams(a), trigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def _text(title: str, summary: str) -> str:
    return f"{title} {summary[:SUMMARY_CHARS]}"


def score(title: str, summary: str, other_title: str, other_summary: str) -> float:
    """How alike two initiatives look: the better of title alone and title with summary."""
    return max(
        similarity(title, other_title),
        similarity(_text(title, summary), _text(other_title, other_summary)),
    )


@dataclass(frozen=True)
class Similar:
    pk: int
    title: str
    status: str
    is_published: bool
    score: float

    def get_status_display(self) -> str:
        return Status(self.status).label


def _candidates(neighbourhood_id: int, exclude_pk: int | None, public: bool):
    candidates = Initiative.objects.filter(neighbourhood_id=neighbourhood_id).exclude(
        status=Status.MERGED
    )
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    if public:
        candidates = candidates.published()
    return candidates.order_by()


def similar_to(
    title: str,
    summary: str,
    *,
    neighbourhood_id: int,
    exclude_pk: int | None = None,
    public: bool = True,
    threshold: float = THRESHOLD,
    limit: int = LIMIT,
) -> list[Similar]:
    """The initiatives of the wijk that look like ``title`` + ``summary``, most alike first.

    ``public``: only published ones, compared and shown by their public title and summary
    (what a resident may see); otherwise every status but merged, by the resident's own
    title and description (for the wijk's brokers). One query on either database.
    """
    title_field, summary_field = (
        ("public_title", "public_summary") if public else ("title", "description")
    )
    candidates = _candidates(neighbourhood_id, exclude_pk, public)
    fields = ("pk", title_field, "status", "is_published")
    if connection.vendor == "postgresql":
        rows = (
            candidates.annotate(
                score=Greatest(
                    TrigramSimilarity(title_field, title),
                    TrigramSimilarity(
                        Concat(F(title_field), Value(" "), Left(summary_field, SUMMARY_CHARS)),
                        _text(title, summary),
                    ),
                )
            )
            .filter(score__gte=threshold)
            .order_by("-score", "-pk")
            .values_list(*fields, "score")[:limit]
        )
        return [Similar(*row) for row in rows]
    rows = candidates.order_by("-submitted_at", "-pk").values_list(*fields, summary_field)[
        :CANDIDATES
    ]
    found = []
    for pk, other_title, status, is_published, other_summary in rows:
        value = score(title, summary, other_title, other_summary)
        if value >= threshold:
            found.append(Similar(pk, other_title, status, is_published, value))
    found.sort(key=lambda item: (-item.score, -item.pk))
    return found[:limit]


def similar_initiatives(initiative: Initiative, *, public: bool) -> list[Similar]:
    """Initiatives of ``initiative``'s wijk that look like it (its own title and description)."""
    return similar_to(
        initiative.title,
        initiative.description,
        neighbourhood_id=initiative.neighbourhood_id,
        exclude_pk=initiative.pk,
        public=public,
    )
