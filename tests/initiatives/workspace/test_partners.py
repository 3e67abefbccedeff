import pytest
from django.urls import reverse

from initiatives.models import Partner
from tests.factories import InitiativeFactory, InitiativePartnerFactory, PartnerFactory

pytestmark = pytest.mark.django_db

LIST = reverse("initiatives:partners")
CREATE = reverse("initiatives:partner_create")


def test_the_list_shows_partners_with_their_initiatives(client, wijk_a, wijk_b, broker_a):
    partner = PartnerFactory(name="Parteon")
    mine = InitiativeFactory(neighbourhood=wijk_a, title="Huiswerkklas")
    other = InitiativeFactory(
        neighbourhood=wijk_b, title="Moestuin CANARY", published=True, public_title="Moestuin"
    )
    InitiativePartnerFactory(partner=partner, initiative=mine, role="Ruimte")
    InitiativePartnerFactory(partner=partner, initiative=other, role="Geld")
    client.force_login(broker_a)
    text = client.get(LIST).text
    assert "Parteon" in text
    assert f'href="/werkvoorraad/{mine.pk}/">Huiswerkklas</a> (Ruimte)' in text
    # Of another wijk: the public title, not as a link broker A would get a 403 on.
    assert "Moestuin (Geld)" in text
    assert "CANARY" not in text


def test_a_broker_of_another_wijk_does_not_see_the_residents_own_title(client, wijk_a, broker_b):
    partner = PartnerFactory(name="Parteon")
    private = InitiativeFactory(neighbourhood=wijk_a, title="CANARY Fatima de Vries, Dorpsstraat 1")
    InitiativePartnerFactory(partner=partner, initiative=private, role="Ruimte")
    client.force_login(broker_b)
    text = client.get(LIST).text
    assert "CANARY" not in text
    assert "Initiatief in Poelenburg (Ruimte)" in text
    assert f"/werkvoorraad/{private.pk}/" not in text


def test_a_coordinator_sees_and_opens_every_initiative(client, wijk_a, coordinator):
    private = InitiativeFactory(neighbourhood=wijk_a, title="Huiswerkklas")
    InitiativePartnerFactory(initiative=private, role="Ruimte")
    client.force_login(coordinator)
    assert f'href="/werkvoorraad/{private.pk}/">Huiswerkklas</a> (Ruimte)' in client.get(LIST).text


@pytest.mark.parametrize("rows", [10, 200])
def test_list_query_count_does_not_grow(
    client, wijk_a, wijk_b, broker_a, django_assert_num_queries, rows
):
    for number in range(rows):
        wijk, published = [(wijk_a, False), (wijk_b, False), (wijk_b, True)][number % 3]
        InitiativePartnerFactory(
            partner=PartnerFactory(),
            initiative=InitiativeFactory(neighbourhood=wijk, published=published),
        )
    client.force_login(broker_a)
    # 1 session, 2 user, 3 groups, 4 wijken (the {% can %} on each link), 5 partner count,
    # 6 partners of the page, 7 their links with the initiatives' titles and wijken.
    with django_assert_num_queries(7):
        assert client.get(LIST).status_code == 200


def test_broker_creates_a_partner(client, broker_a):
    client.force_login(broker_a)
    assert client.get(CREATE).status_code == 200
    data = {"name": "Basisschool De Vlinder", "kind": "school", "contact_email": "info@vlinder.nl"}
    response = client.post(CREATE, data)
    assert response.status_code == 302
    assert Partner.objects.get(name="Basisschool De Vlinder").kind == "school"


def test_a_duplicate_or_invalid_partner_keeps_the_form(client, broker_a):
    PartnerFactory(name="Parteon")
    client.force_login(broker_a)
    response = client.post(
        CREATE, {"name": "Parteon", "kind": "nonsense", "contact_email": "geen adres"}
    )
    assert response.status_code == 200
    assert 'href="#id_name"' in response.text
    assert 'href="#id_kind"' in response.text
    assert 'value="geen adres"' in response.text
    assert Partner.objects.count() == 1


def test_broker_edits_a_partner(client, broker_a):
    partner = PartnerFactory(name="Parteon")
    client.force_login(broker_a)
    url = reverse("initiatives:partner_edit", kwargs={"partner_pk": partner.pk})
    assert client.get(url).status_code == 200
    data = {"name": "Parteon", "kind": "housing", "contact_name": "Piet", "is_active": ""}
    assert client.post(url, data).status_code == 302
    partner.refresh_from_db()
    assert (partner.contact_name, partner.is_active) == ("Piet", False)


def test_editing_an_unknown_partner_gives_404(client, broker_a):
    client.force_login(broker_a)
    url = reverse("initiatives:partner_edit", kwargs={"partner_pk": 99999})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", [LIST, CREATE])
def test_council_member_gets_403_and_anonymous_is_sent_to_login(client, council_member, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/account/login/?next={url}"
    client.force_login(council_member)
    assert client.get(url).status_code == 403
    assert client.post(CREATE, {"name": "X", "kind": "school"}).status_code == 403
    assert not Partner.objects.exists()


def test_wrong_methods_give_405(client, broker_a):
    client.force_login(broker_a)
    assert client.post(LIST).status_code == 405
    assert client.put(CREATE).status_code == 405
