"""Scores at the decision: asked when declining, approving or granting, saved with it."""

import re
from decimal import Decimal

import pytest
from django.db.models import F
from django.urls import reverse

from assessments.models import Assessment, Score
from budgets.models import Grant
from initiatives.models import EntryKind, Initiative, Status, TimelineEntry
from tests.factories import BudgetPotFactory, InitiativeFactory

from .conftest import detail_url, scored, versioned

pytestmark = pytest.mark.django_db


def status_url(initiative) -> str:
    return reverse("initiatives:workspace_status", kwargs={"pk": initiative.pk})


def amount_url(initiative) -> str:
    return reverse("initiatives:workspace_amount", kwargs={"pk": initiative.pk})


@pytest.fixture
def in_intake(wijk_a):
    return InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)


@pytest.fixture
def pot(wijk_a):
    return BudgetPotFactory(neighbourhood=wijk_a, name="Wijkbudget A", amount=Decimal(1000))


def test_the_status_form_shows_one_fieldset_per_active_criterion(
    client, in_intake, broker_a, criteria
):
    criteria[4].is_active = False
    criteria[4].save(update_fields=["is_active"])
    client.force_login(broker_a)
    page = client.get(detail_url(in_intake)).text
    assert "Alleen bij afwijzen of goedkeuren (in voorbereiding)." in page
    assert "Zet er geen persoonlijke gegevens in." in page
    for criterion in criteria[:4]:
        assert f'name="status-score_{criterion.pk}" value="partly"' in page
        assert f'name="status-sentence_{criterion.pk}"' in page
        assert f'name="amount-score_{criterion.pk}"' in page  # the grant form too
    assert f"status-score_{criteria[4].pk}" not in page
    assert page.count('<legend class="utrecht-form-fieldset__legend') >= 8


@pytest.mark.parametrize(
    ("to", "kind"), [(Status.DECLINED, "declined"), (Status.PREPARING, "approved")]
)
def test_declining_or_approving_saves_the_scores_with_the_decision(
    client, in_intake, broker_a, criteria, to, kind
):
    client.force_login(broker_a)
    data = {
        **versioned(in_intake, "status", to=to, public_text="Dit is ons besluit."),
        **scored("status", criteria, Score.Value.PARTLY),
        f"status-score_{criteria[0].pk}": Score.Value.NOT,
    }
    response = client.post(status_url(in_intake), data)
    assert response.status_code == 302
    assert Initiative.objects.get(pk=in_intake.pk).status == to
    entry = TimelineEntry.objects.get(initiative=in_intake, kind=EntryKind.STATUS_CHANGE)
    assessment = Assessment.objects.get(initiative=in_intake)
    assert (assessment.kind, assessment.entry, assessment.created_by) == (kind, entry, broker_a)
    scores = {
        score.criterion_id: (score.value, score.sentence) for score in assessment.scores.all()
    }
    assert scores == {
        criterion.pk: (
            "not" if criterion == criteria[0] else "partly",
            f"Zin bij {criterion.name}.",
        )
        for criterion in criteria
    }


@pytest.mark.parametrize("to", [Status.DECLINED, Status.PREPARING])
def test_declining_or_approving_without_scores_keeps_what_was_typed(
    client, in_intake, broker_a, criteria, to
):
    client.force_login(broker_a)
    data = {
        **versioned(in_intake, "status", to=to, public_text="Dit is ons besluit."),
        f"status-score_{criteria[1].pk}": Score.Value.MEETS,
        f"status-sentence_{criteria[1].pk}": "Ze doen het echt zelf.",
    }
    response = client.post(status_url(in_intake), data)
    assert response.status_code == 200
    page = response.text
    assert "Kies of het idee hieraan voldoet." in page
    assert "Schrijf in één zin waarom." in page
    assert f'href="#id_status-score_{criteria[0].pk}"' in page  # in the error summary
    assert 'value="Ze doen het echt zelf."' in page
    checked = re.search(rf'<input [^>]*id="id_status-score_{criteria[1].pk}_0"[^>]*>', page)
    assert 'value="meets"' in checked.group() and "checked" in checked.group()
    assert "Dit is ons besluit." in page
    assert Initiative.objects.get(pk=in_intake.pk).status == Status.INTAKE
    assert not Assessment.objects.exists()


def test_a_sentence_longer_than_300_characters_is_refused(client, in_intake, broker_a, criteria):
    client.force_login(broker_a)
    data = {
        **versioned(in_intake, "status", to=Status.DECLINED, public_text="Besluit."),
        **scored("status", criteria),
        f"status-sentence_{criteria[0].pk}": "x" * 301,
    }
    response = client.post(status_url(in_intake), data)
    assert response.status_code == 200
    assert f'href="#id_status-sentence_{criteria[0].pk}"' in response.text
    assert not Assessment.objects.exists()


def test_an_unknown_score_is_a_form_error(client, in_intake, broker_a, criteria):
    client.force_login(broker_a)
    data = {
        **versioned(in_intake, "status", to=Status.DECLINED, public_text="Besluit."),
        **scored("status", criteria, "excellent"),
    }
    response = client.post(status_url(in_intake), data)
    assert response.status_code == 200
    assert not Assessment.objects.exists()


