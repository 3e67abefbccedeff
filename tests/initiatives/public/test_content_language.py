"""A resident's text keeps its language, marked with ``lang``; a Dutch summary beside it."""

import pytest
from django.template import Context, Template

from initiatives import services
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def turkish(wijk_a):
    return InitiativeFactory(
        neighbourhood=wijk_a,
        published=True,
        language="tr",
        title="Mahalle bahçesi",
        public_title="Mahalle bahçesi",
        public_summary="Komşular birlikte sebze yetiştiriyor.",
        public_summary_nl="Buren kweken samen groente in een moestuin.",
    )


def test_the_public_page_marks_the_text_and_shows_the_dutch_summary(client, turkish):
    html = client.get(turkish.get_absolute_url()).text
    assert '<h1 class="utrecht-heading-1" lang="tr" dir="ltr">Mahalle bahçesi</h1>' in html
    assert '<div class="prose" lang="tr" dir="ltr"><p>Komşular birlikte' in html
    assert 'lang="nl" dir="ltr" aria-labelledby="samenvatting-nl-titel"' in html
    assert "Buren kweken samen groente" in html


def test_the_list_card_marks_both(client, turkish):
    html = client.get("/initiatieven/").text
    assert 'lang="tr" dir="ltr">Komşular birlikte' in html
    assert '<p class="utrecht-paragraph" lang="nl" dir="ltr">Buren kweken' in html


def test_a_dutch_initiative_has_no_dutch_summary_section(client, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, published=True)
    html = client.get(initiative.get_absolute_url()).text
    assert 'lang="nl" dir="ltr"><p>Bewoners knappen' in html
    assert "Samenvatting in het Nederlands" not in html


def test_the_tracking_page_marks_the_title(client, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, language="tr", with_token=True)
    html = client.get(f"/volgen/{initiative.token}/", follow=True).text
    assert f'<span lang="tr" dir="ltr">{initiative.title}</span>' in html


def test_the_workspace_marks_title_and_description(client, broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, language="ar", title="حديقة")
    client.force_login(broker_a)
    html = client.get(f"/werkvoorraad/{initiative.pk}/").text
    assert '<h1 class="utrecht-heading-1" lang="ar" dir="rtl">حديقة</h1>' in html
    assert 'class="prose user-text" lang="ar" dir="rtl"' in html
    # The broker writes a Dutch summary only for a text in another language.
    assert 'name="publish-public_summary_nl"' in html
    dutch = InitiativeFactory(neighbourhood=wijk_a)
    assert 'name="publish-public_summary_nl"' not in client.get(f"/werkvoorraad/{dutch.pk}/").text


def test_the_broker_publishes_with_a_dutch_summary(client, broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, language="tr", title="Bahçe")
    client.force_login(broker_a)
    response = client.post(
        f"/werkvoorraad/{initiative.pk}/publiceren/",
        {
            "publish-version": initiative.version,
            "publish-public_title": "Bahçe",
            "publish-public_summary": "Komşular sebze yetiştiriyor.",
            "publish-public_summary_nl": "Buren kweken groente.",
        },
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.is_published and initiative.public_summary_nl == "Buren kweken groente."


def test_the_dutch_summary_is_found_by_search(broker_a, wijk_a):
    from initiatives.models import Initiative
    from search.index import matching

    initiative = InitiativeFactory(neighbourhood=wijk_a, language="tr")
    services.publish(
        initiative,
        actor=broker_a,
        public_title="Bahçe",
        public_summary="Komşular sebze yetiştiriyor.",
        public_summary_nl="Buren kweken groente.",
    )
    assert list(matching(Initiative.objects.all(), "groenten")) == [initiative]


@pytest.mark.parametrize(
    ("code", "attributes"),
    [
        ("tr", ' lang="tr" dir="ltr"'),
        ("ar", ' lang="ar" dir="rtl"'),
        ("", ' dir="auto"'),
        ('x" onclick="', ' dir="auto"'),
    ],
)
def test_lang_attrs(code, attributes):
    assert Template("{{ code|lang_attrs }}").render(Context({"code": code})) == attributes
