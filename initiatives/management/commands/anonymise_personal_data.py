from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from initiatives.privacy import anonymise_closed


class Command(BaseCommand):
    help = (
        "Remove initiators' and helpers' contact details from initiatives closed longer than "
        "RETENTION_DAYS ago. Run daily (e.g. from cron or a scheduled job)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.RETENTION_DAYS,
            help="Retention period in days (default: the RETENTION_DAYS setting).",
        )

    def handle(self, *args, days: int, **options) -> None:
        before = timezone.now() - timedelta(days=days)
        initiators, offers = anonymise_closed(before)
        self.stdout.write(
            f"Anonymised {initiators} initiator(s) and {offers} help offer(s) "
            f"of initiatives closed before {before:%Y-%m-%d}."
        )
