"""The writes of a busy evening, for `manage.py bench --writes RATE` (not for a live site).

Runs for ``--seconds`` at ``--rate`` writes per second against the benchmark database, each
write through the same service a resident or broker would use, each in its own transaction:
supports above all, then broker notes, help offers, status changes and new submissions, in
``MIX``'s proportions. Bounded in count and time; prints one JSON line of what it did.
"""

import json
import random
import signal
import time
import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from initiatives import rules, services
from initiatives.models import Initiative, Status
from initiatives.services import WorkflowError
from neighbourhoods.models import Neighbourhood

# Per 100 writes on a busy evening: a wijk newsletter went out and residents click.
MIX = {"support": 60, "note": 15, "help_offer": 10, "status": 10, "submission": 5}
# Moves that are not decisions (those need the assessment's scores in the workspace).
MOVES = {
    Status.SUBMITTED: Status.INTAKE,
    Status.PREPARING: Status.IN_PROGRESS,
    Status.IN_PROGRESS: Status.COMPLETED,
}
SAMPLE = 2000  # initiatives to draw from, read once


class Command(BaseCommand):
    help = "Write at a steady rate for the benchmark (see manage.py bench --writes)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rate", type=float, required=True, help="Writes per second.")
        parser.add_argument("--seconds", type=float, required=True)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args: Any, **options: Any) -> None:
        rate, seconds = options["rate"], options["seconds"]
        if not 0 < rate <= 50 or not 0 < seconds <= 3600:
            raise CommandError("--rate must be in (0, 50] and --seconds in (0, 3600].")
        rng = random.Random(options["seed"])  # noqa: S311 - a benchmark, not a secret
        self.published = list(
            Initiative.objects.published()
            .filter(status__in=[Status.INTAKE, Status.PREPARING, Status.IN_PROGRESS])
            .order_by("?")
            .values_list("pk", flat=True)[:SAMPLE]
        )
        self.movable = list(
            Initiative.objects.filter(status__in=list(MOVES))
            .order_by("?")
            .values_list("pk", flat=True)[:SAMPLE]
        )
        self.wijken = list(Neighbourhood.objects.active())
        if not self.published or not self.wijken:
            raise CommandError("The benchmark database has no published initiatives.")
        kinds, weights = zip(*MIX.items(), strict=True)
        done = dict.fromkeys(MIX, 0)
        refused = 0
        stopping = []
        # `bench` stops the writer when its measurement ends: finish the write at hand, report.
        signal.signal(signal.SIGTERM, lambda signum, frame: stopping.append(signum))
        self.stdout.write(json.dumps({"ready": True}))
        self.stdout.flush()
        started = time.monotonic()
        for count in range(int(rate * seconds)):
            if stopping:
                break
            # Paced to the clock, not to the previous write: a slow write does not lower the rate.
            wait = started + count / rate - time.monotonic()
            if wait > 0:
                time.sleep(wait)  # a signal ends the sleep early
            if stopping or time.monotonic() - started > seconds:
                break
            kind = rng.choices(kinds, weights)[0]
            try:
                getattr(self, f"_{kind}")(rng)
            except (WorkflowError, Initiative.DoesNotExist):
                refused += 1
            else:
                done[kind] += 1
        self.stdout.write(json.dumps({"writes": done, "refused": refused}))
        self.stdout.flush()

    def _initiative(self, rng: random.Random, pks: list[int]) -> Initiative:
        return Initiative.objects.select_related("neighbourhood").get(pk=rng.choice(pks))

    def _broker(self, initiative: Initiative):
        return rules.brokers_of(initiative.neighbourhood_id).first()

    def _support(self, rng: random.Random) -> None:
        services.add_support(self._initiative(rng, self.published), uuid.uuid4().hex)

    def _help_offer(self, rng: random.Random) -> None:
        services.offer_help(
            self._initiative(rng, self.published),
            name="Buurvrouw",
            email="buurvrouw@example.org",
            offer_kinds=["time"],
            message="Ik help graag op zaterdag.",
        )

    def _note(self, rng: random.Random) -> None:
        initiative = self._initiative(rng, self.published)
        services.add_note(
            initiative, "Gebeld, komt langs op het spreekuur.", actor=self._broker(initiative)
        )

    def _status(self, rng: random.Random) -> None:
        if not self.movable:
            raise WorkflowError("nothing to move")
        pk = self.movable.pop()
        initiative = Initiative.objects.select_related("neighbourhood").get(pk=pk)
        if initiative.status not in MOVES:
            raise WorkflowError("moved already")
        with transaction.atomic():
            services.change_status(
                initiative,
                MOVES[initiative.status],
                actor=self._broker(initiative),
                public_text="We gaan ermee aan de slag.",
            )

    def _submission(self, rng: random.Random) -> None:
        services.submit_initiative(
            title="Bankjes bij het speelveld",
            description="Er is nergens een plek om even te zitten bij het speelveld.",
            neighbourhood=rng.choice(self.wijken),
            name="Bewoner",
            email="bewoner@example.org",
            submission_key=uuid.uuid4(),
        )
