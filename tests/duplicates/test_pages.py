"""The pages: look-alikes after submitting and on the workspace, the merge page, and what the
public and the duplicate's initiator see afterwards."""

import pytest
from django.urls import reverse

from duplicates.models import Merge
from duplicates.services import merge_initiatives
from initiatives.models import EntryKind, Initiative, Status
from tests.factories import InitiativeFactory, InitiatorFactory, TimelineEntryFactory
from tests.initiatives.public.conftest import submission  # noqa: F401

pytestmark = pytest.mark.django_db


def merge_url(duplicate, target) -> str:
    return reverse("duplicates:merge", kwargs={"pk": duplicate.pk, "into": target.pk})


def workspace_url(initiative) -> str:
    return reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})


# --- After submitting ------------------------------------------------------------------


def test_the_confirmation_page_links_published_look_alikes_only(client, submission, wijk_a):  # noqa: F811
    shown = InitiativeFactory(
        neighbourhood=wijk_a,
        title="Huiswerk",
        published=True,
        public_title="Huiswerkklas buurthuis",
    )
    InitiativeFactory(neighbourhood=wijk_a, title="Huiswerkklas in het buurthuis Jansen")
    client.post("/idee/", submission)
    html = client.get("/idee/ontvangen/").text
    assert "Misschien bestaat uw idee al. U kunt het ook steunen." in html
    assert f'href="/initiatieven/{shown.pk}/"' in html or shown.get_absolute_url() in html
    assert "Huiswerkklas buurthuis" in html
    assert "Jansen" not in html  # unpublished: never shown to the public


def test_no_look_alikes_no_section(client, submission):  # noqa: F811
    client.post("/idee/", submission)
    assert "Lijkt op" not in client.get("/idee/ontvangen/").text


# --- The workspace page ----------------------------------------------------------------


def test_the_workspace_page_lists_look_alikes_of_any_status_with_the_merge_action(
    client, pair, broker_a
):
    duplicate, target = pair
    hidden = InitiativeFactory(
        neighbourhood=duplicate.neighbourhood,
        title="Speeltuin opknappen",
        status=Status.PREPARING,
    )
    client.force_login(broker_a)
    html = client.get(workspace_url(duplicate)).text
    assert "Vergelijkbare initiatieven" in html
    assert target.title in html and hidden.title in html
    assert merge_url(duplicate, target) in html
    assert merge_url(duplicate, hidden) in html


@pytest.mark.parametrize("rows", [2, 20])
def test_the_look_alikes_cost_two_queries_whatever_their_number(
    client, pair, broker_a, django_assert_max_num_queries, rows, django_assert_num_queries
):
    duplicate, _target = pair
    for _ in range(rows):
        InitiatorFactory(
            initiative=InitiativeFactory(
                neighbourhood=duplicate.neighbourhood, title="Opknappen van de speeltuin"
            )
        )
    client.force_login(broker_a)
    # The page's 17 queries (tests/initiatives/workspace/test_workspace_detail.py), then
    # 18 the merges either way, 19 the look-alikes and 20 the attachments.
    with django_assert_num_queries(21):
        response = client.get(workspace_url(duplicate))
    assert response.text.count("Samenvoegen met dit initiatief") == min(5, rows + 1)


def test_a_merged_duplicates_page_says_where_it_went_and_how_to_undo(client, pair, broker_a):
    duplicate, target = pair
    merge_initiatives(duplicate, target, actor=broker_a)
    client.force_login(broker_a)
    html = client.get(workspace_url(duplicate)).text
    assert "Samengevoegd met" in html and workspace_url(target) in html
    assert "Samenvoegen met dit initiatief" not in html
    assert "heropen dit initiatief" in html
    target_html = client.get(workspace_url(target)).text
    assert "Hiermee samengevoegd:" in target_html and workspace_url(duplicate) in target_html


# --- The merge page --------------------------------------------------------------------


def test_the_merge_page_shows_what_will_happen(client, pair, broker_a):
    duplicate, target = pair
    client.force_login(broker_a)
    response = client.get(merge_url(duplicate, target))
    assert response.status_code == 200
    assert "Steunbetuigingen en hulpaanbod gaan mee" in response.text
    assert "Er was al een vergelijkbaar idee" in response.text  # the default text


