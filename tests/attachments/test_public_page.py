"""Published photos and documents on the public initiative page, and in its cache."""

import pytest
from django.urls import reverse

from tests.attachments.conftest import add_pdf, add_photo, publish

pytestmark = pytest.mark.django_db


def page(client, initiative) -> str:
    return client.get(reverse("initiatives:detail", kwargs={"pk": initiative.pk})).text


def test_only_published_attachments_show_with_their_description(client, initiative, broker_a):
    shown = publish(add_photo(initiative), broker_a, "Het grasveld achter de school")
    hidden = add_photo(initiative)
    document = publish(add_pdf(initiative, broker_a), broker_a, "Offerte voor de bankjes")
    html = page(client, initiative)
    thumbnail = reverse("attachments:thumbnail", kwargs={"key": shown.key})
    assert f'<img src="{thumbnail}" alt="Het grasveld achter de school"' in html
    assert 'width="64" height="48"' in html
    assert reverse("attachments:file", kwargs={"key": document.key}) in html
    assert "Offerte voor de bankjes" in html
    assert hidden.key not in html


def test_no_section_without_published_attachments(client, initiative):
    add_photo(initiative)
    assert 'id="fotos-titel"' not in page(client, initiative)


@pytest.mark.parametrize("rows", [1, 10])
def test_the_page_costs_the_same_queries_however_many_attachments(
    client, initiative, broker_a, django_assert_num_queries, rows
):
    for _ in range(rows):
        publish(add_photo(initiative), broker_a)
        publish(add_pdf(initiative, broker_a), broker_a, "Een document")
    # initiative + wijk, priorities, public updates, contributions, voices, assessments,
    # the published attachments: as in tests/initiatives/public/test_initiative_detail.py.
    with django_assert_num_queries(7):
        client.get(reverse("initiatives:detail", kwargs={"pk": initiative.pk}))


def test_publishing_a_photo_renews_the_cached_page(
    transactional_db, client, initiative, broker_a, settings
):
    """Committed for real: on PostgreSQL the data version goes up when a transaction commits."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    photo = add_photo(initiative)
    assert photo.key not in page(client, initiative)
    publish(photo, broker_a)
    assert photo.key in page(client, initiative)
