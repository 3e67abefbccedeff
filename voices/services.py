"""Recording voices and linking them to the initiatives that grew from them."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction

from initiatives import rules
from initiatives.models import Initiative
from neighbourhoods.models import Neighbourhood, Priority
from voices.models import Tag, Voice


def record_voice(
    *,
    actor,
    neighbourhood: Neighbourhood,
    heard_on: date,
    channel: str,
    summary: str,
    residents: int = 1,
    place: str = "",
    priorities: Iterable[Priority] = (),
    tags: Iterable[str] = (),
    is_publishable: bool = False,
) -> Voice:
    if not rules.can_record_voice(actor, neighbourhood):
        raise PermissionDenied
    with transaction.atomic():
        voice = Voice.objects.create(
            neighbourhood=neighbourhood,
            heard_on=heard_on,
            channel=channel,
            summary=summary.strip(),
            residents=residents,
            place=place.strip(),
            is_publishable=is_publishable,
            recorded_by=actor,
        )
        voice.priorities.set(priorities)
        names = list(dict.fromkeys(tag.strip().lower() for tag in tags if tag.strip()))
        if names:
            Tag.objects.bulk_create([Tag(name=name) for name in names], ignore_conflicts=True)
            voice.tags.set(Tag.objects.filter(name__in=names))
    return voice


def link_voice(voice: Voice, initiative: Initiative, *, actor) -> None:
    """The initiative grew from what residents said: both in the same wijk."""
    if not rules.can_link_voice(actor, voice, initiative):
        raise PermissionDenied
    voice.initiatives.add(initiative)
