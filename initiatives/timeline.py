"""The kinds of timeline entry, and how each behaves: one row per kind in ``ENTRY_SPECS``.

Who sees an entry, who may have written it, and whether its text is personal are read
from the table, never from a list of kinds elsewhere: the querysets, the services'
filters, the templates (``entry.spec``) and the tests all derive from it. A new kind is a
member of ``EntryKind`` and a row here.
"""

from dataclasses import dataclass
from enum import IntEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    STATUS_CHANGE = "status_change", _("Statuswijziging")
    PUBLIC_UPDATE = "public_update", _("Voortgangsbericht")
    MESSAGE_TO_INITIATOR = "message_to_initiator", _("Bericht aan initiatiefnemer")
    MESSAGE_FROM_INITIATOR = "message_from_initiator", _("Bericht van initiatiefnemer")
    NOTE = "note", _("Interne notitie")
    EMAIL_SENT = "email_sent", _("E-mail verstuurd")
    ASSIGNED = "assigned", _("Toegewezen")
    PUBLISHED = "published", _("Gepubliceerd")
    UNPUBLISHED = "unpublished", _("Niet meer openbaar")
    AMOUNT_GRANTED = "amount_granted", _("Bedrag toegekend")
    MONEY_RELEASED = "money_released", _("Geld terug naar het wijkbudget")
    CONTRIBUTION_ADDED = "contribution_added", _("Bijdrage van een partner")
    PARTNER_LINKED = "partner_linked", _("Partner gekoppeld")
    HELP_OFFERED = "help_offered", _("Hulp aangeboden")
    HELP_CONNECTED = "help_connected", _("Hulpaanbod gekoppeld")
    CONTACT_VIEWED = "contact_viewed", _("Contactgegevens bekeken")
    DATA_REQUEST = "data_request", _("Verzoek over persoonsgegevens")
    ENTERED_FOR_RESIDENT = "entered_for_resident", _("Ingevoerd namens de bewoner")
    FOLLOW_UP = "follow_up", _("Opvolgen")
    ATTENTION_HANDLED = "attention_handled", _("Gezien, geen actie nodig")
    NEW_TRACKING_LINK = "new_tracking_link", _("Nieuwe volglink gemaakt")
    # A similar idea was merged into this one, or that merge was undone (duplicates/).
    MERGED_IN = "merged_in", _("Samengevoegd met een vergelijkbaar idee")
    MERGE_UNDONE = "merge_undone", _("Samenvoeging ongedaan gemaakt")


class Audience(IntEnum):
    """Who reads an entry; each audience also sees what the narrower ones see."""

    BROKERS = 1  # the wijk's brokers and coordinators only
    INITIATOR = 2  # and the resident, on the tracking page
    PUBLIC = 3  # and everyone, once the initiative is published


@dataclass(frozen=True)
class EntrySpec:
    audience: Audience = Audience.BROKERS
    # The resident may have written it: without an actor, it was them, not the system.
    by_resident: bool = False
    # Its public text is written to or by the resident and may name them: anonymising
    # clears it (texts a resident wrote are cleared anyway; see ``resident_text``).
    personal_text: bool = False
    # An edit conflict lists it among what changed since the broker opened the page.
    is_change: bool = True
    # The heading on the initiator's tracking page; "%(status)s" is the new status.
    initiator_heading: Promise | str = ""
    # The subject of the e-mail the initiator gets about it, when they get one.
    initiator_mail_subject: Promise | str = ""


