"""Residents read our own plain Dutch (B1) in every form, and never lose what they typed."""

import re

import pytest
from django import forms
from django.utils import translation

from initiatives.forms.public import (
    HelpOfferForm,
    ReplyForm,
    SubmitForm,
    VerifiedSupportForm,
)
from initiatives.models import Initiative
from initiatives.views.privacy import FindForm
from subscriptions.forms import FollowForm
from wijkaanpak.forms import StyledFormMixin
from wijkaanpak.templatetags.form_errors import with_error

from .conftest import started

pytestmark = pytest.mark.django_db

URL = "/idee/"


def textarea(html: str, name: str) -> str:
    return re.search(rf'<textarea[^>]*name="{name}"[^>]*>', html).group(0)


def test_too_long_text_is_refused_with_its_length_and_comes_back_whole(client, submission):
    submission["description"] = "Lang verhaal. " * 714 + "Einde"  # 10,001 characters
    response = client.post(URL, submission)
    assert response.status_code == 200
    assert not Initiative.objects.exists()
    html = response.text
    assert "Uw tekst is te lang: 10.001 tekens, maximaal 5.000." in html
    # All of it, not the first 5,000 characters.
    assert "Lang verhaal. " * 714 + "Einde" in html


def test_long_text_fields_show_their_limit_and_do_not_cut_a_paste(client):
    html = client.get(URL).text
    assert "maximaal 5.000 tekens" in html
    assert 'id="id_description_limit"' in html
    tag = textarea(html, "description")
    assert re.search(r'aria-describedby="[^"]*id_description_limit"', tag)
    # A browser cuts a pasted text at maxlength without a word; the server says it instead.
    assert "maxlength" not in tag


def test_the_limit_stays_described_when_the_field_has_an_error(client, submission):
    submission["description"] = "x" * 5001
    html = client.post(URL, submission).text
    tag = textarea(html, "description")
    assert "id_description_error" in tag and "id_description_limit" in tag


def test_an_empty_form_says_what_is_missing_not_that_it_went_fast(client):
    response = client.post(URL, {"started": started(seconds_ago=0)})
    assert response.status_code == 200
    assert "Vul dit in." in response.text
    assert "Dat ging erg snel" not in response.text


def test_a_form_with_mistakes_is_not_called_too_fast(client, submission):
    submission.update(name="", started=started(seconds_ago=0))
    assert "Dat ging erg snel" not in client.post(URL, submission).text


def test_a_correct_form_sent_too_fast_still_is(client, submission):
    submission["started"] = started(seconds_ago=0)
    assert "Dat ging erg snel" in client.post(URL, submission).text


def test_the_error_summary_has_no_double_punctuation(client, submission):
    submission["consent"] = ""
    html = client.post(URL, submission).text
    assert "voor dit idee. Zet een vinkje." in html
    assert ".:" not in html and "?:" not in html


@pytest.mark.parametrize(
    ("label", "line"),
    [
        ("Uw naam", "Uw naam: Vul dit in."),
        ("Hoe staat het ervoor?", "Hoe staat het ervoor? Vul dit in."),
        ("Ik geef toestemming.", "Ik geef toestemming. Vul dit in."),
        ("Datum:", "Datum: Vul dit in."),
    ],
)
def test_a_label_and_its_error_make_one_sentence(label, line):
    assert with_error(label, "Vul dit in.") == line


class Example(StyledFormMixin, forms.Form):
    text = forms.CharField(max_length=5000, widget=forms.Textarea)
    email = forms.EmailField()
    choice = forms.ChoiceField(choices=[("a", "A")])
    number = forms.IntegerField()
    agree = forms.BooleanField()
    own = forms.CharField(error_messages={"required": "Eigen tekst."})


def test_every_default_message_is_our_own():
    form = Example({"text": "x" * 12345, "email": "fatima@", "choice": "b", "number": "veel"})
    assert {name: [str(error) for error in errors] for name, errors in form.errors.items()} == {
        "text": ["Uw tekst is te lang: 12.345 tekens, maximaal 5.000."],
        "email": ["Dit is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl."],
        "choice": ["Kies een van de mogelijkheden."],
        "number": ["Vul een getal in, zoals 12."],
        "agree": ["Zet een vinkje."],
        "own": ["Eigen tekst."],  # a form's own message stays
    }


def test_the_messages_and_numbers_follow_the_language():
    with translation.override("en"):
        form = Example({"text": "x" * 12345})
        assert form.errors["text"] == ["Your text is too long: 12,345 characters, at most 5,000."]
        assert form.errors["email"] == ["Please fill this in."]


DJANGO_WORDS = ("Dit veld", "Zorg ervoor", "Selecteer een", "Voer een", "This field")


@pytest.mark.parametrize(
    "form_class",
    [SubmitForm, ReplyForm, HelpOfferForm, VerifiedSupportForm, FollowForm, FindForm],
)
def test_every_resident_form_speaks_plain_dutch(form_class):
    data = {"email": "fatima@", "postcode": "x", "house_number": "x" * 300, "text": "x" * 9000}
    messages = [message for errors in form_class(data).errors.values() for message in errors]
    assert messages
    assert not [message for message in messages if message.startswith(DJANGO_WORDS)]
