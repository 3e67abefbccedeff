"""The placeholders of answer templates: {voornaam}, {wijk}, {makelaar} and {datum}.

A placeholder is a known name in braces. Anything else with a brace (``{naam}``, a lone
``{`` or ``}``) is an error for the template forms and for the forms that send a text, so a
resident never gets raw braces in an e-mail.
"""

import re

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import pgettext

from initiatives.models import ANONYMISED_NAME, Initiative

PLACEHOLDERS = ("voornaam", "wijk", "makelaar", "datum")
# A name in braces, or a brace that is not part of one.
_TOKEN = re.compile(r"\{([^{}\n]*)\}|[{}]")


def _tokens(text: str, *, known: bool) -> list[str]:
    found = []
    for match in _TOKEN.finditer(text):
        if (match.group(1) in PLACEHOLDERS) == known and match.group(0) not in found:
            found.append(match.group(0))
    return found


def unknown(text: str) -> list[str]:
    """Unknown placeholders and stray braces in ``text``, as written, each once, in order."""
    return _tokens(text, known=False)


def leftovers(text: str) -> list[str]:
    """Everything with a brace in a text about to be sent: placeholders too."""
    return [match.group(0) for match in _TOKEN.finditer(text)]


def first_name(initiative: Initiative, language: str) -> str:
    """The first word of the initiator's name; "bewoner" when there is none any more."""
    initiator = getattr(initiative, "initiator", None)  # None when the row does not exist
    name = "" if initiator is None or initiator.anonymised_at else initiator.name.strip()
    if not name or name == ANONYMISED_NAME:
        with translation.override(language):
            return pgettext("aanhef zonder naam", "bewoner")
    return name.split()[0]


def values(initiative: Initiative, *, broker, language: str) -> dict[str, str]:
    with translation.override(language):
        due = date_format(initiative.first_response_due, "j F Y")
    return {
        "voornaam": first_name(initiative, language),
        "wijk": initiative.neighbourhood.name,
        "makelaar": broker.get_full_name() or broker.get_username(),
        "datum": due,
    }


def fill(text: str, *, initiative: Initiative, broker, language: str) -> str:
    """``text`` with its placeholders filled in, in ``language`` ("nl" or "en").

    Unknown placeholders and stray braces stay as they are: the form that sends the text
    refuses them, so the broker sees and fixes them.
    """
    known = values(initiative, broker=broker, language=language)
    return _TOKEN.sub(lambda match: known.get(match.group(1) or "", match.group(0)), text)
