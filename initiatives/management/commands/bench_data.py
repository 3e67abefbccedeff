"""Data for `manage.py bench`: a realistic data set by bulk insert, and the pages to measure.

Only for a benchmark database (refuses when initiatives already exist). Proportions follow the
demo data: every status, about half published, priorities, timelines, supports, help offers and
partners, over 25 wijken and three years.
"""

import gzip
import json
import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from initiatives.models import (
    CLOSED_STATUSES,
    EntryKind,
    HelpOffer,
    Initiative,
    InitiativePartner,
    Initiator,
    Partner,
    PartnerKind,
    Status,
    Support,
    TimelineEntry,
    hash_token,
)
from initiatives.rules import Role
from initiatives.services import first_response_due
from initiatives.workdays import local_date, working_days_between
from neighbourhoods.models import Neighbourhood, Priority
from search import index as search_index
from wijkaanpak.second_factor import SESSION_KEY

BATCH = 5000
WIJKEN = 25
STATUS_WEIGHTS = {
    Status.SUBMITTED: 10,
    Status.INTAKE: 14,
    Status.PREPARING: 10,
    Status.IN_PROGRESS: 14,
    Status.COMPLETED: 26,
    Status.DECLINED: 10,
    Status.REFERRED: 9,
    Status.WITHDRAWN: 7,
}
TITLES = [
    "Speeltuin opknappen",
    "Huiswerkklas in het buurthuis",
    "Taalcafé op woensdag",
    "Buurtbarbecue in de zomer",
    "Minder zwerfafval bij de winkels",
    "Moestuin voor de hele straat",
    "Sollicitatietraining voor jongeren",
    "Betere verlichting in het park",
    "Fietsenstalling bij de flat",
    "Voetbaltoernooi voor kinderen",
]
SUMMARY = (
    "Bewoners willen samen iets doen voor de wijk. De sociaal makelaar helpt met contacten, "
    "een plek en een klein budget."
)
BENCH_TOKEN_NONCE = "0" * 32


