"""Workflows that touch several models and have side effects.

Each function takes the acting user explicitly, checks rights and preconditions (raising
``PermissionDenied`` or a ``WorkflowError``), writes inside one transaction, leaves a timeline
entry saying who did what, and queues e-mail with the transaction (``enqueue_in_transaction``:
the task rows commit or roll back with the change; the immediate backend waits for the commit).
"""

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from budgets import ledger
from duplicates import undo
from initiatives import rules, tasks, workflow
from initiatives.models import (
    Channel,
    ConsentBasis,
    EntryKind,
    HelpOffer,
    Initiative,
    InitiativePartner,
    Initiator,
    Partner,
    Support,
    TimelineEntry,
)
from initiatives.timeline import CHANGES
from initiatives.workdays import add_working_days, local_date, working_days_between
from initiatives.workflow import CLOSED_STATUSES, REASON_REQUIRED, Status, is_reopening
from neighbourhoods.models import Neighbourhood, Priority
from search import index as search_index
from wijkaanpak.tasks import enqueue_in_transaction


class WorkflowError(Exception):
    """A domain rule refused the action; the message is safe to show to the user."""


class InvalidTransition(WorkflowError):
    pass


class EditConflict(WorkflowError):
    """Someone else changed the initiative after the form was loaded (optimistic locking)."""

    def __init__(self, initiative: Initiative, changes: list[TimelineEntry]) -> None:
        super().__init__(
            _(
                "Iemand anders heeft dit initiatief net gewijzigd. "
                "Bekijk de wijziging en probeer het opnieuw."
            )
        )
        self.initiative = initiative
        self.changes = changes


def _lock(initiative: Initiative, expected_version: int | None) -> Initiative:
    """Re-read the row under a lock; refuse when it moved on since the user's form was loaded.

    FOR NO KEY UPDATE: it keeps other writers of this row out, but not the foreign-key checks
    of rows pointing at it, which PostgreSQL defers to commit; those may run after another
    transaction's data-version trigger (migration 0006), and must not wait for us then.
    """
    current = Initiative.objects.select_for_update(no_key=True).get(pk=initiative.pk)
    if expected_version is not None and current.version != expected_version:
        changes = list(
            current.timeline.select_related("actor")
            .filter(created_at__gte=initiative.updated_at)
            .filter(kind__in=CHANGES)
        )
        raise EditConflict(current, changes)
    return current


def _save(initiative: Initiative, *fields: str, now: datetime) -> None:
    """Save the given fields and bump the version, so concurrent forms notice."""
    initiative.version += 1
    initiative.updated_at = now
    initiative.save(update_fields=[*fields, "version", "updated_at"])


def _entry(initiative: Initiative, kind: str, actor, now: datetime, **values) -> TimelineEntry:
    return TimelineEntry.objects.create(
        initiative=initiative, kind=kind, actor=actor, created_at=now, **values
    )


def _mark_first_response(initiative: Initiative, now: datetime) -> list[str]:
    """The first broker action the initiator can see counts as the first response."""
    if initiative.first_response_at is not None:
        return []
    initiative.first_response_at = now
    initiative.response_working_days = max(
        0, working_days_between(local_date(initiative.submitted_at), local_date(now))
    )
    return ["first_response_at", "response_working_days"]


def _answered(initiative: Initiative) -> list[str]:
    """A broker wrote to the initiator: their reply no longer waits ("Actie nodig")."""
    if initiative.initiator_replied_at is None:
        return []
    initiative.initiator_replied_at = None
    return ["initiator_replied_at"]


def first_response_due(submitted_at: datetime) -> date:
    return add_working_days(local_date(submitted_at), settings.FIRST_RESPONSE_WORKING_DAYS)


# --- Residents --------------------------------------------------------------------------


