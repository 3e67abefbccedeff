import pytest
from django.urls import reverse

from initiatives.models import EntryKind, Status
from tests.factories import (
    AnswerTemplateFactory,
    HelpOfferFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    InitiatorFactory,
    PartnerFactory,
    TimelineEntryFactory,
    priority,
)

from .conftest import detail_url

pytestmark = pytest.mark.django_db

INTERNAL_LABEL = "Interne notitie \N{EN DASH} alleen voor medewerkers"


def test_broker_sees_the_whole_initiative_on_one_screen(client, initiative, broker_a):
    initiative.priorities.set([priority("kinderen")])
    TimelineEntryFactory(
        initiative=initiative, kind=EntryKind.NOTE, public_text="", internal_note="Bel school."
    )
    InitiativePartnerFactory(initiative=initiative, partner=PartnerFactory(name="Parteon"))
    HelpOfferFactory(initiative=initiative)
    client.force_login(broker_a)
    response = client.get(detail_url(initiative))
    assert response.status_code == 200
    text = response.text
    assert "Huiswerkklas in het buurthuis" in text
    assert "Help onze kinderen" in text
    assert INTERNAL_LABEL in text
    assert "Bel school." in text
    assert "Parteon" in text
    assert "nog 5 werkdagen" in text or "werkdag" in text
    # Every action is on the page, each posting to its own URL.
    for part in ("status/", "bericht/", "notitie/", "voortgang/", "publiceren/", "toewijzen/"):
        assert f'action="/werkvoorraad/{initiative.pk}/{part}"' in text


def test_contact_details_are_hidden_until_asked_for(client, initiative, broker_a):
    HelpOfferFactory(initiative=initiative)
    client.force_login(broker_a)
    text = client.get(detail_url(initiative)).text
    assert "Fatima de Vries" not in text
    assert "fatima@bewoner.example" not in text
    assert "jan@helper.example" not in text
    assert "Toon contactgegevens" in text


def test_public_status_change_is_not_marked_internal(client, initiative, broker_a):
    TimelineEntryFactory(
        initiative=initiative,
        kind=EntryKind.STATUS_CHANGE,
        from_status="submitted",
        to_status="intake",
        public_text="We komen langs.",
        internal_note="",
        actor=broker_a,
    )
    client.force_login(broker_a)
    text = client.get(detail_url(initiative)).text
    assert "De initiatiefnemer ziet dit" in text
    assert INTERNAL_LABEL not in text


def test_overdue_initiative_says_how_many_working_days_late(client, wijk_a, broker_a, time_machine):
    time_machine.move_to("2026-03-13 12:00 +01:00")  # submitted Monday 2 March, due Monday 9
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    client.force_login(broker_a)
    assert "4 werkdagen te laat" in client.get(detail_url(initiative)).text


def test_the_page_is_never_cached_even_after_an_action(client, initiative, broker_a):
    client.force_login(broker_a)
    for response in (
        client.get(detail_url(initiative)),
        client.post(reverse("initiatives:workspace_contact", kwargs={"pk": initiative.pk})),
    ):
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_coordinator_may_open_any_wijk(client, initiative, coordinator):
    client.force_login(coordinator)
    response = client.get(detail_url(initiative))
    assert response.status_code == 200
    assert "Toewijzen" in response.text


def test_broker_of_other_wijk_gets_403(client, initiative, broker_b):
    client.force_login(broker_b)
    assert client.get(detail_url(initiative)).status_code == 403


def test_council_member_gets_403(client, initiative, council_member):
    client.force_login(council_member)
    assert client.get(detail_url(initiative)).status_code == 403


def test_anonymous_user_is_sent_to_login(client, initiative):
    response = client.get(detail_url(initiative))
    assert response.status_code == 302
    assert response["Location"] == f"/account/login/?next={detail_url(initiative)}"


def test_unknown_and_huge_ids_give_404(client, broker_a):
    client.force_login(broker_a)
    assert client.get("/werkvoorraad/424242/").status_code == 404
    assert client.get("/werkvoorraad/99999999999999999999999/").status_code == 404


def test_post_to_the_page_itself_gives_405(client, initiative, broker_a):
    client.force_login(broker_a)
    assert client.post(detail_url(initiative)).status_code == 405


def _grow(initiative, rows: int) -> None:
    for _ in range(rows):
        TimelineEntryFactory(initiative=initiative, internal_note="notitie")
        HelpOfferFactory(initiative=initiative)
        InitiativePartnerFactory(initiative=initiative)
        AnswerTemplateFactory()
        AnswerTemplateFactory(kind="status", to_status=Status.INTAKE)
    for _ in range(rows):
        InitiatorFactory(initiative=InitiativeFactory(neighbourhood=initiative.neighbourhood))


@pytest.mark.parametrize("rows", [10, 200])
def test_page_query_count_does_not_grow_with_timeline_offers_or_partners(
    client, initiative, broker_a, django_assert_num_queries, rows
):
    _grow(initiative, rows)
    client.force_login(broker_a)
    # 1 session, 2 user, 3 groups (roles), 4 the broker's wijken (scope),
    # 5 initiative + wijk + assigned broker + initiator, 6 priorities,
    # 7 timeline + actors, 8 help offers, 9 partner links + partners,
    # 10 contributions + partners, 11 active answer templates (all three pickers), 12 active
    # partners for the link form, 13 the same for the contribution form, 14 the colleagues
    # of the wijk for the hand-over form, 15 the voices an initiative grew from
    # ({% grew_from %}), 16 the assessments' scores + decisions + criteria, 17 the active
    # criteria (the status and grant forms' scores), 18 its merges either way and 19 the
    # wijk's look-alikes ({% similar_for_broker %}), 20 the attachments + who added them
    # ({% workspace_attachments %}), 21 the questions afterwards (feedback). (The budget pots
    # of the grant form come only from intake on.)
    with django_assert_num_queries(21):
        response = client.get(detail_url(initiative))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [10, 200])
def test_coordinator_page_query_count_is_fixed(
    client, initiative, coordinator, django_assert_num_queries, rows
):
    _grow(initiative, rows)
    client.force_login(coordinator)
    # As for a broker, without the wijken (coordinators manage every wijk) and with
    # the brokers for the assign form.
    with django_assert_num_queries(20):
        response = client.get(detail_url(initiative))
    assert response.status_code == 200
