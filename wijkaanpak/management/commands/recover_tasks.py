"""Return tasks left RUNNING by a worker that died to the queue (see docs/architecture.md)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from wijkaanpak.tasks import requeue_abandoned_tasks

DEFAULT_MINUTES = 30


class Command(BaseCommand):
    help = (
        "Put tasks RUNNING for longer than --minutes back in the queue: their worker died. "
        "Delivery is at least once. run_worker does this at start; run this every few minutes."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--minutes",
            type=int,
            default=DEFAULT_MINUTES,
            help=f"Minutes before a running task counts as abandoned (default {DEFAULT_MINUTES}).",
        )

    def handle(self, *args, minutes: int, **options) -> None:
        count = requeue_abandoned_tasks(timedelta(minutes=minutes))
        self.stdout.write(f"{count} abandoned task(s) back in the queue.")