def submit_initiative(
    *,
    title: str,
    description: str,
    neighbourhood: Neighbourhood,
    priorities: Iterable[Priority] = (),
    needs: Iterable[str] = (),
    amount_requested: Decimal | None = None,
    name: str,
    email: str = "",
    phone: str = "",
    language: str = "nl",
    submission_key: uuid.UUID | None = None,
    channel: str = Channel.ONLINE,
    entered_by=None,
    consent_basis: str = ConsentBasis.ONLINE_FORM,
    consent_at: datetime | None = None,
    now: datetime | None = None,
) -> tuple[Initiative, str]:
    """Create an initiative and its initiator; return it with the private tracking token.

    A broker entering it for a resident (``entered_by``: by phone, at the spreekuur, ...)
    says how it came in and how the resident agreed; the first-response clock starts now
    either way. A repeated ``submission_key`` (double click, resubmitted form) returns the
    initiative the first submission created, with ``token`` empty: the token was shown once.
    """
    if entered_by is not None and not rules.can_enter_for_resident(entered_by, neighbourhood):
        raise PermissionDenied
    now = now or timezone.now()
    initiative = Initiative(
        title=title,
        description=description,
        neighbourhood=neighbourhood,
        needs=list(needs),
        amount_requested=amount_requested,
        submitted_at=now,
        updated_at=now,
        first_response_due=first_response_due(now),
        language=language,
        submission_key=submission_key,
        channel=channel,
        entered_by=entered_by,
        # Who typed it in with the resident does the work, unless they hand it over.
        assigned_broker=entered_by,
    )
    token = initiative.issue_tracking_token()
    try:
        with transaction.atomic():
            initiative.save()
            initiative.priorities.set(priorities)
            Initiator.objects.create(
                initiative=initiative,
                name=name,
                email=email,
                phone=phone,
                consent_basis=consent_basis,
                consent_at=consent_at or now,
            )
            if entered_by is not None:
                _entry(initiative, EntryKind.ENTERED_FOR_RESIDENT, entered_by, now)
            enqueue_in_transaction(tasks.notify_initiator_submitted, initiative_id=initiative.pk)
            enqueue_in_transaction(tasks.notify_brokers_submitted, initiative_id=initiative.pk)
    except IntegrityError:
        if submission_key is None:
            raise
        existing = Initiative.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing, ""
    return initiative, token


def reply_as_initiator(
    initiative: Initiative, text: str, *, now: datetime | None = None
) -> TimelineEntry:
    if not rules.initiator_can_reply(initiative):
        raise WorkflowError(_("U kunt op dit initiatief niet meer reageren."))
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, None)
        entry = _entry(current, EntryKind.MESSAGE_FROM_INITIATOR, None, now, public_text=text)
        current.waiting_for_initiator_since = None
        # "Actie nodig" from the first reply nobody answered yet.
        current.initiator_replied_at = current.initiator_replied_at or now
        _save(current, "waiting_for_initiator_since", "initiator_replied_at", now=now)
        enqueue_in_transaction(tasks.notify_brokers_of_initiator, entry_id=entry.pk)
    return entry


def withdraw_as_initiator(
    initiative: Initiative, reason: str = "", *, now: datetime | None = None
) -> Initiative:
    if not rules.initiator_can_withdraw(initiative):
        raise InvalidTransition(_("Dit initiatief kan niet meer worden ingetrokken."))
    text = reason or str(_("Ingetrokken door de initiatiefnemer."))
    return _transition(initiative, Status.WITHDRAWN, actor=None, public_text=text, now=now)


