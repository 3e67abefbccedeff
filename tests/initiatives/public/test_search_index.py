"""The public search uses its full-text index on PostgreSQL (migration 0008)."""

import pytest
from django.db import connection

from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative

pytestmark = pytest.mark.django_db


def test_the_search_is_served_by_its_index():
    queryset = InitiativeFilter({"q": "speeltuin"}, queryset=Initiative.objects.published()).qs
    if connection.vendor != "postgresql":
        # SQLite searches with LIKE; to_tsvector() does not exist there.
        assert "LIKE" in str(queryset.query)
        return
    with connection.cursor() as cursor:
        # With so few rows the planner would rightly scan the table; forbid that to see
        # whether the index matches the expression Django generates.
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = queryset.explain()
    assert "initiative_public_search_idx" in plan
