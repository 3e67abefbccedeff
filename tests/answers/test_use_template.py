""" "Gebruik" on an initiative's page: the template fills the text box; nothing is sent."""

import re
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse

from initiatives.models import Initiative, Status, TimelineEntry
from tests.factories import AnswerTemplateFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Beste {voornaam}, ik ben {makelaar} uit {wijk}. U hoort van ons voor {datum}."
FILLED = "Beste Fatima, ik ben Anna Makelaar uit Poelenburg. U hoort van ons voor 9 maart 2026."


def url(initiative, name: str) -> str:
    return reverse(f"initiatives:workspace_{name}", kwargs={"pk": initiative.pk})


def versioned(initiative, prefix: str, **values) -> dict:
    return {
        f"{prefix}-version": initiative.version,
        f"{prefix}-seen": initiative.updated_at.isoformat(),
        **{f"{prefix}-{name}": value for name, value in values.items()},
    }


def textarea(page: str, name: str) -> str:
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>\n?(.*?)</textarea>', page, re.S)
    assert match, f"no textarea {name}"
    return unescape(match.group(1))


def checked_radio(page: str, name: str) -> list[str]:
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
    return [re.search(r'value="([^"]*)"', tag).group(1) for tag in inputs if " checked" in tag]


def state(initiative) -> tuple:
    initiative.refresh_from_db()
    return (initiative.version, initiative.status, TimelineEntry.objects.count())


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """A POST whose on-commit work (the e-mail tasks) runs before it returns."""

    def post(url: str, data: dict):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


# --- What the page offers -----------------------------------------------------------------


def test_each_text_action_offers_the_active_templates_of_its_kind(client, initiative, broker_a):
    AnswerTemplateFactory(name="Welkom", kind="message")
    AnswerTemplateFactory(name="Oud bericht", kind="message", is_active=False)
    AnswerTemplateFactory(name="Eerste bijeenkomst", kind="update")
    AnswerTemplateFactory(name="In gesprek", kind="status", to_status=Status.INTAKE)
    # Not a move from Ingediend: not offered.
    AnswerTemplateFactory(name="Afgerond", kind="status", to_status=Status.COMPLETED)
    client.force_login(broker_a)
    page = client.get(reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})).text

    def offered(prefix: str) -> list[str]:
        select = re.search(rf'<select[^>]*name="{prefix}-answer".*?</select>', page, re.S)
        return re.findall(r'<option value="\d+"[^>]*>([^<]*)</option>', select.group(0))

    assert offered("message") == ["Welkom"]
    assert offered("update") == ["Eerste bijeenkomst"]
    assert offered("status") == ["In gesprek"]
    assert 'name="note-answer"' not in page  # notes have no templates
    assert page.count('name="use_template"') == 3
    assert '<label class="utrecht-form-label" for="id_message-answer">' in page


def test_without_templates_there_is_no_picker(client, initiative, broker_a):
    client.force_login(broker_a)
    page = client.get(reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})).text
    assert "use_template" not in page


# --- Gebruik ------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "action"), [("message", "message"), ("update", "update")])
def test_gebruik_fills_the_text_box_and_sends_nothing(
    client, initiative, broker_a, post, kind, action
):
    template = AnswerTemplateFactory(kind=kind, text_nl=MESSAGE)
    client.force_login(broker_a)
    before = state(initiative)
    response = post(
        url(initiative, action),
        {f"{kind}-text": "wat ik al typte", f"{kind}-answer": template.pk, "use_template": "1"},
    )
    assert response.status_code == 200
    assert textarea(response.text, f"{kind}-text") == FILLED
    assert "Controleer wat u heeft ingevuld" not in response.text
    assert state(initiative) == before
    assert mail.outbox == []


def test_gebruik_for_a_status_chooses_the_status_and_keeps_the_rest(
    client, initiative, broker_a, post
):
    template = AnswerTemplateFactory(kind="status", to_status=Status.INTAKE, text_nl=MESSAGE)
    client.force_login(broker_a)
    before = state(initiative)
    data = versioned(initiative, "status", internal_note="Eerst school bellen.", answer=template.pk)
    response = post(url(initiative, "status"), {**data, "use_template": "1"})
    assert response.status_code == 200
    page = response.text
    assert textarea(page, "status-public_text") == FILLED
    assert textarea(page, "status-internal_note") == "Eerst school bellen."
    assert checked_radio(page, "status-to") == [Status.INTAKE]
    # The picker is empty again: an Enter in a text field (which presses "Gebruik", the
    # form's first button) cannot put the template back over the broker's edits.
    assert f'<option value="{template.pk}" selected>' not in page
    assert f'<option value="{template.pk}">' in page
    # The version the broker saw is kept, so a change by someone else is still noticed.
    assert f'name="status-version" value="{initiative.version}"' in page
    assert state(initiative) == before
    assert mail.outbox == []

    # Sending the filled-in form then changes the status.
    sent_data = versioned(initiative, "status", to=Status.INTAKE, public_text=FILLED)
    assert post(url(initiative, "status"), sent_data).status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == Status.INTAKE
    assert len(mail.outbox) == 1
    assert FILLED in mail.outbox[0].body


def test_gebruik_writes_english_for_an_english_initiative(client, initiative, broker_a):
    Initiative.objects.filter(pk=initiative.pk).update(language="en")
    template = AnswerTemplateFactory(text_en="Dear {voornaam}, see you before {datum}.")
    client.force_login(broker_a)
    response = client.post(
        url(initiative, "message"), {"message-answer": template.pk, "use_template": "1"}
    )
    assert textarea(response.text, "message-text") == "Dear Fatima, see you before 9 March 2026."