def add_support(initiative: Initiative, browser_key: str, *, now: datetime | None = None) -> bool:
    """Record "Ik steun dit"; False when this browser already supported it."""
    if not rules.public_can_support(initiative):
        raise WorkflowError(_("U kunt dit idee niet meer steunen."))
    try:
        with transaction.atomic():
            Support.objects.create(
                initiative=initiative, browser_key=browser_key, created_at=now or timezone.now()
            )
            Initiative.objects.filter(pk=initiative.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


def offer_help(
    initiative: Initiative,
    *,
    name: str,
    email: str = "",
    phone: str = "",
    offer_kinds: Iterable[str] = (),
    message: str = "",
    submission_key: uuid.UUID | None = None,
    language: str = "nl",
    now: datetime | None = None,
) -> HelpOffer:
    """Record "Ik wil helpen", mailed in ``language``; one offer per ``submission_key``."""
    if not rules.public_can_offer_help(initiative):
        raise WorkflowError(_("Bij dit idee kunt u geen hulp meer aanbieden."))
    now = now or timezone.now()
    try:
        with transaction.atomic():
            offer = HelpOffer.objects.create(
                initiative=initiative,
                name=name,
                email=email,
                phone=phone,
                offer_kinds=list(offer_kinds),
                message=message,
                consent_at=now,
                created_at=now,
                submission_key=submission_key,
                language=language,
            )
            Initiative.objects.filter(pk=initiative.pk).update(
                help_offer_count=F("help_offer_count") + 1,
                # "Actie nodig" from the first offer nobody connected yet.
                help_waiting_since=Coalesce("help_waiting_since", Value(now)),
            )
            _entry(initiative, EntryKind.HELP_OFFERED, None, now)
            enqueue_in_transaction(tasks.notify_brokers_of_help_offer, offer_id=offer.pk)
            enqueue_in_transaction(tasks.confirm_help_offer, offer_id=offer.pk)
    except IntegrityError:
        # The same form sent twice (a double click): the first one counts.
        existing = HelpOffer.objects.filter(submission_key=submission_key).first()
        if submission_key is None or existing is None:
            raise
        return existing
    return offer


# --- Brokers ----------------------------------------------------------------------------


def change_status(
    initiative: Initiative,
    to: str,
    *,
    actor,
    public_text: str,
    internal_note: str = "",
    referred_to: str = "",
    referral_reference: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Initiative:
    """Move an initiative along the transition table, telling the initiator why."""
    if not rules.can_manage(actor, initiative):
        raise PermissionDenied
    return _transition(
        initiative,
        to,
        actor=actor,
        public_text=public_text,
        internal_note=internal_note,
        referred_to=referred_to,
        referral_reference=referral_reference,
        expected_version=expected_version,
        now=now,
    )


def _transition(
    initiative: Initiative,
    to: str,
    *,
    actor,
    public_text: str,
    internal_note: str = "",
    referred_to: str = "",
    referral_reference: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Initiative:
    public_text = public_text.strip()
    if not public_text:
        if to in REASON_REQUIRED or is_reopening(initiative.status, to):
            raise WorkflowError(_("Schrijf de reden op. De initiatiefnemer leest deze tekst."))
        raise WorkflowError(_("Schrijf wat de initiatiefnemer te lezen krijgt."))
    if to == Status.REFERRED and not referred_to.strip():
        raise WorkflowError(_("Vul in waar het naartoe is doorverwezen."))
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, expected_version)
        if not current.can_transition_to(to) or to in workflow.OWN_ACTION_STATUSES:
            raise InvalidTransition(
                _("Van “%(from)s” naar “%(to)s” kan niet.")
                % {"from": Status(current.status).label, "to": Status(to).label}
            )
        from_status = current.status
        fields = ["status", *undo.reopening(current, actor=actor, now=now)]  # of a merge
        current.status = to
        if to in CLOSED_STATUSES:
            current.closed_at = now
            fields.append("closed_at")
        elif is_reopening(from_status, to):
            current.closed_at = None
            current.referred_to = ""
            current.referral_reference = ""
            fields += ["closed_at", "referred_to", "referral_reference"]
        if to == Status.WITHDRAWN and current.is_published:
            # The resident took it back: it leaves the public pages too.
            current.is_published = False
            current.published_at = None
            fields += ["is_published", "published_at"]
        if to == Status.WITHDRAWN:
            # The money goes back to its wijk's budget, on the timeline.
            fields += ledger.release(current, actor=actor, now=now)
        if to == Status.REFERRED:
            current.referred_to = referred_to.strip()
            current.referral_reference = referral_reference.strip()
            fields += ["referred_to", "referral_reference"]
        if actor is not None:
            fields += [*_mark_first_response(current, now), *_answered(current)]
        _save(current, *fields, now=now)
        entry = _entry(
            current,
            EntryKind.STATUS_CHANGE,
            actor,
            now,
            from_status=from_status,
            to_status=to,
            public_text=public_text,
            internal_note=internal_note.strip(),
        )
        if actor is not None:
            enqueue_in_transaction(tasks.notify_initiator, entry_id=entry.pk)
        else:
            enqueue_in_transaction(tasks.notify_brokers_of_initiator, entry_id=entry.pk)
    return current


def assign(
    initiative: Initiative,
    assignee,
    *,
    actor,
    note: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Initiative:
    """Take an initiative (assignee is the actor) or hand it to a colleague of its wijk.

    The colleague gets an e-mail with a link; the hand-over note (on leave, a better match)
    is in the timeline, not in the mail, like every other text in the brokers' mail.
    """
    taking = assignee is not None and assignee.pk == actor.pk
    if taking and initiative.assigned_broker_id == actor.pk:
        return initiative  # already theirs: nothing to do
    allowed = rules.can_take(actor, initiative) if taking else rules.can_assign(actor, initiative)
    if not allowed:
        raise PermissionDenied
    if assignee is not None and not rules.can_be_assigned(assignee, initiative):
        raise WorkflowError(
            _("Kies een sociaal makelaar die in deze wijk werkt, of een coördinator.")
        )
    now = now or timezone.now()
    note = note.strip()
    with transaction.atomic():
        current = _lock(initiative, expected_version)
        current.assigned_broker = assignee
        _save(current, "assigned_broker", now=now)
        name = str(assignee.get_full_name() or assignee.get_username()) if assignee else ""
        entry = _entry(
            current,
            EntryKind.ASSIGNED,
            actor,
            now,
            internal_note=f"{name}: {note}" if note else name,
        )
        if assignee is not None and not taking:
            enqueue_in_transaction(
                tasks.notify_assignee, entry_id=entry.pk, assignee_id=assignee.pk
            )
    return current


def publish(
    initiative: Initiative,
    *,
    actor,
    public_title: str,
    public_summary: str,
    public_summary_nl: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Initiative:

    if not rules.can_manage(actor, initiative):
        raise PermissionDenied
    if not rules.can_publish(actor, initiative):
        raise WorkflowError(_("Een ingetrokken initiatief kan niet openbaar worden."))
    if not public_title.strip() or not public_summary.strip():
        raise WorkflowError(_("Vul een openbare titel en samenvatting in."))
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, expected_version)
        current.public_title = public_title.strip()
        current.public_summary = public_summary.strip()
        current.public_summary_nl = public_summary_nl.strip()
        fields = ["public_title", "public_summary", "public_summary_nl"]
        # The initiator hears of the first publication only, not of a new title later or
        # of going online again after a pause.
        first = not current.timeline.filter(kind=EntryKind.PUBLISHED).exists()
        if not current.is_published:
            current.is_published = True
            current.published_at = now
            fields += ["is_published", "published_at"]
        _save(current, *fields, now=now)
        _entry(current, EntryKind.PUBLISHED, actor, now)
        search_index.refresh([current.pk])
        if first:
            enqueue_in_transaction(tasks.notify_initiator_published, initiative_id=current.pk)
    return current


def unpublish(
    initiative: Initiative,
    *,
    actor,
    reason: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Initiative:
    if not rules.can_manage(actor, initiative):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, expected_version)
        if not current.is_published:
            return current
        current.is_published = False
        current.published_at = None
        _save(current, "is_published", "published_at", now=now)
        _entry(current, EntryKind.UNPUBLISHED, actor, now, internal_note=reason.strip())
        search_index.refresh([current.pk])
    return current


def send_message(
    initiative: Initiative, text: str, *, actor, now: datetime | None = None
) -> TimelineEntry:
    """A message to the initiator: on the tracking page and by e-mail."""
    if not rules.can_message_initiator(actor, initiative):
        raise PermissionDenied
    if not text.strip():
        raise WorkflowError(_("Schrijf een bericht."))
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, None)
        current.waiting_for_initiator_since = now
        fields = [
            "waiting_for_initiator_since",
            *_mark_first_response(current, now),
            *_answered(current),
        ]
        _save(current, *fields, now=now)
        entry = _entry(
            current, EntryKind.MESSAGE_TO_INITIATOR, actor, now, public_text=text.strip()
        )
        enqueue_in_transaction(tasks.notify_initiator, entry_id=entry.pk)
    return entry


def post_update(
    initiative: Initiative, text: str, *, actor, now: datetime | None = None
) -> TimelineEntry:
    """A public progress update: on the public page once published, and for the initiator."""
    if not rules.can_post_update(actor, initiative):
        raise PermissionDenied
    if not text.strip():
        raise WorkflowError(_("Schrijf een bericht."))
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, None)
        _save(current, *_mark_first_response(current, now), *_answered(current), now=now)
        entry = _entry(current, EntryKind.PUBLIC_UPDATE, actor, now, public_text=text.strip())
        search_index.refresh([current.pk])
        enqueue_in_transaction(tasks.notify_initiator, entry_id=entry.pk)
    return entry


def add_note(
    initiative: Initiative, text: str, *, actor, now: datetime | None = None
) -> TimelineEntry:
    if not rules.can_add_note(actor, initiative):
        raise PermissionDenied
    if not text.strip():
        raise WorkflowError(_("Schrijf een notitie."))
    with transaction.atomic():
        current = _lock(initiative, None)
        return _entry(
            current, EntryKind.NOTE, actor, now or timezone.now(), internal_note=text.strip()
        )


def link_partner(
    initiative: Initiative, partner: Partner, role: str, *, actor, now: datetime | None = None
) -> InitiativePartner:
    if not rules.can_link_partner(actor, initiative):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        # Locked, so two brokers linking the same partner at once make one link, not an error.
        current = _lock(initiative, None)
        link, _created = InitiativePartner.objects.update_or_create(
            initiative=current,
            partner=partner,
            defaults={"role": role.strip()},
            create_defaults={"role": role.strip(), "created_at": now},
        )
        _entry(
            current, EntryKind.PARTNER_LINKED, actor, now, internal_note=f"{partner.name}: {role}"
        )
    return link


def connect_help_offer(offer: HelpOffer, *, actor, now: datetime | None = None) -> HelpOffer:
    if not rules.can_connect_help(actor, offer.initiative):
        raise PermissionDenied
    if offer.is_connected:
        return offer
    now = now or timezone.now()
    with transaction.atomic():
        # Locked, so a double click connects the offer once and writes one entry.
        current = _lock(offer.initiative, None)
        if HelpOffer.objects.filter(pk=offer.pk, is_connected=True).exists():
            offer.refresh_from_db(fields=["is_connected", "connected_at"])
            return offer
        offer.is_connected = True
        offer.connected_at = now
        offer.save(update_fields=["is_connected", "connected_at"])
        if not current.help_offers.filter(is_connected=False).exists():
            current.help_waiting_since = None  # no offer waits any more
            _save(current, "help_waiting_since", now=now)
        _entry(current, EntryKind.HELP_CONNECTED, actor, now)
        enqueue_in_transaction(tasks.notify_helper_connected, offer_id=offer.pk)
    return offer


def record_contact_view(initiative: Initiative, *, actor, now: datetime | None = None) -> None:
    """Every look at an initiator's contact details is logged in the timeline.

    Not locked: it only appends a line and changes nothing a version or a rule depends on.
    """
    if not rules.can_view_contact_details(actor, initiative):
        raise PermissionDenied
    _entry(initiative, EntryKind.CONTACT_VIEWED, actor, now or timezone.now())