def test_other_moves_ignore_the_scores(client, initiative, broker_a, criteria):
    client.force_login(broker_a)
    data = versioned(initiative, "status", to=Status.INTAKE, public_text="We bellen u.")
    response = client.post(status_url(initiative), data)
    assert response.status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).status == Status.INTAKE
    # Scores typed anyway are not saved: intake is no decision.
    initiative.refresh_from_db()
    data = {
        **versioned(
            initiative,
            "status",
            to=Status.REFERRED,
            public_text="Naar het meldpunt.",
            referred_to="Het meldpunt",
        ),
        **scored("status", criteria),
    }
    assert client.post(status_url(initiative), data).status_code == 302
    assert not Assessment.objects.exists()


def test_without_active_criteria_a_decision_needs_no_scores(client, in_intake, broker_a):
    client.force_login(broker_a)
    data = versioned(in_intake, "status", to=Status.DECLINED, public_text="Past niet.")
    assert client.post(status_url(in_intake), data).status_code == 302
    assert Initiative.objects.get(pk=in_intake.pk).status == Status.DECLINED
    assert not Assessment.objects.exists()


def test_a_refused_decision_saves_no_scores(client, in_intake, broker_a, criteria):
    """A colleague changed the initiative meanwhile: the service refuses, nothing is saved."""
    client.force_login(broker_a)
    data = {
        **versioned(in_intake, "status", to=Status.PREPARING, public_text="Goedgekeurd."),
        **scored("status", criteria),
    }
    Initiative.objects.filter(pk=in_intake.pk).update(version=F("version") + 1)
    response = client.post(status_url(in_intake), data)
    assert response.status_code == 409
    assert not Assessment.objects.exists() and not Score.objects.exists()
    assert Initiative.objects.get(pk=in_intake.pk).status == Status.INTAKE
    # What was typed is kept for the retry.
    assert f'value="Zin bij {criteria[0].name}."' in response.text


def test_scores_that_fail_to_save_take_the_decision_back(
    client, in_intake, broker_a, criteria, monkeypatch
):
    """The decision and its scores are one transaction (initiatives/views/actions.py)."""
    client.force_login(broker_a)

    def broken(*args, **kwargs):
        raise services.WorkflowError("De beoordeling kon niet worden opgeslagen.")

    from assessments import services as assessment_services
    from initiatives import services
    from initiatives.views import actions

    monkeypatch.setattr(actions, "record_assessment", broken)
    data = {
        **versioned(in_intake, "status", to=Status.DECLINED, public_text="Past niet."),
        **scored("status", criteria),
    }
    response = client.post(status_url(in_intake), data)
    assert response.status_code == 200
    assert "De beoordeling kon niet worden opgeslagen." in response.text
    assert Initiative.objects.get(pk=in_intake.pk).status == Status.INTAKE
    assert not TimelineEntry.objects.filter(kind=EntryKind.STATUS_CHANGE).exists()
    assert assessment_services.record_assessment is not broken


# --- Granting money ---------------------------------------------------------------------------


def test_a_grant_saves_its_scores(client, in_intake, pot, broker_a, criteria):
    client.force_login(broker_a)
    data = {
        **versioned(in_intake, "amount", pot=pot.pk, amount="500"),
        **scored("amount", criteria),
    }
    assert client.post(amount_url(in_intake), data).status_code == 302
    assert Grant.objects.get(initiative=in_intake).amount == Decimal(500)
    assessment = Assessment.objects.get(initiative=in_intake)
    entry = TimelineEntry.objects.get(initiative=in_intake, kind=EntryKind.AMOUNT_GRANTED)
    assert (assessment.kind, assessment.entry) == ("grant", entry)
    assert assessment.scores.count() == 5


def test_a_grant_without_scores_is_refused_keeping_the_amount(
    client, in_intake, pot, broker_a, criteria
):
    client.force_login(broker_a)
    data = versioned(in_intake, "amount", pot=pot.pk, amount="500", note="Voor de koffie.")
    response = client.post(amount_url(in_intake), data)
    assert response.status_code == 200
    assert "Kies of het idee hieraan voldoet." in response.text
    assert 'value="500"' in response.text and 'value="Voor de koffie."' in response.text
    assert not Grant.objects.exists() and not Assessment.objects.exists()


def test_a_refused_grant_saves_no_scores(client, initiative, pot, broker_a, criteria):
    """Money only from intake on: the service refuses, and the scores go with it."""
    client.force_login(broker_a)
    data = {
        **versioned(initiative, "amount", pot=pot.pk, amount="500"),
        **scored("amount", criteria),
    }
    response = client.post(amount_url(initiative), data)
    assert response.status_code == 200
    assert "Geld toekennen kan pas als u met de initiatiefnemer in gesprek bent." in response.text
    assert not Grant.objects.exists() and not Assessment.objects.exists()


# --- The four ways ---------------------------------------------------------------------------


def test_a_broker_of_another_wijk_may_not_decide(client, in_intake, broker_b, criteria):
    client.force_login(broker_b)
    data = {
        **versioned(in_intake, "status", to=Status.DECLINED, public_text="Nee."),
        **scored("status", criteria),
    }
    assert client.post(status_url(in_intake), data).status_code in (403, 404)
    assert not Assessment.objects.exists()


def test_the_decision_refuses_a_get(client, in_intake, broker_a):
    client.force_login(broker_a)
    assert client.get(status_url(in_intake)).status_code == 405
    assert client.get(amount_url(in_intake)).status_code == 405


def test_an_anonymous_visitor_is_sent_to_log_in(client, in_intake, criteria):
    data = {
        **versioned(in_intake, "status", to=Status.DECLINED, public_text="Nee."),
        **scored("status", criteria),
    }
    response = client.post(status_url(in_intake), data)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    assert not Assessment.objects.exists()
