"""What the public list's search finds: the public texts of published initiatives.

Indexed is exactly what an initiative's public page shows in words: the public title, the
public summary, the broker's Dutch summary and the public updates (``TimelineEntry``
kinds seen by the public). Never the resident's own title and description (they may name
people until a broker has written the public text), never contact details, messages or
internal notes, and nothing of an unpublished initiative: a search that found it by such
a word would tell a stranger what the page does not.

The services that change those texts (``publish``, ``unpublish``, ``post_update``,
``set_dutch_summary``) and the admin's form call ``refresh`` inside their transaction;
``manage.py rebuild_search`` rebuilds everything (after a bulk load, or to be sure).
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q, QuerySet

from search.models import SearchTerm
from search.text import stems

BATCH = 1000


def public_texts(initiative_ids: Iterable[int]) -> dict[int, list[str]]:
    from initiatives.models import Initiative, TimelineEntry

    texts: dict[int, list[str]] = {}
    published = Initiative.objects.filter(pk__in=initiative_ids, is_published=True)
    for pk, *fields in published.values_list(
        "pk", "public_title", "public_summary", "public_summary_nl"
    ):
        texts[pk] = list(fields)
    updates = TimelineEntry.objects.filter(initiative__in=list(texts)).public()
    for initiative_id, text in updates.values_list("initiative_id", "public_text"):
        texts[initiative_id].append(text)
    return texts


@transaction.atomic
def refresh(initiative_ids: Iterable[int]) -> None:
    """Make the stems of these initiatives match their public texts now."""
    ids = list(initiative_ids)
    SearchTerm.objects.filter(initiative__in=ids).delete()
    texts = public_texts(ids)
    SearchTerm.objects.bulk_create(
        (
            SearchTerm(initiative_id=pk, stem=stem)
            for pk, parts in texts.items()
            for stem in stems(" ".join(parts))
        ),
        batch_size=BATCH,
    )


def rebuild() -> None:
    from initiatives.models import Initiative

    with transaction.atomic():
        SearchTerm.objects.all().delete()
        ids = list(Initiative.objects.filter(is_published=True).values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            refresh(ids[start : start + BATCH])


def matching(queryset: QuerySet, query: str) -> QuerySet:
    """The initiatives of ``queryset`` whose public text has every word of ``query``."""
    wanted = stems(query)
    if not wanted:
        return queryset.none()
    condition = Q()
    for stem in sorted(wanted):
        condition &= Q(pk__in=SearchTerm.objects.filter(stem=stem).values("initiative_id"))
    return queryset.filter(condition)
