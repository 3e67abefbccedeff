"""The voices of the demo (``manage.py seed_demo``): what residents said in every wijk.

Written as a broker would, in their own words and without names; some grew into one of the
demo's initiatives. The same every run (no randomness), and loaded once.
"""

from collections.abc import Callable
from datetime import date, timedelta

from django.contrib.auth.models import AbstractUser
from django.utils import timezone

from initiatives.models import Initiative
from neighbourhoods.models import Neighbourhood, Priority
from voices import services
from voices.models import Channel, Voice

# (priority slug or "", channel, residents, tags, summary, publishable)
HEARD = [
    (
        "kinderen",
        Channel.SCHOOL,
        12,
        ["oversteken", "school"],
        "Ouders bij het schoolplein vinden het oversteken bij de school gevaarlijk.",
        True,
    ),
    (
        "kinderen",
        Channel.STREET,
        3,
        ["speelplek"],
        "Kinderen spelen op de parkeerplaats. Er is geen veilige plek om te voetballen.",
        True,
    ),
    (
        "kinderen",
        Channel.CONSULTATION,
        2,
        ["huiswerk"],
        "Moeders zoeken hulp bij huiswerk voor hun kinderen na school.",
        True,
    ),
    (
        "werkloosheid",
        Channel.CONSULTATION,
        4,
        ["werk", "taal"],
        "Bewoners willen werken, maar hun Nederlands is nog niet goed genoeg.",
        True,
    ),
    (
        "werkloosheid",
        Channel.PARTNER,
        6,
        ["jongeren", "werk"],
        "Het jongerenwerk hoort dat jongeren geen stageplek vinden.",
        True,
    ),
    (
        "handhaving",
        Channel.HOUSE_VISIT,
        5,
        ["afval"],
        "Bij de containers ligt vaak grofvuil. Bewoners ergeren zich eraan.",
        True,
    ),
    (
        "handhaving",
        Channel.STREET,
        2,
        ["parkeren"],
        "Auto's staan 's avonds op de stoep. Met een kinderwagen kom je er niet langs.",
        False,
    ),
    (
        "",
        Channel.EVENT,
        8,
        ["ontmoeten"],
        "Op de buurtmiddag zeiden bewoners dat ze elkaar te weinig zien.",
        True,
    ),
]


def load_voices(
    wijken: dict[str, Neighbourhood],
    brokers: Callable[[str], AbstractUser],
    log: Callable[[str], None],
) -> None:
    if Voice.objects.exists():
        log("Voices: already there")
        return
    today = timezone.localdate()
    priorities = {priority.slug: priority for priority in Priority.objects.all()}
    count = linked = 0
    for number, (slug, wijk) in enumerate(sorted(wijken.items())):
        broker = brokers(slug)
        for step, (priority, channel, residents, tags, summary, publishable) in enumerate(HEARD):
            if (number + step) % 4 == 3:
                continue  # not every wijk says everything
            voice = services.record_voice(
                actor=broker,
                neighbourhood=wijk,
                heard_on=_day(today, number, step),
                channel=channel,
                summary=summary,
                residents=max(1, residents - number % 3),
                priorities=[priorities[priority]] if priority else [],
                tags=tags,
                is_publishable=publishable,
            )
            count += 1
            if priority and step % 3 == 0:
                grown = (
                    Initiative.objects.filter(neighbourhood=wijk, priorities__slug=priority)
                    .order_by("submitted_at")
                    .first()
                )
                if grown is not None:
                    services.link_voice(voice, grown, actor=broker)
                    linked += 1
    log(f"Voices: {count} ({linked} grew into an initiative)")


def _day(today: date, number: int, step: int) -> date:
    """Spread over the last year: a few every month, the newest last week."""
    return today - timedelta(days=7 + (number * 11 + step * 41) % 330)
