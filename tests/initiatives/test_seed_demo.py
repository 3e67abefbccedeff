from collections.abc import Iterator
from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count
from django.test.utils import override_settings
from django.utils import timezone

from answers import placeholders
from answers.models import AnswerTemplate
from assessments.models import Assessment, Criterion, Score
from budgets.models import BudgetPot, Grant
from initiatives.demo.people import DEMO_USERS
from initiatives.models import (
    CLOSED_STATUSES,
    HelpOffer,
    Initiative,
    InitiativePartner,
    Initiator,
    Partner,
    Status,
    Support,
    TimelineEntry,
)
from initiatives.rules import Role
from initiatives.services import first_response_due
from initiatives.workdays import local_date, working_days_between
from neighbourhoods.models import Neighbourhood, Population, PostcodeArea
from results.models import Result

User = get_user_model()
EIGHTEEN_MONTHS = timedelta(days=18 * 30)


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = [
        Neighbourhood,
        PostcodeArea,
        Partner,
        User,
        Initiative,
        Initiator,
        TimelineEntry,
        Support,
        HelpOffer,
        InitiativePartner,
        AnswerTemplate,
        Result,
    ]
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Iterator[str]:
    """The demo data, loaded once for this module and rolled back after it; the output.

    Seeding takes seconds, so the tests share one run. Each test still runs in its own
    savepoint on top (the ``db`` fixture), so a test that changes data leaves no trace.
    """
    with (
        django_db_blocker.unblock(),
        # The real hasher takes a third of a second per password; the check is the same.
        override_settings(
            DEBUG=True, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
        ),
        transaction.atomic(),
    ):
        # The seeded criteria are in use, as in a new installation (tests/conftest.py
        # switches them off for the other tests).
        Criterion.objects.update(is_active=True)
        yield seed()
        transaction.set_rollback(True)


@pytest.fixture
def output(demo, db) -> str:
    return demo


@pytest.mark.django_db
def test_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    before = counts()

    with pytest.raises(CommandError, match="DEBUG"):
        seed()

    assert counts() == before


def test_creates_zaanstad_wijken_with_sample_codes_that_look_like_no_real_one(output):
    wijken = Neighbourhood.objects.all()

    assert wijken.count() >= 9
    assert {"Poelenburg", "Peldersveld", "Kogerveld", "Rosmolenwijk", "Krommenie"} <= {
        wijk.name for wijk in wijken
    }
    # Municipality 9999 does not exist (initiatives/demo/cbs/README.md).
    assert all(wijk.description and wijk.cbs_code.startswith("WK9999") for wijk in wijken)
    # Every wijk has postcodes, and its population in two years, marked as sample figures.
    assert not wijken.filter(postcode_areas=None).exists()
    assert set(Population.objects.values_list("year", "is_sample").distinct()) == {
        (2023, True),
        (2024, True),
    }
    assert Population.objects.count() == 2 * wijken.count()


def test_creates_a_user_for_every_role_in_the_right_group(output):
    def members(role: Role) -> list:
        return list(User.objects.filter(groups__name=role).prefetch_related("neighbourhoods"))

    brokers = members(Role.BROKER)
    assert 3 <= len(brokers) <= 4
    for broker in brokers:
        assert broker.is_staff and not broker.is_superuser
        assert 2 <= len(broker.neighbourhoods.all()) <= 3
        assert broker.first_name and broker.last_name
    # Every wijk has a broker.
    assert not Neighbourhood.objects.filter(brokers=None).exists()

    [coordinator] = members(Role.COORDINATOR)
    assert coordinator.is_staff
    [council_member] = members(Role.COUNCIL)
    assert not council_member.is_staff
    [administrator] = members(Role.ADMINISTRATOR)
    assert administrator.is_staff and not administrator.is_superuser
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser


def test_printed_passwords_work(output):
    for demo in DEMO_USERS:
        [line] = [line for line in output.splitlines() if f" {demo.username} " in line]
        assert demo.password in line
        assert "http://127.0.0.1:8000/account/login/" in line
        assert User.objects.get(username=demo.username).check_password(demo.password)
    assert "/beheer/" in output


