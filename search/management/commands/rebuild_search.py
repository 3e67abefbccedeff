from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = "Rebuild the public search's word stems from the public texts of published initiatives."

    def handle(self, *args, **options) -> None:
        index.rebuild()
        self.stdout.write("Zoekindex opnieuw opgebouwd.")
