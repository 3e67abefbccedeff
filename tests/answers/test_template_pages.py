"""The workspace pages of the answer templates: brokers look, coordinators keep them."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from answers.models import AnswerTemplate
from initiatives.models import Status
from tests.factories import AnswerTemplateFactory

pytestmark = pytest.mark.django_db

LIST = reverse("answers:list")
CREATE = reverse("answers:create")


def edit_url(template) -> str:
    return reverse("answers:edit", kwargs={"template_pk": template.pk})


def data(**values) -> dict:
    return {
        "name": "Eerste contact",
        "kind": "message",
        "to_status": "",
        "text_nl": "Beste {voornaam}, ik ben {makelaar}.",
        "text_en": "Dear {voornaam}, I am {makelaar}.",
        "is_active": "on",
        **values,
    }


# --- The list -----------------------------------------------------------------------------


def test_a_broker_sees_the_templates_with_kind_and_status_but_no_edit_links(client, broker_a):
    AnswerTemplateFactory(name="Eerste contact")
    AnswerTemplateFactory(name="Afwijzing", kind="status", to_status=Status.DECLINED, text_en="")
    client.force_login(broker_a)
    response = client.get(LIST)
    assert response.status_code == 200
    page = response.text
    assert "Eerste contact" in page and "Afwijzing" in page
    assert "Statuswijziging" in page and "Afgewezen" in page
    assert "Nee, de Nederlandse tekst" in page  # no English version
    assert CREATE not in page
    assert "/bewerken/" not in page


def test_a_coordinator_gets_links_to_add_and_edit(client, coordinator):
    template = AnswerTemplateFactory()
    client.force_login(coordinator)
    page = client.get(LIST).text
    assert f'href="{CREATE}"' in page
    assert f'href="{edit_url(template)}"' in page


def test_the_list_links_from_the_workspace_navigation(client, broker_a):
    client.force_login(broker_a)
    page = client.get(reverse("initiatives:workspace")).text
    assert f'href="{LIST}"' in page


def test_the_list_refuses_a_post(client, coordinator):
    client.force_login(coordinator)
    assert client.post(LIST).status_code == 405


@pytest.mark.parametrize("rows", [2, 20])
def test_the_list_query_count_does_not_grow_with_templates(
    client, coordinator, django_assert_num_queries, rows
):
    for _ in range(rows):
        AnswerTemplateFactory()
    client.force_login(coordinator)
    # 1 session, 2 user, 3 groups (roles), 4 the templates.
    with django_assert_num_queries(4):
        response = client.get(LIST)
    assert response.text.count("/bewerken/") == rows


# --- Creating and changing ----------------------------------------------------------------


def test_a_coordinator_adds_a_template(client, coordinator):
    client.force_login(coordinator)
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, data())
    assert response.status_code == 302
    assert response["Location"] == LIST
    template = AnswerTemplate.objects.get()
    assert (template.name, template.kind, template.to_status, template.is_active) == (
        "Eerste contact",
        "message",
        "",
        True,
    )
    assert template.text_nl == "Beste {voornaam}, ik ben {makelaar}."
    assert "De standaardtekst is opgeslagen." in client.get(LIST).text


def test_a_coordinator_adds_a_status_template(client, coordinator):
    client.force_login(coordinator)
    response = client.post(CREATE, data(kind="status", to_status=Status.INTAKE))
    assert response.status_code == 302
    assert AnswerTemplate.objects.get().to_status == Status.INTAKE


def test_a_status_template_needs_its_status(client, coordinator):
    client.force_login(coordinator)
    response = client.post(CREATE, data(kind="status", to_status=""))
    assert response.status_code == 200
    assert "Kies bij welke nieuwe status deze tekst hoort." in response.text
    assert not AnswerTemplate.objects.exists()


def test_a_status_on_another_kind_is_dropped(client, coordinator):
    client.force_login(coordinator)
    assert client.post(CREATE, data(to_status=Status.INTAKE)).status_code == 302
    assert AnswerTemplate.objects.get().to_status == ""


def test_a_coordinator_changes_a_template(client, coordinator):
    template = AnswerTemplateFactory(name="Oud")
    client.force_login(coordinator)
    assert client.get(edit_url(template)).status_code == 200
    response = client.post(edit_url(template), data(name="Nieuw", is_active=""))
    assert response.status_code == 302
    template.refresh_from_db()
    assert (template.name, template.is_active) == ("Nieuw", False)


@pytest.mark.parametrize(
    ("field", "text", "named"),
    [
        ("text_nl", "Beste {naam}, welkom.", "{naam}"),
        ("text_en", "Dear {name}, welcome.", "{name}"),
        ("text_nl", "Beste {voornaam, welkom.", "{"),
        ("text_nl", "Beste voornaam}, welkom.", "}"),
    ],
)
def test_an_unknown_placeholder_is_a_form_error_that_keeps_the_text(
    client, coordinator, field, text, named
):
    client.force_login(coordinator)
    response = client.post(CREATE, data(**{field: text}))
    assert response.status_code == 200
    page = response.text
    assert f"Onbekend: {named}. Gebruik {{voornaam}}, {{wijk}}, {{makelaar}} of {{datum}}." in page
    assert f'href="#id_{field}"' in page  # in the error summary
    assert text in page  # kept as typed
    assert "Eerste contact" in page
    assert not AnswerTemplate.objects.exists()


def test_a_name_used_twice_is_a_form_error(client, coordinator):
    AnswerTemplateFactory(name="Eerste contact")
    client.force_login(coordinator)
    response = client.post(CREATE, data())
    assert response.status_code == 200
    assert AnswerTemplate.objects.count() == 1


@pytest.mark.parametrize("name", ["create", "edit"])
def test_a_broker_may_not_add_or_change_templates(client, broker_a, name):
    template = AnswerTemplateFactory(name="Oud")
    url = CREATE if name == "create" else edit_url(template)
    client.force_login(broker_a)
    assert client.get(url).status_code == 403
    assert client.post(url, data(name="Nieuw")).status_code == 403
    assert list(AnswerTemplate.objects.values_list("name", flat=True)) == ["Oud"]


@pytest.mark.parametrize("name", ["create", "edit"])
def test_the_forms_refuse_other_methods(client, coordinator, name):
    template = AnswerTemplateFactory()
    url = CREATE if name == "create" else edit_url(template)
    client.force_login(coordinator)
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
    assert AnswerTemplate.objects.count() == 1


@pytest.mark.parametrize("name", ["list", "create", "edit"])
def test_anonymous_users_are_sent_to_log_in(client, name):
    template = AnswerTemplateFactory(name="Oud")
    url = {"list": LIST, "create": CREATE, "edit": edit_url(template)}[name]
    response = client.post(url, data(name="Nieuw")) if name != "list" else client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert list(AnswerTemplate.objects.values_list("name", flat=True)) == ["Oud"]


def test_an_unknown_template_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("answers:edit", kwargs={"template_pk": 2**31 - 1})).status_code == 404


def test_the_database_refuses_a_status_on_a_message():
    with pytest.raises(IntegrityError), transaction.atomic():
        AnswerTemplateFactory(kind="message", to_status=Status.INTAKE)
    with pytest.raises(IntegrityError), transaction.atomic():
        AnswerTemplateFactory(kind="status", to_status="")
