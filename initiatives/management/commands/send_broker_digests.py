"""E-mail each broker what needs them today; run it once every morning (cron, CronJob).

Only brokers with something to do get a mail. A row per broker and day (BrokerDigest) is
written in the same transaction that queues the mail, so a second run that day (or one at
the same moment) sends nothing twice.
"""

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from initiatives import digest, tasks
from initiatives.models import BrokerDigest
from initiatives.workdays import local_date
from wijkaanpak.tasks import enqueue_in_transaction


class Command(BaseCommand):
    help = "E-mail each broker a summary of what needs them today (once a day)."

    def handle(self, *args, **options) -> None:
        today = local_date(timezone.now())
        queued = 0
        for broker in digest.recipients():
            if not digest.collect(broker, today):
                continue
            try:
                with transaction.atomic():
                    BrokerDigest.objects.create(broker=broker, day=today)
                    enqueue_in_transaction(
                        tasks.send_broker_digest, broker_id=broker.pk, day=today.isoformat()
                    )
            except IntegrityError:
                continue  # sent already today
            queued += 1
        self.stdout.write(f"{queued} daily summary(s) queued")
