"""Open data of voices: aggregates per wijk, priority and quarter; never a summary."""

import csv

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from initiatives.pagecache import cache_public_page
from voices.figures import open_data_rows

COLUMNS = [
    "wijk",
    "wijk_slug",
    "wijk_cbs_code",
    "priority",
    "year",
    "quarter",
    "voices",
    "residents",
]


@require_safe
@cache_public_page()
def voices_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="signalen.csv"'
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for row in open_data_rows():
        writer.writerow(
            [
                row["neighbourhood__name"],
                row["neighbourhood__slug"],
                row["neighbourhood__cbs_code"],
                row["priorities__slug"] or "",
                row["year"],
                row["quarter"],
                row["voices"],
                row["residents"],
            ]
        )
    return response
