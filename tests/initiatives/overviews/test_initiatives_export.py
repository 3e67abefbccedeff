"""Open data of published initiatives: /open-data/initiatieven.csv|json and per wijk."""

import csv
import io
import json

import pytest

from tests.initiatives.overviews.conftest import assert_no_canaries, body, make_initiatives

pytestmark = pytest.mark.django_db

COLUMNS = [
    "id",
    "title",
    "summary",
    "wijk",
    "wijk_cbs_code",
    "priorities",
    "status",
    "published_date",
    "submitted_date",
    "first_response_date",
    "response_working_days",
    "amount_requested",
    "amount_granted",
    "supports",
    "help_offers",
    "url",
    "residents_reached",
    "volunteers",
]


def _csv(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = body(response)
    assert not text.startswith("\ufeff")  # no byte-order mark
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def test_csv_of_all_wijken_holds_published_initiatives_only(client, dataset, wijk_a):
    wijk_a.cbs_code = "WK047901"
    wijk_a.save(update_fields=["cbs_code"])
    rows = {row["title"]: row for row in _csv(client, "/open-data/initiatieven.csv")}
    assert set(rows) == {
        "Huiswerkklas in het buurthuis",
        "Speelplein De Vlinder",
        "Taalcafé voor werkzoekenden",
        "Melding: losliggende stoeptegels",
    }
    p1 = dataset["p1"]
    assert rows["Huiswerkklas in het buurthuis"] == {
        "id": str(p1.pk),
        "title": "Huiswerkklas in het buurthuis",
        "summary": "Kinderen maken samen hun huiswerk.",
        "wijk": "Poelenburg",
        "wijk_cbs_code": "WK047901",
        "priorities": "kinderen|werkloosheid",
        "status": "intake",
        "published_date": "2026-04-26",
        "submitted_date": "2026-04-23",
        "first_response_date": "2026-04-28",
        "response_working_days": "2",
        "amount_requested": "1000.00",
        "amount_granted": "500.00",
        "supports": "3",
        "help_offers": "1",
        "url": f"http://testserver/initiatieven/{p1.pk}/",
        # A public result, but p1 was reopened: it waits until p1 is completed again.
        "residents_reached": "",
        "volunteers": "",
    }
    assert rows["Speelplein De Vlinder"]["residents_reached"] == "32"
    assert rows["Speelplein De Vlinder"]["volunteers"] == "6"
    assert rows["Taalcafé voor werkzoekenden"]["wijk_cbs_code"] == ""
    assert rows["Taalcafé voor werkzoekenden"]["amount_requested"] == ""


def test_csv_of_one_wijk(client, dataset):
    response = client.get("/wijken/kogerveld/initiatieven.csv")
    assert response["Content-Disposition"] == 'attachment; filename="initiatieven-kogerveld.csv"'
    rows = _csv(client, "/wijken/kogerveld/initiatieven.csv")
    assert [row["wijk"] for row in rows] == ["Kogerveld", "Kogerveld"]


def test_json_has_the_same_records(client, dataset):
    response = client.get("/open-data/initiatieven.json")
    assert response["Content-Type"] == "application/json"
    records = json.loads(body(response))
    assert len(records) == 4
    assert list(records[0]) == COLUMNS
    p1 = next(record for record in records if record["id"] == dataset["p1"].pk)
    assert p1["priorities"] == ["kinderen", "werkloosheid"]
    assert p1["amount_granted"] == "500.00"
    wijk = json.loads(body(client.get("/wijken/poelenburg/initiatieven.json")))
    assert [record["wijk"] for record in wijk] == ["Poelenburg", "Poelenburg"]


@pytest.mark.parametrize("role", [None, "council_member", "coordinator"])
@pytest.mark.parametrize(
    "url",
    [
        "/open-data/initiatieven.csv",
        "/open-data/initiatieven.json",
        "/wijken/poelenburg/initiatieven.csv",
        "/wijken/poelenburg/initiatieven.json",
    ],
)
def test_exports_never_hold_personal_data_or_unpublished_initiatives(
    client, dataset, role, url, request
):
    if role:
        client.force_login(request.getfixturevalue(role))
    assert_no_canaries(body(client.get(url)))


def test_a_formula_in_a_title_stays_text_in_the_csv(client, dataset):
    dataset["p2"].public_title = "=HYPERLINK(1)"
    dataset["p2"].save(update_fields=["public_title"])
    rows = _csv(client, "/open-data/initiatieven.csv")
    assert "'=HYPERLINK(1)" in [row["title"] for row in rows]


@pytest.mark.parametrize(
    "url", ["/wijken/onbekend/initiatieven.csv", "/wijken/x/initiatieven.json"]
)
def test_unknown_wijk_is_404(client, db, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/open-data/initiatieven.csv", "/open-data/initiatieven.json"])
def test_export_query_count_does_not_grow(
    client, today, wijk_a, wijk_b, url, django_assert_num_queries
):
    make_initiatives([wijk_a, wijk_b], 10)
    # One query: the published initiatives with their wijk and priority slugs (on SQLite
    # the iterator reads the rows in one go; on PostgreSQL a server-side cursor fetches
    # in chunks of 2000 within the same query).
    with django_assert_num_queries(1):
        body(client.get(url))
    make_initiatives([wijk_a, wijk_b], 490)
    with django_assert_num_queries(1):
        assert len(body(client.get(url))) > 0
