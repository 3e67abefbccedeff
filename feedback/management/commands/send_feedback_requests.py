"""Ask initiators how it went, FEEDBACK_AFTER_DAYS days after closing; run it once a day.

Once per initiative ever: the row that says so is written with the mail's task.
"""

from django.core.management.base import BaseCommand

from feedback import services


class Command(BaseCommand):
    help = "E-mail initiators of closed initiatives two short questions (once per initiative)."

    def handle(self, *args, **options) -> None:
        queued = services.queue_requests()
        self.stdout.write(f"{queued} follow-up request(s) queued")
