"""Duplicates on the pages of the initiatives app: ``{% load duplicates %}``.

The submitted page, the tracking page and the workspace page show similar initiatives and
merges without the initiatives app knowing about them; each tag reads a fixed number of
queries, whatever the number of initiatives.
"""

from django import template

from duplicates.models import Merge
from duplicates.similar import similar_initiatives
from duplicates.undo import merges_of
from initiatives import rules
from initiatives.models import Initiative, Status

register = template.Library()


@register.inclusion_tag("duplicates/submitted_similar.html")
def similar_after_submit(initiative: Initiative) -> dict:
    """ "Misschien bestaat uw idee al": published look-alikes in the wijk (one query)."""
    return {"similar": similar_initiatives(initiative, public=True)}


@register.inclusion_tag("duplicates/merged_progress.html")
def merged_progress(initiative: Initiative) -> dict:
    """On a merged duplicate's tracking page: how the initiative it joined is doing.

    Only what the public may read of it, and its title and updates only once published:
    never the other initiator, their own words or messages. Two queries when merged.
    """
    if initiative.status != Status.MERGED:
        return {}
    merge = Merge.objects.filter(duplicate=initiative).select_related("into").first()
    if merge is None:
        return {}
    into = merge.into
    updates = []
    if into.is_published:
        updates = list(into.timeline.public().only("kind", "created_at", "public_text"))
    return {"merge": merge, "into": into, "updates": updates}


@register.inclusion_tag("duplicates/workspace_similar.html", takes_context=True)
def similar_for_broker(context, initiative: Initiative) -> dict:
    """The workspace page: its merges, and the wijk's look-alikes to merge it into.

    Two queries: the merges (either way) and the look-alikes.
    """
    user = context["request"].user
    own, merged_in = merges_of(initiative)
    may_merge = not merged_in and rules.can_merge(user, initiative)
    similar = [] if own else similar_initiatives(initiative, public=False)
    return {
        "initiative": initiative,
        "own_merge": own,
        "merged_in": merged_in,
        "similar": similar,
        "may_merge": may_merge,
    }