class Command(BaseCommand):
    help = "Fill a benchmark database (--initiatives N) or list the pages to measure (--pages)."

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--initiatives", type=int)
        group.add_argument("--pages", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["pages"]:
            self.stdout.write(json.dumps(self.pages()))
            return
        if Initiative.objects.exists():
            raise CommandError(
                "This database already has initiatives; bench_data fills empty ones."
            )
        with transaction.atomic():
            self.fill(options["initiatives"])
            search_index.rebuild()  # bulk inserts bypass the services that keep it

    # --- Filling ----------------------------------------------------------------------

    def fill(self, count: int) -> None:
        rng = random.Random(2026)  # noqa: S311 - reproducible data, not security
        now = timezone.now()
        priorities = list(Priority.objects.all())
        wijken = Neighbourhood.objects.bulk_create(
            Neighbourhood(name=f"Wijk {n:02d}", slug=f"wijk-{n:02d}", description=SUMMARY)
            for n in range(1, WIJKEN + 1)
        )
        users = self._users(wijken)
        brokers_by_wijk = {wijk.pk: users[2 * i : 2 * i + 2] for i, wijk in enumerate(wijken)}
        partners = Partner.objects.bulk_create(
            Partner(name=f"Partner {n:02d}", kind=rng.choice(PartnerKind.values)) for n in range(40)
        )

        statuses = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()), k=count)
        initiatives = []
        for n, status in enumerate(statuses):
            submitted = now - timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
            wijk = rng.choice(wijken)
            answered = status != Status.SUBMITTED or rng.random() < 0.3
            first_at = submitted + timedelta(hours=rng.randrange(2, 24 * 10)) if answered else None
            first_at = min(first_at, now) if first_at else None
            closed = status in CLOSED_STATUSES
            published = status not in {Status.SUBMITTED, Status.WITHDRAWN} and rng.random() < 0.65
            title = f"{rng.choice(TITLES)} {n}"
            initiatives.append(
                Initiative(
                    title=title,
                    description=SUMMARY,
                    neighbourhood=wijk,
                    needs=rng.sample(["help", "money", "place", "volunteers"], k=2),
                    amount_requested=Decimal(rng.randrange(0, 5000, 50)),
                    amount_granted=Decimal(rng.randrange(0, 3000, 50))
                    if status in {Status.PREPARING, Status.IN_PROGRESS, Status.COMPLETED}
                    else None,
                    status=status,
                    is_published=published,
                    published_at=(first_at or submitted) + timedelta(days=1) if published else None,
                    public_title=title if published else "",
                    public_summary=SUMMARY if published else "",
                    assigned_broker=rng.choice(brokers_by_wijk[wijk.pk]) if answered else None,
                    submitted_at=submitted,
                    first_response_due=first_response_due(submitted),
                    first_response_at=first_at,
                    response_working_days=max(
                        0, working_days_between(local_date(submitted), local_date(first_at))
                    )
                    if first_at
                    else None,
                    closed_at=(first_at or submitted) + timedelta(days=20) if closed else None,
                    support_count=int(rng.expovariate(1 / 4)) if published else 0,
                    help_offer_count=1 if published and rng.random() < 0.3 else 0,
                    tracking_nonce=f"{n + 1:032x}",
                    tracking_token_hash=hash_token(f"bench-{n}"),
                )
            )
        # One initiative with a known token, for the tracking page.
        initiatives[0].tracking_nonce = BENCH_TOKEN_NONCE
        initiatives[0].tracking_token_hash = hash_token(initiatives[0].tracking_token())
        Initiative.objects.bulk_create(initiatives, batch_size=BATCH)

        through = Initiative.priorities.through
        through.objects.bulk_create(
            (
                through(initiative_id=i.pk, priority_id=p.pk)
                for i in initiatives
                for p in rng.sample(priorities, k=rng.choice([0, 1, 1, 1, 2]))
            ),
            batch_size=BATCH,
        )
        Initiator.objects.bulk_create(
            (
                Initiator(
                    initiative=i,
                    name="Bewoner",
                    email=f"bewoner{i.pk}@example.nl",
                    consent_at=i.submitted_at,
                )
                for i in initiatives
            ),
            batch_size=BATCH,
        )
        TimelineEntry.objects.bulk_create(self._timeline(rng, initiatives), batch_size=BATCH)
        Support.objects.bulk_create(
            (
                Support(initiative=i, browser_key=f"{i.pk}-{k}", created_at=i.published_at)
                for i in initiatives
                for k in range(i.support_count)
            ),
            batch_size=BATCH,
        )
        HelpOffer.objects.bulk_create(
            (
                HelpOffer(
                    initiative=i,
                    name="Helper",
                    email=f"helper{i.pk}@example.nl",
                    offer_kinds=["time"],
                    consent_at=i.published_at,
                    created_at=i.published_at,
                )
                for i in initiatives
                if i.help_offer_count
            ),
            batch_size=BATCH,
        )
        InitiativePartner.objects.bulk_create(
            (
                InitiativePartner(initiative=i, partner=rng.choice(partners), role="Denkt mee")
                for i in initiatives
                if i.first_response_at and rng.random() < 0.2
            ),
            batch_size=BATCH,
        )
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ANALYZE")

    def _users(self, wijken: list[Neighbourhood]) -> list:
        User = get_user_model()
        brokers = User.objects.bulk_create(
            User(username=f"makelaar{n:02d}", first_name="Makelaar", last_name=f"{n:02d}")
            for n in range(2 * len(wijken))
        )
        group = Group.objects.get(name=Role.BROKER)
        group.user_set.add(*brokers)
        through = Neighbourhood.brokers.through
        through.objects.bulk_create(
            through(neighbourhood_id=wijk.pk, user_id=broker.pk)
            for i, wijk in enumerate(wijken)
            for broker in brokers[2 * i : 2 * i + 2]
        )
        council = User.objects.create(username="raadslid", first_name="Raad", last_name="Lid")
        council.groups.add(Group.objects.get(name=Role.COUNCIL))
        return brokers

    def _timeline(self, rng: random.Random, initiatives: list[Initiative]):
        for initiative in initiatives:
            if initiative.first_response_at is None:
                continue
            moment = initiative.first_response_at
            broker_id = initiative.assigned_broker_id
            yield TimelineEntry(
                initiative=initiative,
                kind=EntryKind.STATUS_CHANGE,
                actor_id=broker_id,
                created_at=moment,
                from_status=Status.SUBMITTED,
                to_status=initiative.status,
                public_text="We hebben uw idee bekeken en nemen contact met u op.",
            )
            yield TimelineEntry(
                initiative=initiative,
                kind=EntryKind.NOTE,
                actor_id=broker_id,
                created_at=moment + timedelta(hours=1),
                internal_note="Gebeld met de initiatiefnemer.",
            )
            for k in range(rng.choice([0, 1, 2])):
                yield TimelineEntry(
                    initiative=initiative,
                    kind=EntryKind.PUBLIC_UPDATE,
                    actor_id=broker_id,
                    created_at=moment + timedelta(days=3 + k),
                    public_text="Er is een eerste bijeenkomst geweest.",
                )

    # --- Pages ------------------------------------------------------------------------

    def pages(self) -> list[dict]:
        """The pages to measure, with their SQL query count and HTML size (gzip too)."""
        published = Initiative.objects.published().order_by("pk").first()
        wijk = published.neighbourhood
        priority = published.priorities.first() or Priority.objects.first()
        tracked = Initiative.objects.get(tracking_nonce=BENCH_TOKEN_NONCE)
        broker = wijk.brokers.first()
        workspace_initiative = Initiative.objects.filter(neighbourhood=wijk).first()

        anonymous = Client()
        tracking = Client()
        tracking.get(reverse("initiatives:track", kwargs={"token": tracked.tracking_token()}))
        logged_in = Client()
        logged_in.force_login(broker)
        # The workspace asks for the second step; the bench skips typing the code, exactly
        # as the tests do (tests/second_factor.py), and leaves the session mark it sets.
        session = logged_in.session
        session[SESSION_KEY] = broker.pk
        session.save()

        list_url = reverse("initiatives:list")
        pages = [
            ("healthz", anonymous, "/healthz"),
            ("home", anonymous, reverse("home")),
            ("list", anonymous, list_url),
            (
                "list wijk+priority",
                anonymous,
                f"{list_url}?wijk={wijk.slug}&priority={priority.slug}",
            ),
            ("list search", anonymous, f"{list_url}?q=speeltuin"),
            ("list page 20", anonymous, f"{list_url}?page=20"),
            ("initiative", anonymous, published.get_absolute_url()),
            (
                "one wijk",
                anonymous,
                reverse("initiatives:neighbourhood", kwargs={"slug": wijk.slug}),
            ),
            ("all wijken", anonymous, reverse("initiatives:neighbourhoods")),
            (
                "open data CSV (wijk)",
                anonymous,
                reverse("initiatives:neighbourhood_csv", kwargs={"slug": wijk.slug}),
            ),
            ("broker queue", logged_in, reverse("initiatives:workspace")),
            (
                "workspace page",
                logged_in,
                reverse("initiatives:workspace_detail", kwargs={"pk": workspace_initiative.pk}),
            ),
            ("tracking page", tracking, reverse("initiatives:track_page")),
        ]
        results = []
        for name, client, path in pages:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            if response.status_code != 200:
                raise CommandError(f"{name} ({path}) answered {response.status_code}")
            body = b"".join(response.streaming_content) if response.streaming else response.content
            headers = {}
            if client.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v.value}" for k, v in client.cookies.items())
            results.append(
                {
                    "name": name,
                    "path": path,
                    "headers": headers,
                    "queries": len(queries),
                    "html_bytes": len(body),
                    "gzip_bytes": len(gzip.compress(body)),
                }
            )
        return results