def test_creates_about_80_initiatives_in_every_status(output):
    initiatives = Initiative.objects.all()

    assert initiatives.count() >= 75
    assert set(initiatives.values_list("status", flat=True)) == set(Status.values)
    published = initiatives.filter(is_published=True)
    assert 0.4 <= published.count() / initiatives.count() <= 0.6
    assert not published.filter(public_title="").exists()
    assert not published.filter(public_summary="").exists()
    assert not initiatives.filter(status=Status.WITHDRAWN, is_published=True).exists()
    # Every priority is used, and some initiatives have several or none.
    with_counts = initiatives.annotate(priority_count=Count("priorities"))
    assert {0, 1, 2} <= set(with_counts.values_list("priority_count", flat=True))
    assert initiatives.filter(amount_granted__isnull=False).exists()
    assert InitiativePartner.objects.exists()


def test_some_initiatives_are_overdue_some_wait_for_the_initiator_some_are_referred(output):
    today = timezone.localdate()
    initiatives = Initiative.objects.all()

    assert initiatives.overdue(today).exists()
    assert initiatives.open().filter(waiting_for_initiator_since__isnull=False).exists()
    referred = initiatives.filter(status=Status.REFERRED)
    assert not referred.filter(referred_to="").exists()
    assert (
        referred.filter(referred_to="Meldpunt openbare ruimte")
        .exclude(referral_reference="")
        .exists()
    )


def test_counters_match_the_rows(output):
    initiatives = Initiative.objects.annotate(
        supports_counted=Count("supports", distinct=True),
        offers_counted=Count("help_offers", distinct=True),
    )

    for initiative in initiatives:
        assert initiative.support_count == initiative.supports_counted
        assert initiative.help_offer_count == initiative.offers_counted
    assert Support.objects.count() > 0
    assert HelpOffer.objects.count() > 0


def test_dates_are_consistent_and_within_the_last_18_months(output):
    now = timezone.now()
    oldest = now - EIGHTEEN_MONTHS
    initiatives = Initiative.objects.prefetch_related(
        "timeline", "supports", "help_offers", "partner_links"
    )

    for initiative in initiatives:
        assert (initiative.status in CLOSED_STATUSES) == (initiative.closed_at is not None)
        assert initiative.is_published == (initiative.published_at is not None)
        assert initiative.first_response_due == first_response_due(initiative.submitted_at)
        if initiative.first_response_at is None:
            assert initiative.response_working_days is None
        else:
            assert initiative.response_working_days == working_days_between(
                local_date(initiative.submitted_at), local_date(initiative.first_response_at)
            )
        timeline = list(initiative.timeline.all())
        moments = [
            initiative.submitted_at,
            *(entry.created_at for entry in timeline),
            *(support.created_at for support in initiative.supports.all()),
            *(offer.created_at for offer in initiative.help_offers.all()),
            *(link.created_at for link in initiative.partner_links.all()),
        ]
        assert oldest <= initiative.submitted_at == min(moments)
        assert max(moments) <= now
        assert [entry.created_at for entry in timeline] == sorted(
            entry.created_at for entry in timeline
        )
        changes = [entry for entry in timeline if entry.kind == "status_change"]
        if changes:
            assert changes[-1].to_status == initiative.status
        if initiative.closed_at is not None:
            assert initiative.closed_at == changes[-1].created_at


@pytest.mark.django_db
def test_a_run_on_a_past_day_dates_everything_before_that_day(settings, time_machine):
    # Its own run: the shared one may already be loaded in this transaction, and a run on
    # top of it would find every demo initiative there and create nothing.
    Grant.objects.all().delete()
    BudgetPot.objects.all().delete()
    Initiative.objects.all().delete()
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    time_machine.move_to("2025-03-14 15:00 +01:00", tick=False)
    that_day = datetime(2025, 3, 14, tzinfo=timezone.get_current_timezone())

    seed()

    initiatives = Initiative.objects.all()
    moments = [
        *initiatives.values_list("submitted_at", flat=True),
        *initiatives.values_list("updated_at", flat=True),
        *initiatives.exclude(first_response_at=None).values_list("first_response_at", flat=True),
        *initiatives.exclude(closed_at=None).values_list("closed_at", flat=True),
        *initiatives.exclude(published_at=None).values_list("published_at", flat=True),
        *TimelineEntry.objects.values_list("created_at", flat=True),
        *Support.objects.values_list("created_at", flat=True),
        *HelpOffer.objects.values_list("created_at", flat=True),
        *InitiativePartner.objects.values_list("created_at", flat=True),
    ]
    assert initiatives.count() >= 75
    # Every moment comes from the clock the run was given, through the services' now=:
    # nothing is stamped on the day of the run, nor by the real clock, years later.
    assert that_day - EIGHTEEN_MONTHS <= min(moments)
    assert max(moments) < that_day


