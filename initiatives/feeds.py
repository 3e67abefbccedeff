"""Atom feed per wijk: newly published initiatives and their public updates.

Only published initiatives and PUBLIC_VISIBLE timeline entries ever reach a feed; both are read
as plain values (two queries), never with the initiator or internal notes.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from initiatives.models import Initiative, TimelineEntry
from neighbourhoods.models import Neighbourhood
from wijkaanpak.forms import clean_text

FEED_SIZE = 50


@dataclass(frozen=True)
class FeedItem:
    title: str
    text: str
    link: str
    moment: dt.datetime


class NeighbourhoodFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str) -> Neighbourhood:
        return get_object_or_404(Neighbourhood.objects.active(), slug=slug)

    def title(self, obj: Neighbourhood) -> str:
        return _("Initiatieven in %(wijk)s") % {"wijk": obj.name}

    def subtitle(self, obj: Neighbourhood) -> str:
        return _("Nieuwe initiatieven en nieuws over initiatieven in %(wijk)s.") % {
            "wijk": obj.name
        }

    def link(self, obj: Neighbourhood) -> str:
        return reverse("initiatives:neighbourhood", kwargs={"slug": obj.slug})

    def items(self, obj: Neighbourhood) -> list[FeedItem]:
        def initiative_link(pk: int) -> str:
            return reverse("initiatives:detail", kwargs={"pk": pk})

        initiatives = (
            Initiative.objects.published()
            .in_neighbourhood(obj)
            .order_by("-published_at", "-pk")
            .values_list("pk", "public_title", "public_summary", "published_at")[:FEED_SIZE]
        )
        updates = (
            TimelineEntry.objects.public()
            .filter(initiative__neighbourhood=obj, initiative__is_published=True)
            .order_by("-created_at", "-pk")
            .values_list(
                "pk",
                "initiative_id",
                "initiative__public_title",
                "public_text",
                "created_at",
            )[:FEED_SIZE]
        )
        items = [
            FeedItem(
                public_title,
                summary,
                initiative_link(pk),
                published_at,
            )
            for pk, public_title, summary, published_at in initiatives
        ]
        items += [
            FeedItem(
                _("Nieuws: %(title)s") % {"title": public_title},
                text,
                # The fragment makes the link (the entry's Atom id) unique per update.
                f"{initiative_link(initiative_id)}#nieuws-{pk}",
                created_at,
            )
            for pk, initiative_id, public_title, text, created_at in updates
        ]
        items.sort(key=lambda item: item.moment, reverse=True)
        return items[:FEED_SIZE]

    # Forms keep control characters out, but a row from before that (or from a script) must
    # not make the feed fail: XML 1.0 cannot hold them.
    def item_title(self, item: FeedItem) -> str:
        return clean_text(item.title)

    def item_description(self, item: FeedItem) -> str:
        return clean_text(item.text)

    def item_link(self, item: FeedItem) -> str:
        return item.link

    def item_pubdate(self, item: FeedItem) -> dt.datetime:
        return item.moment

    def item_updateddate(self, item: FeedItem) -> dt.datetime:
        return item.moment