def test_posting_merges_and_goes_to_the_target(client, pair, broker_a):
    duplicate, target = pair
    client.force_login(broker_a)
    response = client.post(
        merge_url(duplicate, target),
        {
            "merge-public_text": "We gaan samen verder.",
            "merge-internal_note": "Zelfde speeltuin.",
            "merge-version": duplicate.version,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == workspace_url(target)
    merge = Merge.objects.get()
    assert (merge.duplicate, merge.into, merge.by) == (duplicate, target, broker_a)
    entry = duplicate.timeline.get(kind=EntryKind.STATUS_CHANGE)
    assert entry.public_text == "We gaan samen verder."
    assert "Zelfde speeltuin." in entry.internal_note


def test_an_empty_text_gives_the_form_back(client, pair, broker_a):
    duplicate, target = pair
    client.force_login(broker_a)
    response = client.post(
        merge_url(duplicate, target),
        {"merge-public_text": "", "merge-internal_note": "bewaard", "merge-version": 1},
    )
    assert response.status_code == 400
    assert "bewaard" in response.text
    assert not Merge.objects.exists()


def test_a_refused_merge_says_why(client, wijk_a, broker_a):
    duplicate = InitiativeFactory(neighbourhood=wijk_a, status=Status.COMPLETED)
    target = InitiativeFactory(neighbourhood=wijk_a)
    client.force_login(broker_a)
    page = client.get(merge_url(duplicate, target))
    assert "kunnen niet worden samengevoegd" in page.text
    response = client.post(
        merge_url(duplicate, target),
        {"merge-public_text": "x", "merge-version": duplicate.version},
    )
    assert response.status_code == 400
    assert "kan niet worden samengevoegd" in response.text
    assert not Merge.objects.exists()


@pytest.mark.parametrize("who", ["broker_b", "council_member"])
def test_others_get_403_and_nothing_changes(client, pair, request, who):
    duplicate, target = pair
    client.force_login(request.getfixturevalue(who))
    assert client.get(merge_url(duplicate, target)).status_code == 403
    response = client.post(
        merge_url(duplicate, target), {"merge-public_text": "x", "merge-version": 1}
    )
    assert response.status_code == 403
    assert not Merge.objects.exists()


def test_anonymous_goes_to_the_login(client, pair):
    duplicate, target = pair
    response = client.post(merge_url(duplicate, target), {"merge-public_text": "x"})
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"] or "login" in response["Location"]
    assert not Merge.objects.exists()


def test_wrong_method_is_405(client, pair, broker_a):
    duplicate, target = pair
    client.force_login(broker_a)
    assert client.put(merge_url(duplicate, target)).status_code == 405


# --- Afterwards: the public and the duplicate's initiator -------------------------------


def test_the_duplicates_public_page_leads_to_the_target_and_the_list_drops_it(
    client, pair, broker_a
):
    duplicate, target = pair
    merge_initiatives(duplicate, target, actor=broker_a)
    response = client.get(duplicate.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == target.get_absolute_url()
    listing = client.get(reverse("initiatives:list")).text
    assert "De speeltuin opknappen" not in listing and "Speeltuin Vinkenstraat" in listing
    page = client.get(target.get_absolute_url()).text
    assert "Samengevoegd met een vergelijkbaar idee" in page


def test_no_redirect_to_an_unpublished_target(client, wijk_a, broker_a):
    duplicate = InitiativeFactory(neighbourhood=wijk_a, published=True)
    target = InitiativeFactory(neighbourhood=wijk_a)
    merge_initiatives(duplicate, target, actor=broker_a)
    assert client.get(duplicate.get_absolute_url()).status_code == 404


def test_the_open_data_leaves_the_duplicate_out(client, pair, broker_a):
    duplicate, target = pair
    merge_initiatives(duplicate, target, actor=broker_a)
    csv = b"".join(client.get("/open-data/initiatieven.csv").streaming_content).decode()
    assert "De speeltuin opknappen" not in csv and "Speeltuin Vinkenstraat opknappen" in csv


def test_the_tracking_link_shows_the_targets_public_progress(client, pair, broker_a):
    duplicate, target = pair
    TimelineEntryFactory(initiative=target, public_text="De glijbaan komt in mei.")
    TimelineEntryFactory(
        initiative=target, kind=EntryKind.MESSAGE_TO_INITIATOR, public_text="Beste Karin, bel me."
    )
    merge_initiatives(duplicate, target, actor=broker_a, public_text="Samen verder.")
    client.get(f"/volgen/{duplicate.token}/")
    html = client.get("/volgen/").text
    assert "Uw idee is samengevoegd met een vergelijkbaar idee" in html
    assert "Samen verder." in html
    assert "Speeltuin Vinkenstraat opknappen" in html and target.get_absolute_url() in html
    assert "De glijbaan komt in mei." in html
    assert "In gesprek" in html  # the target's status
    assert "Karin" not in html and "bel me" not in html and "karin@doel.example" not in html


def test_the_tracking_link_of_a_duplicate_merged_into_an_unpublished_one(client, wijk_a, broker_a):
    duplicate = InitiativeFactory(neighbourhood=wijk_a, with_token=True)
    target = InitiativeFactory(neighbourhood=wijk_a, title="Speeltuin van mevrouw Doelman")
    TimelineEntryFactory(initiative=target, public_text="Nog niet openbaar nieuws.")
    merge_initiatives(duplicate, target, actor=broker_a)
    client.get(f"/volgen/{duplicate.token}/")
    html = client.get("/volgen/").text
    assert "staat nog niet op de website" in html
    assert "Doelman" not in html and "Nog niet openbaar nieuws." not in html
    assert Initiative.objects.get(pk=duplicate.pk).status == Status.MERGED
