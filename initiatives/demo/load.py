"""Load the demo setting: wijken, partners, users, then every planned initiative's story."""

import hashlib
import random
from collections.abc import Callable
from datetime import datetime, time
from decimal import Decimal
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractUser, Group
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify

from answers.demo import load_answer_templates
from budgets.demo import load_contributions, load_pots, load_verified_supports
from duplicates.demo import load_merges
from initiatives import services
from initiatives.demo.people import DEMO_USERS, email_of
from initiatives.demo.plan import SEED, Plan, demo_plans
from initiatives.demo.story import DAY, Story, steps_for
from initiatives.demo.wijken import PARTNERS, WIJKEN
from initiatives.models import Channel, ConsentBasis, Initiative, Partner
from initiatives.rules import Role
from neighbourhoods.models import Neighbourhood, PostcodeArea, Priority
from results.demo import load_results
from voices.demo import load_voices
from wijkaanpak.second_factor import give_demo_app

# One in five demo ideas came in another way than the website (see ``load``).
INTAKE_CHANNELS = [Channel.ONLINE] * 12 + [Channel.PHONE, Channel.CONSULTATION, Channel.HOUSE_VISIT]

Log = Callable[[str], None]


def load_demo(log: Log) -> tuple[list[Plan], int]:
    """Load what is not there yet; return the plans it created and how many already were.

    ``log`` gets one line per kind of thing loaded.
    """
    # The services queue e-mail through django.tasks when their transaction commits. For
    # the seeding the task backend is Django's DummyBackend, which keeps enqueued tasks in
    # memory and never runs them: no mail floods the console, no "e-mail sent" entries
    # (the tasks stamp them with the real time) land among steps of months ago, and with
    # TASKS_BACKEND=database nothing is left queued for db_worker to send later. Pointing
    # MAILERS at the dummy e-mail backend would quiet the console as well (`mail.mailers`
    # builds a backend from settings.MAILERS on every access; nothing is cached per alias),
    # but the tasks would still run, or be queued and sent for real once the seeding ended.
    # override_settings fires setting_changed, which resets the cached task backends on
    # the way in and out; the transaction commits, and queues, inside the override.
    with (
        override_settings(
            TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
        ),
        transaction.atomic(),
    ):
        wijken = load_wijken(log)
        partners = load_partners(log)
        users = load_users(wijken, log)
        load_answer_templates(log)
        load_pots(wijken, users["marieke"], log)
        created = load_initiatives(wijken, partners, users)
        load_voices(wijken, lambda slug: _broker_of(slug, users), log)
        # What the completed ones achieved (the results app).
        today = timezone.localdate()
        limit = datetime.combine(today, time(0), tzinfo=timezone.get_current_timezone())
        load_results(users["marieke"], log, limit)
        # Two look-alikes: one merged, one for a broker to merge (the duplicates app).
        load_merges(lambda slug: _broker_of(slug, users), log, limit)
        load_contributions(partners, users["marieke"], log, limit)
        load_verified_supports(log, limit)
        return created


def _broker_of(slug: str, users: dict[str, AbstractUser]) -> AbstractUser:
    """The first demo broker who works in the wijk (a coordinator where none does)."""
    for demo in DEMO_USERS:
        if slug in demo.wijken:
            return users[demo.username]
    return next(users[demo.username] for demo in DEMO_USERS if Role.COORDINATOR in demo.groups)


CBS_SAMPLES = Path(__file__).resolve().parent / "cbs"
SAMPLE_GEMEENTE = "GM9999"  # no municipality has it: the sample codes look like no real one


def import_samples() -> str:
    """The wijken, their PC6s and population from the sample files, through ``import_areas``.

    Returns what the command said. The population is marked as sample figures.
    """
    out = StringIO()
    for args in (
        (
            "--wijken",
            CBS_SAMPLES / "wijken-2024.csv",
            "--postcodes",
            CBS_SAMPLES / "postcodes-2024.csv",
            "--population",
            CBS_SAMPLES / "wijken-2024.csv",
        ),
        ("--population", CBS_SAMPLES / "kerncijfers-2023.csv", "--year", "2023"),
    ):
        call_command(
            "import_areas", "--gemeente", SAMPLE_GEMEENTE, *map(str, args), "--sample", stdout=out
        )
    return out.getvalue()


