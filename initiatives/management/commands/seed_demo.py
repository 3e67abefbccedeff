"""Load the demo setting that `make run` shows: Zaanstad wijken, partners, a user for every role
and about 80 initiatives in every stage of their life, spread over the last 18 months.

For a laptop only: it prints the demo passwords, so it refuses to run unless DEBUG is on.
Running it again creates nothing twice and sets the printed passwords again. The data and the
code that plays it out live in `initiatives.demo`.
"""

from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from initiatives.demo.load import load_demo
from initiatives.demo.people import DEMO_USERS
from initiatives.demo.plan import Plan
from initiatives.demo.wijken import WIJKEN
from initiatives.models import Status
from initiatives.rules import Role
from wijkaanpak.second_factor import demo_device, secret_text


class Command(BaseCommand):
    help = (
        "Load demo data for a laptop: Zaanstad wijken, partners, a user for every role (the "
        "passwords are printed) and about 80 initiatives. Runs only with DEBUG on; a second "
        "run creates nothing twice."
    )

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo refuses to run with DEBUG off: it loads demo data and prints the "
                "passwords of its users, which is for a laptop only. Run it with DEBUG=1."
            )
        created, existing = load_demo(log=self.stdout.write)
        self.report(created, existing)

    def report(self, created: list[Plan], existing: int) -> None:
        if created:
            by_status = Counter(plan.status for plan in created)
            statuses = ", ".join(f"{by_status[status]} {status}" for status in Status.values)
            published = sum(plan.published for plan in created)
            self.stdout.write(
                f"Initiatives: {len(created)} new ({statuses}); {published} published"
            )
        if existing:
            self.stdout.write(f"Initiatives: {existing} demo initiatives were already there")

        login = settings.SITE_URL + reverse("login")
        admin = settings.SITE_URL + reverse("admin:index")
        rows = [("Role", "Username", "Password", "Wijken", "Log in at")]
        names = {wijk.slug: wijk.name for wijk in WIJKEN}
        for demo in DEMO_USERS:
            where = f"{login} and {admin}" if demo.is_staff else login
            wijken = ", ".join(names[slug] for slug in demo.wijken) or "-"
            if Role.COORDINATOR in demo.groups or demo.is_superuser:
                wijken = "(every wijk)"
            rows.append((demo.role, demo.username, demo.password, wijken, where))
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        self.stdout.write("")
        self.stdout.write("Demo accounts (for this laptop only):")
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.stdout.write("  " + "  ".join([*cells, row[4]]))
        self.stdout.write("")
        self.stdout.write(
            "After the password every demo user is asked for a code from an app. Add this "
            f"secret to an authenticator app once: {secret_text(demo_device())}"
        )
        self.stdout.write(
            "or print the current code with: DEBUG=1 .venv/bin/python manage.py demo_code"
        )
