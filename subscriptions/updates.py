"""What is new in a wijk: the newly published initiatives and their public updates.

Only what anyone may read on the wijk's page: published initiatives' public titles and
summaries and the public updates on them. Used by the messages (``tasks``) and by
``send_wijk_updates`` to see which wijken have news (two grouped queries for every wijk).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max

from initiatives.models import Initiative, TimelineEntry


@dataclass(frozen=True)
class News:
    initiatives: list[Initiative]
    updates: list[TimelineEntry]

    def __bool__(self) -> bool:
        return bool(self.initiatives or self.updates)


def news(neighbourhood_id: int, since: datetime, until: datetime) -> News:
    published = Initiative.objects.published().filter(neighbourhood_id=neighbourhood_id)
    initiatives = published.filter(published_at__gte=since, published_at__lt=until).order_by(
        "published_at", "pk"
    )
    updates = (
        TimelineEntry.objects.public()
        .filter(initiative__in=published, created_at__gte=since, created_at__lt=until)
        .exclude(public_text="")
        .select_related("initiative")
        .order_by("created_at", "pk")
    )
    return News(list(initiatives), list(updates))


def latest_news() -> dict[int, datetime]:
    """Per wijk id, the moment of its latest publication or public update."""
    latest: dict[int, datetime] = {}
    published = Initiative.objects.published()
    rows = [
        published.order_by().values_list("neighbourhood").annotate(at=Max("published_at")),
        TimelineEntry.objects.public()
        .filter(initiative__in=published)
        .exclude(public_text="")
        .order_by()
        .values_list("initiative__neighbourhood")
        .annotate(at=Max("created_at")),
    ]
    for query in rows:
        for wijk, at in query:
            if at is not None and (wijk not in latest or at > latest[wijk]):
                latest[wijk] = at
    return latest
