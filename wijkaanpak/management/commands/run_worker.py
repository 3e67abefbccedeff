"""The tasks worker for production: django_tasks_db's db_worker, started again when it stops
on an unreachable database (a PostgreSQL restart, a fail-over), after a pause.

At each start it first returns abandoned tasks to the queue (recover_tasks). A stop signal
(SIGTERM, Ctrl+C) ends it as it ends db_worker: after the task at hand.
"""

import logging
import time
from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from django.db.utils import InterfaceError, OperationalError

from wijkaanpak.management.commands.recover_tasks import DEFAULT_MINUTES
from wijkaanpak.tasks import requeue_abandoned_tasks

logger = logging.getLogger("wijkaanpak.worker")


class Command(BaseCommand):
    help = (
        "Run the tasks worker (db_worker); when the database cannot be reached, wait "
        "--pause seconds and start it again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--pause",
            type=float,
            default=10.0,
            help="Seconds to wait before trying the database again (default 10).",
        )
        parser.add_argument(
            "--recover-minutes",
            type=int,
            default=DEFAULT_MINUTES,
            help="At start, requeue tasks RUNNING for longer than this "
            f"(default {DEFAULT_MINUTES}; see recover_tasks).",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Process every waiting task, then stop (as db_worker --batch).",
        )

    def handle(self, *args, pause: float, recover_minutes: int, batch: bool, **options) -> None:
        while True:
            try:
                requeue_abandoned_tasks(timedelta(minutes=recover_minutes))
                call_command(
                    "db_worker",
                    batch=batch,
                    reload=False,
                    startup_delay=not batch,
                    verbosity=options["verbosity"],
                )
                return
            except (OperationalError, InterfaceError) as error:
                reason = str(error).strip().splitlines()[0] if str(error).strip() else "?"
                logger.warning(
                    "Database unreachable (%s); starting the worker again in %s s", reason, pause
                )
                # A broken connection is not reused: the next attempt opens a new one.
                connections.close_all()
                time.sleep(pause)