def test_creates_answer_templates_of_every_kind_in_both_languages(output):
    templates = list(AnswerTemplate.objects.all())
    assert {template.kind for template in templates} == set(AnswerTemplate.Kind.values)
    for template in templates:
        assert template.text_nl and template.text_en and template.is_active
        assert placeholders.unknown(template.text_nl + template.text_en) == []
    assert f"Answer templates: {len(templates)} ({len(templates)} new)" in output


def test_decided_initiatives_have_their_assessments(output):
    """Every decline and approval the stories played, and every grant, has its scores."""
    decisions = TimelineEntry.objects.filter(
        kind="status_change", to_status__in=[Status.DECLINED, Status.PREPARING], actor__isnull=False
    )
    assert decisions.exists()
    assessed = Assessment.objects.exclude(kind=Assessment.Kind.GRANT)
    assert set(assessed.values_list("entry", flat=True)) == set(
        decisions.values_list("pk", flat=True)
    )
    assert Assessment.objects.filter(kind=Assessment.Kind.GRANT).count() == Grant.objects.count()
    criteria = Criterion.objects.count()
    assert {a.scores.count() for a in Assessment.objects.prefetch_related("scores")} == {criteria}
    # A refusal names at least one criterion it does not meet.
    for assessment in Assessment.objects.filter(kind=Assessment.Kind.DECLINED):
        assert assessment.scores.filter(value=Score.Value.NOT).exists()
    assert not Score.objects.filter(sentence="").exists()


def test_every_completed_initiative_has_a_result_most_of_them_public(output):
    completed = Initiative.objects.filter(status=Status.COMPLETED)
    results = list(Result.objects.select_related("initiative"))
    assert len(results) == completed.count() > 0
    assert 0 < sum(result.is_public for result in results) < len(results)
    today = timezone.localdate()
    for result in results:
        assert result.story and result.residents_reached > 0
        assert result.initiative.closed_at < result.recorded_at
        assert local_date(result.recorded_at) < today
        if result.money_spent is not None:
            assert result.money_spent <= result.initiative.amount_granted
    assert f"Results of completed initiatives: {len(results)} new" in output


def test_a_second_run_creates_nothing_twice(output):
    before = counts()

    second = seed()

    assert counts() == before
    assert "already there" in second
    for demo in DEMO_USERS:
        assert User.objects.get(username=demo.username).check_password(demo.password)


def test_a_second_run_resets_a_changed_demo_password(output):
    broker = User.objects.get(username="samira")
    broker.set_password("something else entirely")
    broker.save(update_fields=["password"])

    seed()

    broker.refresh_from_db()
    assert broker.check_password("demo-makelaar-2026")


def test_prints_no_personal_data_of_residents(output):
    addresses = [
        *Initiator.objects.values_list("email", flat=True),
        *HelpOffer.objects.values_list("email", flat=True),
    ]

    assert addresses
    for address in addresses:
        assert address not in output
    for name in Initiator.objects.values_list("name", flat=True):
        assert name not in output


def test_every_wijk_has_pots_for_this_year_and_last_with_contributions_and_verified_support(
    output, client
):
    from budgets.models import Contribution, ContributionKind
    from initiatives.models import VerifiedSupport

    year = timezone.localdate().year
    for wijk in Neighbourhood.objects.all():
        years = set(BudgetPot.objects.filter(neighbourhood=wijk).values_list("year", flat=True))
        assert {year - 1, year} <= years, wijk
    assert BudgetPot.objects.filter(priority__isnull=False).exists()  # an earmarked pot
    assert "Budget pots: " in output and "Contributions: " in output
    kinds = set(Contribution.objects.values_list("kind", flat=True))
    assert ContributionKind.MONEY in kinds and kinds - {ContributionKind.MONEY}
    # Contributions go to granted initiatives only.
    assert not Contribution.objects.filter(initiative__grant=None).exists()
    published = Initiative.objects.filter(is_published=True)
    assert published.exists()
    assert not published.filter(verified_supports=None).exists()
    assert not VerifiedSupport.objects.filter(initiative__is_published=False).exists()
    # The wijk page shows the pots and the verified count.
    wijk = Neighbourhood.objects.get(slug="poelenburg")
    page = client.get(f"/wijken/{wijk.slug}/").text
    assert f"Wijkbudget Poelenburg {year}" in page
    assert "Steun bevestigd vanaf een adres in de wijk" in page
