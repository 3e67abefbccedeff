"""pg_trgm for finding similar initiatives on PostgreSQL (duplicates.similar).

``TrigramExtension`` does nothing on SQLite, which compares trigrams in Python. pg_trgm is a
trusted extension (PostgreSQL 13 and later): the database owner may create it.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("duplicates", "0002_data_version_triggers"),
    ]

    operations = [TrigramExtension()]
