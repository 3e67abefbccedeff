"""Send the followers of each wijk what is new there; run it every 15 minutes or daily.

Followers who chose "every new initiative" get a message whenever their wijk has news since
their last one; weekly followers once their week is over. Each follower's ``sent_up_to``
moves forward in the same transaction that queues the message, so running the command
twice sends nothing twice; a run at the same moment skips the rows the other one holds.
Requests nobody confirmed within a week are deleted.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from subscriptions import services, tasks
from subscriptions.models import Frequency, Subscription
from subscriptions.updates import latest_news

WEEK = timedelta(days=7)


class Command(BaseCommand):
    help = "E-mail the followers of each wijk its new initiatives and public updates."

    def handle(self, *args, **options) -> None:
        now = timezone.now()
        pruned = services.prune(now)
        queued = 0
        for wijk, latest in latest_news().items():
            due = (
                Subscription.objects.confirmed()
                .filter(neighbourhood_id=wijk, sent_up_to__lte=latest)
                .filter(
                    Q(frequency=Frequency.EACH)
                    | Q(frequency=Frequency.WEEKLY, sent_up_to__lte=now - WEEK)
                )
            )
            with transaction.atomic():
                # Another run at the same moment skips the rows this one holds.
                rows = list(due.select_for_update(skip_locked=True).values_list("pk", "sent_up_to"))
                Subscription.objects.filter(pk__in=[pk for pk, _ in rows]).update(sent_up_to=now)
                # Queued in the same transaction: with the database backend the messages
                # and the moved ``sent_up_to`` commit together. (Sent at once instead, a
                # failed commit sends that message again next time: at least once.)
                for pk, since in rows:
                    tasks.send_news.enqueue(pk, since.isoformat(), now.isoformat())
                queued += len(rows)
        self.stdout.write(f"{queued} message(s) queued, {pruned} unconfirmed request(s) deleted")
