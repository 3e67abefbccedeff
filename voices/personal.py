"""A warning, not a wall: what in a summary looks like personal data.

Brokers write voices in their own words without names or addresses; this check catches the
slips a form can see (an e-mail address, a phone number, a postcode with a house number).
"""

import re

from django.utils.translation import gettext_lazy as _

CHECKS = (
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), _("een e-mailadres")),
    (re.compile(r"(?<!\d)(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){9}(?!\d)"), _("een telefoonnummer")),
    (
        re.compile(
            r"\b[1-9]\d{3}\s?[A-Za-z]{2}\s*,?\s*\d{1,5}\b|\b[A-Z][a-z]+(?:straat|weg|laan|plein|gracht|kade|dijk|hof|pad)\s+\d{1,5}\b"
        ),
        _("een adres"),
    ),
)


def looks_personal(text: str) -> list[str]:
    """What the text seems to hold, in words for the warning; empty when nothing."""
    return list(dict.fromkeys(str(label) for pattern, label in CHECKS if pattern.search(text)))
