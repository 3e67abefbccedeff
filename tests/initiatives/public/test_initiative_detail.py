from decimal import Decimal

import pytest

from budgets.models import Contribution
from initiatives.models import EntryKind, Status
from tests.factories import (
    InitiativeFactory,
    PartnerFactory,
    SupportFactory,
    TimelineEntryFactory,
    priority,
)

pytestmark = pytest.mark.django_db


def url(initiative) -> str:
    return f"/initiatieven/{initiative.pk}/"


def test_initiative_page_shows_public_facts_and_an_anonymous_initiator(client, published):
    published.priorities.set([priority("kinderen"), priority("handhaving")])
    TimelineEntryFactory(
        initiative=published, kind=EntryKind.PUBLIC_UPDATE, public_text="Eerste klusdag!"
    )
    response = client.get(url(published))
    assert response.status_code == 200
    html = response.text
    title = '<h1 class="utrecht-heading-1" lang="nl" dir="ltr">Speeltuin Poelenburg opknappen</h1>'
    assert title in html
    assert "Bewoners knappen samen de speeltuin op." in html
    assert "Een idee van een bewoner uit Poelenburg" in html
    assert "Help onze kinderen" in html and "Handhaaf" in html
    assert "Ingediend" in html
    assert "Eerste klusdag!" in html
    assert "0 bewoners steunen dit idee." in html
    assert "Ik steun dit" in html
    assert f'href="/initiatieven/{published.pk}/helpen/"' in html


def test_unpublished_and_unknown_initiatives_are_404(client, wijk_a):
    hidden = InitiativeFactory(neighbourhood=wijk_a)
    assert client.get(url(hidden)).status_code == 404
    assert client.get("/initiatieven/999999/").status_code == 404
    assert client.get("/initiatieven/99999999999999999999999/").status_code == 404
    assert client.get("/initiatieven/abc/").status_code == 404


def test_a_closed_initiative_can_no_longer_be_supported_or_helped(client, published):
    published.status = Status.COMPLETED
    published.save(update_fields=["status"])
    html = client.get(url(published)).text
    assert "Ik steun dit" not in html
    assert "/helpen/" not in html


def test_detail_query_count_does_not_grow_with_updates_or_supports(
    client, published, django_assert_num_queries
):
    def check(rows: int) -> None:
        TimelineEntryFactory.create_batch(rows, initiative=published, kind=EntryKind.PUBLIC_UPDATE)
        SupportFactory.create_batch(rows, initiative=published)
        for _number in range(rows // 10):
            Contribution.objects.create(
                initiative=published, partner=PartnerFactory(), kind="money", value=10
            )
        # initiative + wijk, its priorities, its public updates, its contributions + partners,
        # the voices an initiative grew from ({% grew_from %}), its assessments' scores +
        # decisions + criteria, its published attachments ({% public_attachments %})
        with django_assert_num_queries(7):
            assert client.get(url(published)).status_code == 200

    check(10)
    check(190)


def test_detail_only_answers_get_and_head(client, published):
    assert client.post(url(published)).status_code == 405


def test_the_page_shows_who_contributes_but_not_the_brokers_description(client, published):
    partner = PartnerFactory(name="Woningcorporatie Parteon")
    Contribution.objects.create(
        initiative=published,
        partner=partner,
        kind="space",
        value=Decimal("1250.00"),
        description="CANARY-CONTRIBUTION-NOTE",
    )
    html = client.get(url(published)).text
    assert "Wie draagt bij?" in html
    assert "Woningcorporatie Parteon: Ruimte (waarde € 1.250)" in html
    assert "CANARY-CONTRIBUTION-NOTE" not in html
