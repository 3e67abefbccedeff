"""duplicates.similar: one table of look-alikes that must and must not match, on both databases.

Run it with DATABASE_URL pointing at SQLite and at PostgreSQL: SQLite compares trigrams in
Python, PostgreSQL asks pg_trgm, and both must give the same answers at the same threshold.
"""

import pytest
from django.db import connection

from duplicates.similar import THRESHOLD, score, similar_initiatives, similar_to, similarity
from initiatives.models import Status
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

# (title, description) of an initiative in the wijk, (title, description) of a new one.
MATCH = [
    (
        ("Speeltuin opknappen", "De speeltuin aan de Vinkenstraat is kapot. We knappen hem op."),
        ("Opknappen van de speeltuin", "De glijbaan is stuk en de zandbak is vies."),
    ),
    (
        ("Huiswerkklas voor kinderen", "Na school hulp bij huiswerk in het buurthuis."),
        ("Huiswerkbegeleiding voor kinderen in het buurthuis", "Thuis is het te druk."),
    ),
    (
        ("Meer handhaving bij de Rosmolenstraat", "Er wordt steeds fout geparkeerd."),
        ("Handhaving Rosmolenstraat", "Auto's op de stoep, kinderwagens kunnen er niet langs."),
    ),
    (("Moestuin in het park", "Een moestuin voor de buurt."), ("Moestuin in het prak", "")),
    (("BUURTBARBECUE!!!", "Iedereen neemt iets mee."), ("buurtbarbecue", "")),
    (
        ("Een buurtcafé voor ouderen", "Eén keer per maand koffie en een praatje."),
        ("Buurtcafé voor ouderen in de wijk", "Ouderen zijn eenzaam."),
    ),
]
NO_MATCH = [
    (
        ("Speeltuin opknappen", "We willen de speeltuin opknappen."),
        ("Hangjongeren bij het winkelcentrum", "'s Avonds is er overlast."),
    ),
    (
        ("Taalcursus voor nieuwe Nederlanders", "Les in het Nederlands."),
        ("Zwerfafval opruimen langs het spoor", "Elke maand een opruimochtend."),
    ),
    (
        ("Bankjes in het park", "Ouderen willen kunnen zitten."),
        ("Bewonersvereniging oprichten", "Een vereniging met een bankrekening."),
    ),
    (
        ("Voetbaltoernooi voor jongeren", "In de zomer op het Wilhelminaplein."),
        ("Sollicitatietraining voor werkzoekenden", "Hulp bij het vinden van werk."),
    ),
    (("Speeltuin", ""), ("Speelplaats voor kinderen", "Een plek om te spelen.")),
]
PAIRS = [(existing, new, True) for existing, new in MATCH] + [
    (existing, new, False) for existing, new in NO_MATCH
]


@pytest.mark.parametrize(("existing", "new", "matches"), PAIRS)
def test_the_shared_table_matches_on_this_database(wijk_a, existing, new, matches):
    InitiativeFactory(neighbourhood=wijk_a, title=existing[0], description=existing[1])
    found = similar_to(*new, neighbourhood_id=wijk_a.pk, public=False)
    assert bool(found) is matches, (connection.vendor, score(*existing, *new))
    # Away from the threshold, so float rounding on either database cannot flip an answer.
    assert abs(score(*existing, *new) - THRESHOLD) > 0.05


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares with pg_trgm itself")
@pytest.mark.parametrize(("existing", "new", "matches"), PAIRS)
def test_the_python_similarity_is_pg_trgms(existing, new, matches):
    texts = [existing[0], new[0], f"{existing[0]} {existing[1]}", f"{new[0]} {new[1]}"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT similarity(%s, %s), similarity(%s, %s)", [texts[0], texts[1], *texts[2:]]
        )
        titles, whole = cursor.fetchone()
    assert similarity(texts[0], texts[1]) == pytest.approx(titles, abs=1e-6)
    assert similarity(texts[2], texts[3]) == pytest.approx(whole, abs=1e-6)


def test_only_the_same_wijk_and_never_merged_ones_or_itself(wijk_a, wijk_b):
    own = InitiativeFactory(neighbourhood=wijk_a, title="Speeltuin opknappen")
    alike = InitiativeFactory(neighbourhood=wijk_a, title="Opknappen van de speeltuin")
    InitiativeFactory(neighbourhood=wijk_b, title="Speeltuin opknappen")
    InitiativeFactory(neighbourhood=wijk_a, title="Speeltuin opknappen", status=Status.MERGED)
    found = similar_initiatives(own, public=False)
    assert [item.pk for item in found] == [alike.pk]
    assert found[0].title == "Opknappen van de speeltuin"


def test_the_public_sees_only_published_ones_by_their_public_title(wijk_a):
    new = InitiativeFactory(neighbourhood=wijk_a, title="Speeltuin opknappen")
    InitiativeFactory(neighbourhood=wijk_a, title="Speeltuin opknappen Vinkenstraat")
    public = InitiativeFactory(
        neighbourhood=wijk_a, title="Mevrouw Jansen: speeltuin", published=True
    )
    public.public_title = "De speeltuin opknappen"
    public.save(update_fields=["public_title"])
    found = similar_initiatives(new, public=True)
    assert [(item.pk, item.title) for item in found] == [(public.pk, "De speeltuin opknappen")]


def test_most_alike_first_and_at_most_five(wijk_a):
    for n in range(7):
        InitiativeFactory(neighbourhood=wijk_a, title=f"Speeltuin opknappen {'x' * n}")
    exact = InitiativeFactory(neighbourhood=wijk_a, title="Speeltuin opknappen")
    found = similar_to("Speeltuin opknappen", "", neighbourhood_id=wijk_a.pk, public=False)
    assert len(found) == 5
    assert found[0].pk == exact.pk
    assert [item.score for item in found] == sorted((item.score for item in found), reverse=True)


@pytest.mark.parametrize("rows", [2, 12])
def test_one_query_whatever_the_number_of_initiatives(wijk_a, rows, django_assert_num_queries):
    for _ in range(rows):
        InitiativeFactory(neighbourhood=wijk_a)
    with django_assert_num_queries(1):  # the candidates, compared (SQL or Python)
        similar_to("Speeltuin opknappen", "", neighbourhood_id=wijk_a.pk, public=False)
