"""The public list's search: one table of queries and what they find, on every database."""

import pytest
from django.db import connection

from initiatives import services
from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative
from search import index
from search.models import SearchTerm
from tests.factories import InitiativeFactory, InitiatorFactory, TimelineEntryFactory

pytestmark = pytest.mark.django_db

URL = "/initiatieven/"


@pytest.fixture
def initiatives(wijk_a):
    """Four initiatives, each with words in one place only."""
    made = {
        "speeltuin": InitiativeFactory(
            neighbourhood=wijk_a,
            published=True,
            public_title="Speeltuin opknappen",
            public_summary="Ouders knappen de speeltuin achter de flat op.",
            description="Bel Jansen op nummer zeven, geheimwoord.",
        ),
        "repaircafe": InitiativeFactory(
            neighbourhood=wijk_a,
            published=True,
            public_title="Repair Café",
            public_summary="Eén zaterdag per maand repareren buren kapotte spullen.",
            public_summary_nl="",
        ),
        "voorlezen": InitiativeFactory(
            neighbourhood=wijk_a,
            published=True,
            public_title="Okuma sabahı",  # noqa: RUF001 - Turkish
            public_summary="Gönüllüler çocuklara kitap okuyor.",
            public_summary_nl="Elke week lezen vrijwilligers voor in het buurthuis.",
            language="tr",
        ),
        "verborgen": InitiativeFactory(
            neighbourhood=wijk_a,
            title="Moestuin met schatkist",
            description="Een moestuin op het dak, met een schatkist.",
        ),
    }
    TimelineEntryFactory(
        initiative=made["repaircafe"], public_text="Er zijn 23 broodroosters gerepareerd."
    )
    TimelineEntryFactory(
        initiative=made["speeltuin"], kind="note", internal_note="Wethouder wil een glijbaan."
    )
    TimelineEntryFactory(
        initiative=made["speeltuin"],
        kind="message_to_initiator",
        public_text="Kunt u de tekening van de schommel sturen?",
    )
    InitiatorFactory(initiative=made["speeltuin"], name="Fatima Yilmaz")
    return made


SEARCHES = [
    ("speeltuinen", {"speeltuin"}),  # a plural finds the singular
    ("speeltuin", {"speeltuin"}),
    ("SPEELTUIN", {"speeltuin"}),  # case
    ("buurthuis", {"voorlezen"}),  # in the broker's Dutch summary
    ("buurthuizen", {"voorlezen"}),
    ("broodrooster", {"repaircafe"}),  # a word in a public update
    ("cafe", {"repaircafe"}),  # accents
    ("café", {"repaircafe"}),
    ("een zaterdag", {"repaircafe"}),  # "één" without accents; "een" is left out
    ("speeltuin flat", {"speeltuin"}),  # every word must be there
    ("speeltuin broodrooster", set()),
    ("kitap", {"voorlezen"}),  # a word of another language, as written
    ("glijbaan", set()),  # only in an internal note
    ("schommel", set()),  # only in a message to the initiator
    ("yilmaz", set()),  # the initiator's name
    ("geheimwoord", set()),  # only in the resident's own description
    ("moestuin", set()),  # an unpublished initiative
    ("schatkist", set()),
    ("!!!", set()),  # no words at all
]


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_the_search_finds_what_the_public_pages_show(initiatives, query, expected):
    found = InitiativeFilter({"q": query}, queryset=Initiative.objects.published()).qs
    assert set(found) == {initiatives[key] for key in expected}


def test_an_empty_search_filters_nothing(initiatives):
    found = InitiativeFilter({"q": "  "}, queryset=Initiative.objects.published()).qs
    assert found.count() == 3


def test_the_list_page_searches_too(client, initiatives):
    response = client.get(URL, {"q": "speeltuinen"})
    assert [i.pk for i in response.context["page_obj"]] == [initiatives["speeltuin"].pk]


def test_the_services_keep_the_terms_in_step(broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, title="Bankjes")

    def found(query: str) -> bool:
        return index.matching(Initiative.objects.published(), query).exists()

    services.publish(
        initiative,
        actor=broker_a,
        public_title="Bankjes in het park",
        public_summary="Nieuwe bankjes bij de vijver.",
    )
    assert found("vijvers")
    services.post_update(initiative, "De eerste bank staat er, van eikenhout.", actor=broker_a)
    assert found("eikenhout")
    services.publish(
        initiative, actor=broker_a, public_title="Bankjes", public_summary="Bij het water."
    )
    assert not found("vijver") and found("water") and found("eikenhout")
    services.unpublish(initiative, actor=broker_a)
    assert not found("water")
    assert not SearchTerm.objects.filter(initiative=initiative).exists()


def test_rebuild_gives_the_same_terms(initiatives):
    before = set(SearchTerm.objects.values_list("initiative_id", "stem"))
    index.rebuild()
    assert set(SearchTerm.objects.values_list("initiative_id", "stem")) == before
    assert before


def test_the_search_is_served_by_the_stem_index(initiatives):
    queryset = InitiativeFilter({"q": "speeltuin"}, queryset=Initiative.objects.published()).qs
    if connection.vendor != "postgresql":
        # SQLite names a unique constraint's index itself.
        assert "INDEX sqlite_autoindex_search_searchterm_1 (stem=?)" in queryset.explain()
        return
    with connection.cursor() as cursor:
        # With so few rows the planner would rightly scan the table; forbid that.
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert "search_term_unique" in queryset.explain()