def test_without_english_text_an_english_initiative_gets_the_dutch_one(
    client, initiative, broker_a
):
    Initiative.objects.filter(pk=initiative.pk).update(language="en")
    template = AnswerTemplateFactory(text_nl="Tot {datum}.", text_en="")
    client.force_login(broker_a)
    response = client.post(
        url(initiative, "message"), {"message-answer": template.pk, "use_template": "1"}
    )
    assert textarea(response.text, "message-text") == "Tot 9 maart 2026."


def test_gebruik_without_a_choice_says_so_and_keeps_the_text(client, initiative, broker_a, post):
    AnswerTemplateFactory()
    client.force_login(broker_a)
    response = post(
        url(initiative, "message"),
        {"message-text": "wat ik al typte", "message-answer": "", "use_template": "1"},
    )
    assert response.status_code == 200
    assert "Kies eerst een standaardtekst." in response.text
    assert 'href="#id_message-answer"' in response.text  # in the error summary
    assert textarea(response.text, "message-text") == "wat ik al typte"
    assert not TimelineEntry.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("value", ["abc", str(2**31 - 1), "-1"])
def test_gebruik_with_an_unknown_template_is_a_form_error(client, initiative, broker_a, value):
    AnswerTemplateFactory()
    client.force_login(broker_a)
    response = client.post(
        url(initiative, "message"), {"message-answer": value, "use_template": "1"}
    )
    assert response.status_code == 200
    assert 'href="#id_message-answer"' in response.text


def test_a_status_template_that_is_not_a_move_now_is_refused(client, initiative, broker_a):
    template = AnswerTemplateFactory(kind="status", to_status=Status.COMPLETED)
    inactive = AnswerTemplateFactory(kind="status", to_status=Status.INTAKE, is_active=False)
    message = AnswerTemplateFactory(kind="message")
    client.force_login(broker_a)
    for chosen in (template, inactive, message):
        data = versioned(initiative, "status", answer=chosen.pk)
        response = client.post(url(initiative, "status"), {**data, "use_template": "1"})
        assert response.status_code == 200
        assert 'href="#id_status-answer"' in response.text
        assert checked_radio(response.text, "status-to") == []
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED


def test_a_template_with_a_bad_placeholder_is_shown_as_is_and_cannot_be_sent(
    client, initiative, broker_a, post
):
    # Written around the form (a data import, say): the page must still not crash.
    template = AnswerTemplateFactory(text_nl="Beste {naam}, {voornaam}")
    client.force_login(broker_a)
    response = post(
        url(initiative, "message"), {"message-answer": template.pk, "use_template": "1"}
    )
    assert response.status_code == 200
    assert textarea(response.text, "message-text") == "Beste {naam}, Fatima"
    response = post(url(initiative, "message"), {"message-text": "Beste {naam}, Fatima"})
    assert response.status_code == 200
    assert "Er staat nog {naam} in de tekst." in response.text
    assert mail.outbox == []


def test_gebruik_by_a_broker_of_another_wijk_is_403(client, initiative, broker_b):
    template = AnswerTemplateFactory()
    client.force_login(broker_b)
    response = client.post(
        url(initiative, "message"), {"message-answer": template.pk, "use_template": "1"}
    )
    assert response.status_code == 403


def test_gebruik_by_an_anonymous_user_goes_to_log_in(client, initiative):
    template = AnswerTemplateFactory()
    response = client.post(
        url(initiative, "message"), {"message-answer": template.pk, "use_template": "1"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_gebruik_needs_a_post(client, initiative, broker_a):
    template = AnswerTemplateFactory()
    client.force_login(broker_a)
    response = client.get(
        url(initiative, "message"), {"message-answer": template.pk, "use_template": "1"}
    )
    assert response.status_code == 405


# --- Leftover braces are refused on sending -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Beste {voornaam}, we bellen u.", "{voornaam}"),
        ("Beste Fatima, tot {datum} en {datum}.", "{datum}"),
        ("Beste Fatima { we bellen u.", "{"),
    ],
)
@pytest.mark.parametrize("kind", ["message", "update"])
def test_a_text_with_braces_is_not_sent(client, initiative, broker_a, post, kind, text, named):
    client.force_login(broker_a)
    response = post(url(initiative, kind), {f"{kind}-text": text})
    assert response.status_code == 200
    assert f"Er staat nog {named} in de tekst." in response.text
    assert textarea(response.text, f"{kind}-text") == text
    assert not TimelineEntry.objects.exists()
    assert mail.outbox == []


def test_a_status_text_with_a_placeholder_is_not_sent(client, initiative, broker_a, post):
    client.force_login(broker_a)
    data = versioned(initiative, "status", to=Status.INTAKE, public_text="Beste {voornaam},")
    response = post(url(initiative, "status"), data)
    assert response.status_code == 200
    assert "Er staat nog {voornaam} in de tekst." in response.text
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED
    assert mail.outbox == []


def test_an_internal_note_may_hold_braces(client, initiative, broker_a):
    client.force_login(broker_a)
    response = client.post(url(initiative, "note"), {"note-text": "Code {A} gebruikt."})
    assert response.status_code == 302
    assert TimelineEntry.objects.get().internal_note == "Code {A} gebruikt."


def test_a_bulk_status_text_with_a_placeholder_is_not_sent(client, initiative, broker_a, post):
    client.force_login(broker_a)
    data = {
        "ids": [initiative.pk],
        "action": "status",
        "to": Status.INTAKE,
        "public_text": "Beste {voornaam}, we bellen u.",
        "query": "queue=all",
    }
    response = post(reverse("initiatives:workspace_bulk"), data)
    assert "Er staat nog {voornaam} in de tekst." in response.text
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED
    assert mail.outbox == []
