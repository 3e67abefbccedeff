"""A change renews only the cached pages that show it (initiatives.pagecache scopes).

The triggers raise, beside the data version, the scopes of what changed: its wijk and its
year (migration 0018). Pages of one wijk, and the comparison of one period, key on the scopes
they read. Every test commits for real (transactional_db): on PostgreSQL the versions go up
at commit.
"""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.models import Assessment, Criterion, Score
from budgets.models import Contribution, Grant
from initiatives import pagecache, services
from initiatives.models import DataVersion, EntryKind, ScopeVersion, VerifiedSupport
from tests.factories import (
    BudgetPotFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    InitiatorFactory,
    PartnerFactory,
    ResultFactory,
    TimelineEntryFactory,
    priority,
)
from voices.models import Voice

THIS_YEAR = dt.datetime(2026, 6, 15, 12, tzinfo=dt.UTC)
LAST_YEAR = dt.datetime(2025, 6, 15, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def published(wijk, submitted_at=THIS_YEAR, **kwargs):
    initiative = InitiativeFactory(
        neighbourhood=wijk, published=True, submitted_at=submitted_at, **kwargs
    )
    InitiatorFactory(initiative=initiative)
    return initiative


def wijk_version(wijk) -> int:
    return ScopeVersion.sum_of([ScopeVersion.wijk(wijk.pk)])


def year_version(year: int) -> int:
    return ScopeVersion.sum_of([ScopeVersion.year(year)])


def global_version() -> int:
    return ScopeVersion.sum_of([ScopeVersion.GLOBAL])


def queries_for(path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
        assert response.status_code == 200, path
        if response.streaming:
            b"".join(response.streaming_content)
    return len(queries.captured_queries)


def test_a_support_click_renews_only_the_pages_that_show_it(transactional_db, wijk_a, wijk_b):
    clicked = published(wijk_a, public_title="Speeltuin")
    published(wijk_a, submitted_at=LAST_YEAR)
    elsewhere = published(wijk_b, public_title="Bankjes")
    untouched = [
        "/wijken/?period=2025",
        "/wijken/?period=2025-Q3",
        f"/wijken/{wijk_b.slug}/",
        f"/wijken/{wijk_b.slug}/?period=2026",
        f"/wijken/{wijk_b.slug}/initiatieven.csv",
        elsewhere.get_absolute_url(),
    ]
    renewed = [
        "/",
        "/initiatieven/",
        "/wijken/",
        "/wijken/?period=2026",
        f"/wijken/{wijk_a.slug}/",
        f"/wijken/{wijk_a.slug}/initiatieven.csv",
        clicked.get_absolute_url(),
    ]
    for path in untouched + renewed:
        queries_for(path)
        assert queries_for(path) == 1, path  # from the cache

    services.add_support(clicked, "a-browser")

    for path in untouched:
        assert queries_for(path) == 1, f"{path} was renewed by a support click elsewhere"
    for path in renewed:
        assert queries_for(path) > 1, f"{path} was not renewed"
    assert "1" in Client().get(clicked.get_absolute_url()).text


def test_an_unknown_period_is_rendered_not_cached(transactional_db, wijk_a):
    published(wijk_a)
    for _ in range(2):
        assert queries_for("/wijken/?period=1999") > 1
        assert queries_for("/wijken/?period=abc") > 1


def test_a_new_initiative_renews_every_page(transactional_db, wijk_a, wijk_b):
    """It can add a year to every page's period choice."""
    published(wijk_b)
    before = global_version()
    published(wijk_a)
    assert global_version() > before


def test_a_moved_submission_date_renews_every_page(transactional_db, wijk_a):
    initiative = published(wijk_a)
    before = global_version()
    type(initiative).objects.filter(pk=initiative.pk).update(submitted_at=LAST_YEAR)
    assert global_version() > before


def test_an_initiative_moved_to_another_wijk_renews_both(transactional_db, wijk_a, wijk_b):
    initiative = published(wijk_a)
    a, b, other = wijk_version(wijk_a), wijk_version(wijk_b), global_version()
    type(initiative).objects.filter(pk=initiative.pk).update(neighbourhood=wijk_b)
    assert wijk_version(wijk_a) > a
    assert wijk_version(wijk_b) > b
    assert global_version() == other


def _timeline(initiative):
    TimelineEntryFactory(initiative=initiative, kind=EntryKind.PUBLIC_UPDATE)


def _priority(initiative):
    initiative.priorities.add(priority("kinderen"))


def _verified(initiative):
    VerifiedSupport.objects.create(initiative=initiative, address_hash="f" * 64)


def _partner(initiative):
    InitiativePartnerFactory(initiative=initiative)


def _grant(initiative):
    pot = BudgetPotFactory(neighbourhood=initiative.neighbourhood, year=2026, amount=1000)
    Grant.objects.create(initiative=initiative, pot=pot, amount=100)


def _contribution(initiative):
    Contribution.objects.create(
        initiative=initiative, partner=PartnerFactory(), kind="money", value=50
    )


def _assessment(initiative):
    assessment = Assessment.objects.create(initiative=initiative, kind="declined")
    criterion = Criterion.objects.create(name="Past bij de wijk", explanation="Uitleg")
    Score.objects.create(assessment=assessment, criterion=criterion, value="meets", sentence="Ja")


def _score_only(initiative):
    assessment = Assessment.objects.create(initiative=initiative, kind="declined")
    criterion = Criterion.objects.create(name="Past bij de wijk", explanation="Uitleg")
    before = global_version()
    Score.objects.create(assessment=assessment, criterion=criterion, value="meets", sentence="Ja")
    Score.objects.filter(assessment=assessment).update(sentence="Nee")
    assert global_version() == before  # a score maps through its assessment


def _result(initiative):
    ResultFactory(initiative=initiative)


SCOPED_CHANGES = [
    _timeline,
    _priority,
    _verified,
    _partner,
    _grant,
    _contribution,
    _assessment,
    _score_only,
    _result,
]


@pytest.mark.parametrize("change", SCOPED_CHANGES, ids=lambda change: change.__name__[1:])
def test_what_belongs_to_one_initiative_renews_its_wijk_and_year(
    transactional_db, wijk_a, wijk_b, change
):
    initiative = published(wijk_a, submitted_at=LAST_YEAR)
    a, b, year, other_year = (
        wijk_version(wijk_a),
        wijk_version(wijk_b),
        year_version(2025),
        year_version(2026),
    )
    change(initiative)
    assert wijk_version(wijk_a) > a
    assert year_version(2025) > year
    assert wijk_version(wijk_b) == b
    if change is not _grant:  # a pot of 2026 is that year's
        assert year_version(2026) == other_year


def test_a_voice_renews_its_wijk_and_the_year_it_was_heard(transactional_db, wijk_a, wijk_b):
    a, b, year = wijk_version(wijk_a), wijk_version(wijk_b), year_version(2025)
    Voice.objects.create(
        neighbourhood=wijk_a,
        heard_on=dt.date(2025, 3, 1),
        channel="spreekuur",
        summary="Meer licht in het park",
    )
    assert (wijk_version(wijk_a), wijk_version(wijk_b), year_version(2025)) > (a, b, year)
    assert wijk_version(wijk_b) == b


def test_a_pot_renews_its_wijk_and_its_year(transactional_db, wijk_a, wijk_b):
    b, year = wijk_version(wijk_b), year_version(2027)
    BudgetPotFactory(neighbourhood=wijk_a, year=2027, amount=500)
    assert year_version(2027) > year
    assert wijk_version(wijk_b) == b


def test_reference_data_renews_everything(transactional_db, wijk_a):
    before = global_version()
    PartnerFactory(name="Buurthuis De Brug")
    assert global_version() > before


def test_a_row_of_an_initiative_that_is_gone_renews_everything(transactional_db, wijk_a):
    initiative = published(wijk_a)
    before = global_version()
    initiative.delete()  # its timeline goes first, while the initiative still exists
    assert global_version() > before


def test_every_change_still_raises_the_data_version(transactional_db, wijk_a):
    initiative = published(wijk_a)
    before = DataVersion.current()
    services.add_support(initiative, "a-browser")
    assert DataVersion.current() > before


def test_a_period_reads_the_utc_years_it_falls_in():
    local = timezone.get_default_timezone()
    year = pagecache.of_period(
        dt.datetime(2026, 1, 1, tzinfo=local), dt.datetime(2027, 1, 1, tzinfo=local)
    )
    assert year.names == ("year:2025", "year:2026")  # New Year's first hour is UTC's 2025
    quarter = pagecache.of_period(
        dt.datetime(2026, 4, 1, tzinfo=local), dt.datetime(2026, 7, 1, tzinfo=local)
    )
    assert quarter.names == ("year:2026",)
    assert pagecache.of_period(None, None) is None


def test_a_change_last_year_renews_this_years_comparison(transactional_db, wijk_a):
    """A period's comparison sets it beside the same period a year earlier."""
    last_year = published(wijk_a, submitted_at=LAST_YEAR)
    published(wijk_a)
    published(wijk_a, submitted_at=LAST_YEAR.replace(year=2024))
    for path in ("/wijken/?period=2026", "/wijken/?period=2024"):
        queries_for(path)
        assert queries_for(path) == 1, path
    services.add_support(last_year, "a-browser")
    assert queries_for("/wijken/?period=2026") > 1
    assert queries_for("/wijken/?period=2024") == 1
