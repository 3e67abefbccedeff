"""What residents say: recording voices (one, several, the personal-data warning), linking
them to initiatives, and what the wijk page, the comparison and open data make of them."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from initiatives.models import DataVersion, Initiative
from tests.factories import InitiativeFactory, priority
from voices import figures, services
from voices.models import Voice

pytestmark = pytest.mark.django_db

CREATE = reverse("voices:create")
BULK = reverse("voices:bulk")
LIST = reverse("voices:list")


def where(wijk, **values) -> dict:
    return {
        "heard_on": "1-12-2026",
        "neighbourhood": wijk.pk,
        "place": "bij de Rosmolenschool",
        "channel": "school",
        **values,
    }


def what(prefix="what", **values) -> dict:
    data = {
        "summary": "Ouders vinden het oversteken bij school gevaarlijk.",
        "residents": "12",
        "priorities": [priority("kinderen").pk],
        "tags": "Oversteken, school",
        **values,
    }
    return {f"{prefix}-{key}": value for key, value in data.items()}


def test_a_broker_records_a_voice_between_two_conversations(client, broker_a, wijk_a):
    client.force_login(broker_a)
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, {**where(wijk_a), **what(is_publishable="on")})
    assert response.status_code == 302
    assert response["Location"] == CREATE  # straight on to the next one
    voice = Voice.objects.get()
    assert voice.neighbourhood == wijk_a
    assert voice.heard_on == dt.date(2026, 12, 1)
    assert voice.residents == 12
    assert voice.recorded_by == broker_a
    assert voice.is_publishable
    assert sorted(voice.tags.values_list("name", flat=True)) == ["oversteken", "school"]
    assert list(voice.priorities.values_list("slug", flat=True)) == ["kinderen"]
    assert "Ouders vinden het oversteken" in client.get(LIST).text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mail mevrouw op jan@example.org", "een e-mailadres"),
        ("Bel haar terug op 06-12345678", "een telefoonnummer"),
        ("Woont op 1506 AB 12 en wil een bankje", "een adres"),
        ("Meneer van de Dorpstraat 14 klaagt", "een adres"),
    ],
)
def test_personal_data_is_warned_about_and_saved_only_when_checked(
    client, broker_a, wijk_a, text, found
):
    client.force_login(broker_a)
    response = client.post(CREATE, {**where(wijk_a), **what(summary=text)})
    assert response.status_code == 200
    assert f"Hier lijkt {found} in te staan." in response.text
    assert text in response.text  # the form comes back as typed
    assert "Ik heb het nagekeken" in response.text
    assert not Voice.objects.exists()
    response = client.post(CREATE, {**where(wijk_a), **what(summary=text, checked="on")})
    assert response.status_code == 302
    assert Voice.objects.count() == 1


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"what-summary": ""}, "Vul dit in"),
        ({"what-residents": "0"}, "Vul 1 of meer in."),
        ({"what-residents": "veel"}, "Vul een getal in, zoals 12."),
        ({"what-residents": "9000"}, "Dat zijn er te veel."),
        ({"what-tags": "a, b, c, d, e, f"}, "Kies hoogstens 5 trefwoorden."),
        ({"heard_on": "2099-01-01"}, "Deze datum ligt in de toekomst."),
        ({"heard_on": "gisteren"}, "Vul een datum in, zoals 3-12-2026."),
        ({"channel": "telepathie"}, "Kies een van de mogelijkheden"),
    ],
)
def test_bad_input_is_a_message_with_the_form_kept(client, broker_a, wijk_a, values, message):
    client.force_login(broker_a)
    response = client.post(CREATE, {**where(wijk_a), **what(), **values})
    assert response.status_code == 200
    assert message in response.text
    assert "bij de Rosmolenschool" in response.text
    assert not Voice.objects.exists()


def test_a_broker_records_only_in_their_own_wijken(client, broker_a, wijk_b):
    client.force_login(broker_a)
    response = client.post(CREATE, {**where(wijk_b), **what()})
    assert "Kies een van de mogelijkheden" in response.text
    assert not Voice.objects.exists()


def test_several_voices_after_an_event(client, broker_a, wijk_a):
    client.force_login(broker_a)
    data = {
        **where(wijk_a, channel="event"),
        "rows-TOTAL_FORMS": "5",
        "rows-INITIAL_FORMS": "0",
        **what("rows-0"),
        **what("rows-1", summary="Te weinig te doen voor tieners.", residents="4", tags=""),
        **what("rows-2", summary="Hangjongeren bij het winkelcentrum.", residents="3"),
    }
    response = client.post(BULK, data)
    assert response.status_code == 302
    assert Voice.objects.count() == 3
    assert set(Voice.objects.values_list("channel", flat=True)) == {"event"}
    assert sum(Voice.objects.values_list("residents", flat=True)) == 19


def test_an_empty_bulk_form_says_so(client, broker_a, wijk_a):
    client.force_login(broker_a)
    data = {**where(wijk_a), "rows-TOTAL_FORMS": "5", "rows-INITIAL_FORMS": "0"}
    response = client.post(BULK, data)
    assert response.status_code == 200
    assert "Vul ten minste één signaal in." in response.text
    assert response.text.count('id="foutmeldingen"') == 1


@pytest.mark.parametrize("url", [CREATE, BULK, LIST])
def test_the_voice_pages_four_ways(client, broker_a, council_member, wijk_a, url):
    assert client.get(url).status_code == 302  # anonymous: to the log-in page
    client.force_login(council_member)
    assert client.get(url).status_code == 403
    assert client.post(url, {**where(wijk_a), **what()}).status_code in {403, 405}
    client.force_login(broker_a)
    assert client.put(url).status_code == 405
    assert not Voice.objects.exists()


def _voice(wijk, broker, **values):
    defaults = {
        "actor": broker,
        "neighbourhood": wijk,
        "heard_on": dt.date(2026, 11, 20),
        "channel": "street",
        "summary": "Oversteken bij school is gevaarlijk.",
        "residents": 1,
        "priorities": [priority("kinderen")],
        "tags": ["oversteken"],
        "is_publishable": True,
    }
    return services.record_voice(**{**defaults, **values})


def test_an_initiative_grows_from_a_voice(client, broker_a, wijk_a):
    voice = _voice(wijk_a, broker_a)
    client.force_login(broker_a)
    url = reverse("voices:intake", kwargs={"voice_pk": voice.pk})
    page = client.get(url)
    assert "Dit idee komt voort uit wat bewoners zeiden" in page.text
    assert page.context["form"]["neighbourhood"].value() == wijk_a.pk
    data = {
        "channel": "spreekuur",
        "title": "Klaar-over bij de school",
        "description": "Ouders willen zelf helpen bij het oversteken.",
        "neighbourhood": wijk_a.pk,
        "name": "Karim",
        "phone": "0612345678",
        "language": "nl",
        "consent_basis": "verbal",
        "consent_date": "1-12-2026",
        "consent": "on",
    }
    response = client.post(url, data)
    initiative = Initiative.objects.get()
    assert response["Location"].endswith(f"/werkvoorraad/{initiative.pk}/brief/")
    assert list(initiative.voices.all()) == [voice]
    detail = client.get(reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk}))
    assert "Voortgekomen uit wat bewoners zeiden" in detail.text


def test_a_voice_and_an_initiative_of_another_wijk_are_not_linked(broker_a, wijk_a, wijk_b):
    from django.core.exceptions import PermissionDenied

    voice = _voice(wijk_a, broker_a)
    elsewhere = InitiativeFactory(neighbourhood=wijk_b)
    with pytest.raises(PermissionDenied):
        services.link_voice(voice, elsewhere, actor=broker_a)


@pytest.fixture
def heard(wijk_a, wijk_b, broker_a, broker_b):
    """A hand-computed set: kinderen 12 + 3 + 2 residents in 3 voices over two quarters."""
    kinderen, handhaving = priority("kinderen"), priority("handhaving")
    _voice(wijk_a, broker_a, residents=12, heard_on=dt.date(2026, 11, 20))
    _voice(
        wijk_a,
        broker_a,
        residents=3,
        heard_on=dt.date(2026, 8, 3),
        summary="CANARY-PRIVATE-SUMMARY",
        tags=["canary-tag"],
        is_publishable=False,
    )
    linked = _voice(wijk_a, broker_a, residents=2, tags=["speeltuin"], heard_on=dt.date(2026, 8, 9))
    linked.initiatives.add(InitiativeFactory(neighbourhood=wijk_a))
    _voice(wijk_a, broker_a, residents=5, priorities=[handhaving], tags=["parkeren"])
    _voice(wijk_a, broker_a, residents=1, priorities=[], tags=[], summary="Meer bankjes.")
    _voice(wijk_b, broker_b, residents=7, priorities=[kinderen], tags=["oversteken"])


def test_what_the_wijk_says_matches_the_hand_computed_set(heard, wijk_a):
    says = figures.wijk_says(wijk_a, None, None)
    rows = {row.priority.slug if row.priority else None: row for row in says["rows"]}
    kinderen = rows["kinderen"]
    assert (kinderen.voices, kinderen.residents) == (3, 17)
    assert kinderen.quarters == [("2026 K3", 5), ("2026 K4", 12)]
    # Tags and summaries of publishable voices only.
    assert kinderen.tags == [("oversteken", 12), ("speeltuin", 2)]
    assert [voice["summary"] for voice in kinderen.recent] == [
        "Oversteken bij school is gevaarlijk."
    ] * 2
    assert (rows["handhaving"].voices, rows["handhaving"].residents) == (1, 5)
    assert rows[None].residents == 1
    assert "werkloosheid" not in rows
    # Heard, and no initiative yet: "oversteken" (12); "speeltuin" has one.
    assert says["without_initiative"] == [("oversteken", 12), ("parkeren", 5)]


def test_the_period_narrows_it(heard, wijk_a):
    start = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
    end = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    rows = {r.priority.slug: r for r in figures.wijk_says(wijk_a, start, end)["rows"] if r.priority}
    assert rows["kinderen"].residents == 12


def test_the_wijk_page_comparison_and_open_data_show_it_without_private_text(client, heard, wijk_a):
    page = client.get(reverse("initiatives:neighbourhood", kwargs={"slug": wijk_a.slug})).text
    assert "Wat de wijk zegt" in page
    assert "17 bewoners zeiden hier iets over (3 keer opgeschreven)." in page
    assert "12 keer gehoord over oversteken; nog geen initiatief." in page
    assert "Oversteken bij school is gevaarlijk." in page
    comparison = client.get(reverse("initiatives:neighbourhoods")).text
    assert "Wat de wijken zeggen" in comparison
    assert "17 (3)" in comparison and "7 (1)" in comparison
    response = client.get(reverse("voices:open_data_csv"))
    rows = list(csv.DictReader(io.StringIO(b"".join(response).decode())))
    q4 = [r for r in rows if r["wijk"] == wijk_a.name and r["priority"] == "kinderen"]
    assert {(r["year"], r["quarter"], r["residents"]) for r in q4} == {
        ("2026", "3", "5"),
        ("2026", "4", "12"),
    }
    for text in (page, comparison, b"".join(response).decode()):
        assert "CANARY" not in text and "canary" not in text


def test_the_wijk_page_query_count_does_not_grow_with_voices(client, wijk_a, broker_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("initiatives:neighbourhood", kwargs={"slug": wijk_a.slug})

    def queries() -> int:
        DataVersion.objects.update(value=DataVersion.current() + 1)  # not from the cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    _voice(wijk_a, broker_a)
    client.get(url)
    few = queries()
    for number in range(20):
        _voice(wijk_a, broker_a, tags=[f"woord{number % 4}"], residents=number + 1)
    assert queries() == few


def test_a_new_voice_renews_the_cached_wijk_page(transactional_db, broker_a, wijk_a):
    # Committed for real: on PostgreSQL the version goes up as the transaction commits.
    before = DataVersion.current()
    _voice(wijk_a, broker_a)
    assert DataVersion.current() > before


def test_a_broker_links_an_initiative_to_a_voice_from_its_page(
    client, broker_a, broker_b, council_member, wijk_a, wijk_b
):
    voice = _voice(wijk_a, broker_a)
    elsewhere = _voice(wijk_b, broker_b)
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    detail = reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})
    url = reverse("voices:link", kwargs={"pk": initiative.pk})
    assert client.post(url, {"voice": voice.pk}).status_code == 302  # anonymous: log in
    client.force_login(council_member)
    assert client.post(url, {"voice": voice.pk}).status_code == 403
    client.force_login(broker_b)
    assert client.post(url, {"voice": voice.pk}).status_code == 403
    assert not initiative.voices.exists()

    client.force_login(broker_a)
    page = client.get(detail).text
    assert "Signaal koppelen" in page
    assert elsewhere.summary not in page or "Nog aan geen signaal" in page
    assert client.get(url).status_code == 405
    for bad in ("", "abc", str(elsewhere.pk)):
        client.post(url, {"voice": bad})
    assert not initiative.voices.exists()
    assert client.post(url, {"voice": voice.pk})["Location"] == detail
    assert list(initiative.voices.all()) == [voice]
    assert "Voortgekomen uit wat bewoners zeiden" in client.get(detail).text
