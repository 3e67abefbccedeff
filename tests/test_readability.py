"""Every Dutch text a resident reads stays plain (B1): a LIX score over the catalogue.

Which texts: the msgids of the English catalogue (every string in gettext is there) with at
least one reference in a resident-facing file (``RESIDENT_FACING``: the public templates,
the resident's e-mails, the error pages, the public forms and views). Staff pages are not
checked. Texts of fewer than ``MIN_WORDS`` words (labels, buttons) say too little for a
score; they are short anyway.

LIX (Björnsson): words per sentence + 100 times the share of long words (more than six
letters; the site's own words in ``KNOWN_WORDS`` do not count as long). Dutch compounds
are long, so Dutch B1 texts score higher than English ones;
the threshold is set just above today's plain texts, so a long sentence full of long
words fails (tested below).
"""

import ast
import re
from pathlib import Path

import pytest

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/en/LC_MESSAGES/django.po"
RESIDENT_FACING = (
    "templates/initiatives/public/",
    "templates/initiatives/home.html",
    "templates/subscriptions/",
    "templates/pages/",
    "templates/includes/",
    "templates/base.html",
    "templates/4",
    "templates/5",
    "templates/results/result_facts.html",
    "templates/emails/follow_",
    "templates/emails/help_connected_helper",
    "templates/emails/help_offer_helper",
    "templates/emails/initiative_published",
    "templates/emails/initiator_update",
    "templates/emails/submitted_initiator",
    "templates/emails/stop_link",
    "templates/emails/base.html",
    "initiatives/forms/public.py",
    "initiatives/views/public.py",
    "initiatives/views/privacy.py",
    "initiatives/verification.py",
    "initiatives/resident_mail.py",
    "subscriptions/forms.py",
    "subscriptions/views.py",
    "wijkaanpak/forms.py",
)
MIN_WORDS = 6
THRESHOLD = 55
# The site's own words, which every page uses and residents learn on the first one: they
# do not make a text harder than its short words would.
_KNOWN = """
makelaar makelaars gemeente formulier initiatief initiatieven initiatiefnemer wijkaanpak
e-mailadres telefoonnummer
"""
KNOWN_WORDS = frozenset(_KNOWN.split())

_MARKUP = re.compile(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}|<[^>]+>|https?://\S+|\S+@\S+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;]+(?:\s|$)")


def lix(text: str) -> float:
    text = _MARKUP.sub(" ", text)
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    long_words = sum(1 for word in words if len(word) > 6 and word.lower() not in KNOWN_WORDS)
    return len(words) / sentences + 100 * long_words / len(words)


def catalogue() -> list[tuple[list[str], list[str]]]:
    """(references, [msgid, msgid_plural]) of every entry in the catalogue."""
    entries = []
    references: list[str] = []
    texts: list[str] = []
    current = None
    for line in [*CATALOGUE.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#:"):
            references += [ref.rsplit(":", 1)[0] for ref in line[2:].split()]
        elif line.startswith(("msgid ", "msgid_plural ")):
            texts.append(ast.literal_eval(line.split(" ", 1)[1]))
            current = len(texts) - 1
        elif line.startswith('"') and current is not None:
            texts[current] += ast.literal_eval(line)
        elif line.startswith("msgstr"):
            current = None
        elif not line.strip() and texts:
            entries.append((references, texts))
            references, texts, current = [], [], None
    return entries


def resident_texts() -> list[str]:
    return [
        text
        for references, texts in catalogue()
        if any(path.startswith(RESIDENT_FACING) for path in references)
        for text in texts
        if len(_WORD.findall(_MARKUP.sub(" ", text))) >= MIN_WORDS
    ]


def test_the_selection_holds_the_resident_texts():
    texts = resident_texts()
    assert len(texts) > 100
    assert any(text.startswith("Dat ging erg snel") for text in texts)
    assert "Controleer wat u heeft ingevuld" not in texts  # too short to score


@pytest.mark.parametrize("text", resident_texts())
def test_every_resident_text_is_plain_dutch(text):
    assert lix(text) <= THRESHOLD, f"LIX {lix(text):.0f}: schrijf korter en met kortere woorden"


@pytest.mark.parametrize(
    "text",
    [
        "Overeenkomstig de toepasselijke verwerkingsgrondslagen worden persoonsgegevens "
        "uitsluitend verwerkt ten behoeve van de uitvoering van de subsidieregeling.",
        "Indien belanghebbende voornemens is bezwaar aan te tekenen tegen deze beschikking, "
        "dient hij dit binnen de daarvoor geldende termijn schriftelijk te doen.",
    ],
)
def test_a_hard_sentence_fails(text):
    assert lix(text) > THRESHOLD


def test_a_plain_sentence_passes():
    assert lix("Wij bellen u binnen vijf werkdagen. Dan hoort u wat we gaan doen.") <= THRESHOLD