ENTRY_SPECS: dict[str, EntrySpec] = {
    EntryKind.STATUS_CHANGE: EntrySpec(
        audience=Audience.INITIATOR,
        by_resident=True,  # a withdrawal
        initiator_heading=_("Nieuwe status: %(status)s"),
        initiator_mail_subject=_("Nieuws over uw idee"),
    ),
    EntryKind.PUBLIC_UPDATE: EntrySpec(
        audience=Audience.PUBLIC,
        initiator_heading=_("Nieuws"),
        initiator_mail_subject=_("Nieuws over uw idee"),
    ),
    EntryKind.MESSAGE_TO_INITIATOR: EntrySpec(
        audience=Audience.INITIATOR,
        personal_text=True,
        initiator_heading=_("Bericht van de sociaal makelaar"),
        initiator_mail_subject=_("Een bericht over uw idee"),
    ),
    EntryKind.MESSAGE_FROM_INITIATOR: EntrySpec(
        audience=Audience.INITIATOR,
        by_resident=True,
        personal_text=True,
        initiator_heading=_("Uw bericht"),
    ),
    EntryKind.NOTE: EntrySpec(),
    EntryKind.EMAIL_SENT: EntrySpec(),
    EntryKind.ASSIGNED: EntrySpec(),
    EntryKind.PUBLISHED: EntrySpec(),
    EntryKind.UNPUBLISHED: EntrySpec(),
    EntryKind.AMOUNT_GRANTED: EntrySpec(),
    # Withdrawn: its grant went back to the pot (budgets.ledger.release).
    EntryKind.MONEY_RELEASED: EntrySpec(),
    EntryKind.CONTRIBUTION_ADDED: EntrySpec(),
    EntryKind.PARTNER_LINKED: EntrySpec(),
    EntryKind.HELP_OFFERED: EntrySpec(by_resident=True),
    EntryKind.HELP_CONNECTED: EntrySpec(),
    # Looking is not changing: a conflict does not list who looked at contact details.
    EntryKind.CONTACT_VIEWED: EntrySpec(is_change=False),
    # A resident's access or erasure request (AVG), handled: who, when, what (privacy.py).
    EntryKind.DATA_REQUEST: EntrySpec(by_resident=True),
    # A broker typed the idea in with the resident (phone, spreekuur, ...): the resident
    # sees who did, on the tracking page.
    EntryKind.ENTERED_FOR_RESIDENT: EntrySpec(
        audience=Audience.INITIATOR,
        initiator_heading=_("Een sociaal makelaar heeft uw idee voor u ingevoerd"),
    ),
    # A follow-up date and its reason, or its removal (the internal note says which).
    EntryKind.FOLLOW_UP: EntrySpec(),
    EntryKind.ATTENTION_HANDLED: EntrySpec(),
    # The old private link stopped working; a new letter or e-mail carries the new one.
    EntryKind.NEW_TRACKING_LINK: EntrySpec(),
    # On the initiative a duplicate was merged into (the duplicate's own timeline has the
    # status change to "Samengevoegd"): everyone may read that a similar idea joined it.
    EntryKind.MERGED_IN: EntrySpec(
        audience=Audience.PUBLIC,
        initiator_heading=_("Samengevoegd met een vergelijkbaar idee"),
    ),
    EntryKind.MERGE_UNDONE: EntrySpec(
        audience=Audience.PUBLIC,
        initiator_heading=_("Een samengevoegd idee gaat weer apart verder"),
    ),
}


def kinds(**wanted: object) -> frozenset[str]:
    """The kinds whose spec has every attribute given, e.g. ``kinds(by_resident=True)``."""
    return frozenset(
        kind
        for kind, spec in ENTRY_SPECS.items()
        if all(getattr(spec, name) == value for name, value in wanted.items())
    )


def seen_by(audience: Audience) -> frozenset[str]:
    """The kinds ``audience`` reads."""
    return frozenset(kind for kind, spec in ENTRY_SPECS.items() if spec.audience >= audience)


INITIATOR_VISIBLE = seen_by(Audience.INITIATOR)
PUBLIC_VISIBLE = seen_by(Audience.PUBLIC)
CHANGES = kinds(is_change=True)
PERSONAL_TEXT = kinds(personal_text=True)
BY_RESIDENT = kinds(by_resident=True)