def load_wijken(log: Log) -> dict[str, Neighbourhood]:
    # Demo wijken loaded before they had codes get theirs, so that the import finds them.
    for wijk in WIJKEN:
        Neighbourhood.objects.filter(slug=wijk.slug, cbs_code="").update(cbs_code=wijk.code)
    before = Neighbourhood.objects.count()
    import_samples()
    wijken = {}
    new_areas = 0
    by_code = {
        wijk.cbs_code: wijk
        for wijk in Neighbourhood.objects.filter(cbs_code__in=[wijk.code for wijk in WIJKEN])
    }
    for wijk in WIJKEN:
        neighbourhood = by_code[wijk.code]
        if not neighbourhood.description:
            neighbourhood.description = wijk.description
            neighbourhood.save(update_fields=["description"])
        wijken[wijk.slug] = neighbourhood
        for postcode in wijk.postcodes:
            # An area an earlier import put elsewhere stays where it is.
            _area, created = PostcodeArea.objects.get_or_create(
                postcode=postcode, defaults={"neighbourhood": neighbourhood}
            )
            new_areas += created
    new_wijken = Neighbourhood.objects.count() - before
    log(
        f"Wijken: {len(wijken)} ({new_wijken} new, from the sample files in {CBS_SAMPLES.name}/), "
        f"{new_areas} new PC4 areas"
    )
    return wijken


def load_partners(log: Log) -> dict[str, Partner]:
    partners = {}
    new = 0
    for key, (name, kind, contact, notes) in PARTNERS.items():
        partners[key], created = Partner.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "contact_name": contact,
                "contact_email": email_of(contact, f"{slugify(name)}.example"),
                "notes": notes,
            },
        )
        new += created
    log(f"Partners: {len(partners)} ({new} new)")
    return partners


def load_users(wijken: dict[str, Neighbourhood], log: Log) -> dict[str, AbstractUser]:
    groups = {group.name: group for group in Group.objects.filter(name__in=list(Role))}
    # Hashing is slow on purpose (a third of a second each); users who share a demo
    # password share its hash.
    hashes = {demo.password: make_password(demo.password) for demo in DEMO_USERS}
    users = {}
    new = 0
    for demo in DEMO_USERS:
        user, created = get_user_model().objects.update_or_create(
            username=demo.username,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "email": f"{demo.username}@gemeente.example",
                "is_active": True,
                "is_staff": demo.is_staff,
                "is_superuser": demo.is_superuser,
            },
        )
        # Set on every run, so the printed password is always the one that works.
        user.password = hashes[demo.password]
        user.save(update_fields=["password"])
        user.groups.set([groups[name] for name in demo.groups])
        for slug in demo.wijken:
            wijken[slug].brokers.add(user)
        # Every demo user logs in with the printed demo app secret (wijkaanpak.second_factor).
        give_demo_app(user)
        new += created
        users[demo.username] = user
    log(f"Users: {len(users)} ({new} new), passwords set")
    return users


def load_initiatives(
    wijken: dict[str, Neighbourhood],
    partners: dict[str, Partner],
    users: dict[str, AbstractUser],
) -> tuple[list[Plan], int]:
    plans = demo_plans()
    existing = set(
        Initiative.objects.filter(
            submission_key__in=[plan.submission_key for plan in plans]
        ).values_list("submission_key", flat=True)
    )
    brokers = {
        slug: [users[demo.username] for demo in DEMO_USERS if slug in demo.wijken]
        for slug in wijken
    }
    priorities = {priority.slug: priority for priority in Priority.objects.all()}
    coordinator = users["marieke"]
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    # Everything happened before today, so no moment lies in the future.
    limit = datetime.combine(today, time(0), tzinfo=zone)
    created = []
    for plan in plans:
        if plan.submission_key in existing:
            continue
        rng = random.Random(f"{SEED}:{plan.key}:submitted")  # noqa: S311 - demo data
        submitted_at = datetime.combine(
            today - plan.days_ago * DAY,
            time(rng.randint(7, 22), rng.randint(0, 59)),
            tzinfo=zone,
        )
        idea = plan.idea
        broker = rng.choice(brokers[plan.wijk.slug])
        # About one in five came in by phone, at the spreekuur or on a house visit, typed
        # in by the broker (chosen from the plan's key: the rest of the demo stays as it was).
        channel = INTAKE_CHANNELS[int(hashlib.sha256(plan.key.encode()).hexdigest(), 16) % 15]
        entered = channel != Channel.ONLINE
        initiative, _token = services.submit_initiative(
            title=idea.title,
            description=idea.description,
            neighbourhood=wijken[plan.wijk.slug],
            priorities=[priorities[slug] for slug in idea.priorities],
            needs=idea.needs,
            amount_requested=None if idea.amount is None else Decimal(idea.amount),
            name=plan.initiator,
            email=email_of(plan.initiator, "bewoner.example"),
            submission_key=plan.submission_key,
            channel=channel,
            entered_by=broker if entered else None,
            consent_basis=ConsentBasis.VERBAL if entered else ConsentBasis.ONLINE_FORM,
            now=submitted_at,
        )
        story = Story(initiative, plan, broker, coordinator, partners, limit)
        story.play(steps_for(plan, story))
        created.append(plan)
    return created, len(existing)
