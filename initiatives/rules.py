"""Who may do what, in which state: the one place every permission question is answered.

Views, templates (``{% can "manage" initiative as allowed %}``), the admin and the services ask
these functions; none of them repeats a check inline. Roles are Django groups created by a
migration; a user's roles and wijken are read once per request and kept on the user object.
"""

from collections.abc import Callable
from enum import StrEnum

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from initiatives.models import Initiative, InitiativeQuerySet
from initiatives.workflow import OPEN_STATUSES, Status

User = AbstractBaseUser | AnonymousUser


class Role(StrEnum):
    """Group names, as administrators see them in the admin."""

    BROKER = "Sociaal makelaars"
    COORDINATOR = "Coördinatoren"
    COUNCIL = "Raadsleden"
    ADMINISTRATOR = "Functioneel beheerders"


def _groups(user: User) -> frozenset[str]:
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_wijkaanpak_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._wijkaanpak_roles = cached
    return cached


def roles(user: User) -> frozenset[str]:
    """The user's roles; none until a user who needs a second factor has given it."""
    if awaits_second_factor(user):
        return frozenset()
    return _groups(user)


# --- The second factor (wijkaanpak.second_factor) ---------------------------------------


def second_factor_required(user: User) -> bool:
    """Staff and council members log in with a code from an app too.

    Council members may be exempted (SECOND_FACTOR_EXEMPT_COUNCIL) where the municipality's
    single sign-on asks for a second factor already.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    names = _groups(user) & set(Role)
    if settings.SECOND_FACTOR_EXEMPT_COUNCIL:
        names -= {Role.COUNCIL}
    return bool(user.is_staff or user.is_superuser or names)


def awaits_second_factor(user: User) -> bool:
    """Logged in with a password, not yet with the second factor: no rights at all.

    ``second_factor_verified`` is put on every ``request.user`` by the second-factor
    middleware. A user object without it was not made for a request (a command, a task, a
    service called from code) and acts for the system.
    """
    return not getattr(user, "second_factor_verified", True) and second_factor_required(user)


def neighbourhood_ids(user: User) -> frozenset[int]:
    """The wijken a broker works in."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_wijkaanpak_neighbourhood_ids", None)
    if cached is None:
        cached = frozenset(user.neighbourhoods.values_list("pk", flat=True))
        user._wijkaanpak_neighbourhood_ids = cached
    return cached


# --- Roles ------------------------------------------------------------------------------


def is_coordinator(user: User) -> bool:
    superuser = user.is_authenticated and user.is_active and user.is_superuser
    return bool(superuser and not awaits_second_factor(user)) or Role.COORDINATOR in roles(user)


def is_broker(user: User) -> bool:
    """A social broker or a coordinator (coordinators are brokers for every wijk)."""
    return Role.BROKER in roles(user) or is_coordinator(user)


def is_council_member(user: User) -> bool:
    return Role.COUNCIL in roles(user)


def has_staff_account(user: User) -> bool:
    """Municipal staff or a council member: any role, or access to the admin.

    Their sessions are short (wijkaanpak.accounts.session_limits).
    """
    if not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_staff or user.is_superuser or _groups(user) & set(Role))


def can_use_workspace(user: User) -> bool:
    return is_broker(user)


def can_see_all_figures(user: User) -> bool:
    """Figures over all initiatives (not only published ones); never titles or personal data."""
    return is_broker(user) or is_council_member(user)


def can_manage_partners(user: User) -> bool:
    return is_broker(user)


def can_manage_answer_templates(user: User) -> bool:
    """Create and change the answer templates (standaardteksten); brokers use them."""
    return is_coordinator(user)


def can_manage_criteria(user: User) -> bool:
    """Create and change the criteria decisions are weighed by; brokers score them."""
    return is_coordinator(user)


def can_change_site_settings(user: User) -> bool:
    """The municipality's name, logo, theme and contact details: functional administrators."""
    if awaits_second_factor(user):
        return False
    return bool(user.is_authenticated and user.is_active and user.is_superuser) or (
        Role.ADMINISTRATOR in roles(user)
    )


def can_handle_data_requests(user: User) -> bool:
    """Access and erasure requests that arrive by letter or e-mail (AVG): coordinators."""
    return is_coordinator(user)


def can_manage_budget_pots(user: User) -> bool:
    """Create budget pots and change their amounts: coordinators."""
    return is_coordinator(user)


def can_overdraw_budget_pot(user: User) -> bool:
    """Grant more than is left in a pot: coordinators."""
    return is_coordinator(user)


def neighbourhood_scope(user: User) -> frozenset[int] | None:
    """The wijken whose initiatives ``user`` manages; None means every wijk."""
    if is_coordinator(user):
        return None
    if Role.BROKER in roles(user):
        return neighbourhood_ids(user)
    return frozenset()


# --- Who does the work: the same answers as the role questions above, as queries ----------


def _is_coordinator() -> Q:
    return Q(is_superuser=True) | Q(groups__name=Role.COORDINATOR)


def coordinators() -> QuerySet:
    """Active coordinators (superusers count as coordinators, as in ``is_coordinator``)."""
    return get_user_model().objects.filter(_is_coordinator(), is_active=True).distinct()


def brokers(neighbourhood_id: int | None = None) -> QuerySet:
    """Active users who may be given work: brokers (of that wijk, if given) and coordinators."""
    broker = Q(groups__name=Role.BROKER)
    if neighbourhood_id is not None:
        broker &= Q(neighbourhoods=neighbourhood_id)
    return (
        get_user_model()
        .objects.filter(broker | _is_coordinator(), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def colleagues(user: User) -> QuerySet:
    """Who ``user`` may hand work to: brokers of their wijken, and coordinators."""
    scope = neighbourhood_scope(user)
    if scope is None:
        return brokers()
    broker = Q(groups__name=Role.BROKER, neighbourhoods__in=scope)
    return (
        get_user_model()
        .objects.filter(broker | _is_coordinator(), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def brokers_of(neighbourhood_id: int) -> QuerySet:
    """Active brokers who work in the wijk (coordinators not included)."""
    return (
        get_user_model()
        .objects.filter(groups__name=Role.BROKER, neighbourhoods=neighbourhood_id, is_active=True)
        .distinct()
    )


def managed_initiatives(user: User) -> InitiativeQuerySet:
    """The initiatives ``user`` manages: a broker's wijken, or every wijk for coordinators."""
    return Initiative.objects.within(neighbourhood_scope(user))


# --- One initiative ---------------------------------------------------------------------


def can_manage(user: User, initiative: Initiative) -> bool:
    """Broker of the initiative's wijk, or a coordinator."""
    scope = neighbourhood_scope(user)
    return scope is None or initiative.neighbourhood_id in scope


def can_see_private_title(user: User, initiative: Initiative) -> bool:
    """The resident's own title may hold names or addresses; others get the public title."""
    return can_manage(user, initiative)


def can_view_contact_details(user: User, initiative: Initiative) -> bool:
    return can_manage(user, initiative)


def can_change_status(user: User, initiative: Initiative, to: str | None = None) -> bool:
    if not can_manage(user, initiative):
        return False
    if to is None:
        return bool(initiative.allowed_transitions())
    return initiative.can_transition_to(to)


def can_take(user: User, initiative: Initiative) -> bool:
    """Assign the initiative to oneself."""
    return can_manage(user, initiative) and initiative.assigned_broker_id != user.pk


def can_assign(user: User, initiative: Initiative) -> bool:
    """Hand the initiative to a colleague of its wijk (on leave, a better match)."""
    return can_manage(user, initiative)


def can_be_assigned(user: User, initiative: Initiative) -> bool:
    """Who may be given the initiative: a broker of its wijk, or a coordinator."""
    return is_broker(user) and can_manage(user, initiative)


def can_enter_for_resident(user: User, neighbourhood) -> bool:
    """Type in an idea with a resident (phone, spreekuur): brokers of that wijk."""
    scope = neighbourhood_scope(user)
    return is_broker(user) and (scope is None or neighbourhood.pk in scope)


def can_record_voice(user: User, neighbourhood) -> bool:
    """Write down what residents said in a wijk (voices): its brokers and coordinators."""
    return can_enter_for_resident(user, neighbourhood)


def can_link_voice(user: User, voice, initiative: Initiative) -> bool:
    """An initiative grew from a voice of its own wijk."""
    return voice.neighbourhood_id == initiative.neighbourhood_id and can_manage(user, initiative)


def can_set_follow_up(user: User, initiative: Initiative) -> bool:
    return can_manage(user, initiative)


def can_handle_attention(user: User, initiative: Initiative) -> bool:
    """Say a reply or help offer needs nothing more ("Gezien")."""
    return can_manage(user, initiative) and bool(
        initiative.initiator_replied_at or initiative.help_waiting_since
    )


def can_print_letter(user: User, initiative: Initiative) -> bool:
    """Give the resident a (new) private link on paper: brokers of the wijk."""
    return can_manage(user, initiative)


def can_publish(user: User, initiative: Initiative) -> bool:
    # A withdrawn initiative stays private: the resident took it back. A merged one is
    # public through the initiative it joined (undoing the merge puts it back online).
    return can_manage(user, initiative) and initiative.status not in {
        Status.WITHDRAWN,
        Status.MERGED,
    }


def can_unpublish(user: User, initiative: Initiative) -> bool:
    return can_manage(user, initiative) and initiative.is_published


def can_grant_money(user: User, initiative: Initiative) -> bool:
    return can_manage(user, initiative) and initiative.status in {
        Status.INTAKE,
        Status.PREPARING,
        Status.IN_PROGRESS,
        Status.COMPLETED,
    }


def can_draw_from(initiative: Initiative, pot) -> bool:
    """Money for an initiative comes from a budget pot of its own wijk."""
    return pot.neighbourhood_id == initiative.neighbourhood_id


def can_message_initiator(user: User, initiative: Initiative) -> bool:
    return can_manage(user, initiative)


def can_add_note(user: User, initiative: Initiative) -> bool:
    return can_manage(user, initiative)


def can_post_update(user: User, initiative: Initiative) -> bool:
    return can_manage(user, initiative)


def can_link_partner(user: User, initiative: Initiative) -> bool:
    return can_manage(user, initiative)


def can_connect_help(user: User, initiative: Initiative) -> bool:
    return can_manage(user, initiative)


def can_record_contribution(user: User, initiative: Initiative) -> bool:
    """A partner's co-funding, in money or in kind."""
    return can_manage(user, initiative)


def can_record_result(user: User, initiative: Initiative) -> bool:
    """What a completed initiative achieved (results app): its brokers, once it is completed."""
    return can_manage(user, initiative) and initiative.status == Status.COMPLETED


def can_merge(user: User, duplicate: Initiative, into: Initiative | None = None) -> bool:
    """Merge ``duplicate`` into a similar initiative (duplicates app): the managers of both.

    Without ``into``: whether this duplicate may be merged at all (open, no merge into it).
    Only initiatives of one wijk are merged; a merged initiative takes no other one in.
    """
    if not can_manage(user, duplicate) or not duplicate.can_transition_to(Status.MERGED):
        return False
    if into is None:
        return True
    return (
        into.pk != duplicate.pk
        and into.neighbourhood_id == duplicate.neighbourhood_id
        and into.status != Status.MERGED
        and can_manage(user, into)
    )


def can_add_attachment(user: User, initiative: Initiative) -> bool:
    """Photos and PDFs on an initiative (attachments app): its brokers."""
    return can_manage(user, initiative)


def can_manage_attachments(user: User, initiative: Initiative) -> bool:
    """Publish, unpublish (with the description) and delete attachments: its brokers."""
    return can_manage(user, initiative)


def can_see_attachment(
    user: User, attachment, initiative: Initiative, *, tracked_id: int | None = None
) -> bool:
    """A published attachment of a published initiative: everyone. Otherwise the
    initiative's brokers and coordinators, and the initiator (``tracked_id``: the
    initiative their private link opened in this browser) for the files they added.
    Council members see no files that are not public.
    """
    if attachment.published_at is not None and initiative.is_published:
        return True
    if can_manage(user, initiative):
        return True
    return tracked_id == initiative.pk and attachment.added_by == "initiator"


# --- The initiator (holder of the private link) and the public --------------------------


def initiator_can_reply(initiative: Initiative) -> bool:
    return initiative.status != Status.WITHDRAWN


def initiator_can_withdraw(initiative: Initiative) -> bool:
    return initiative.can_transition_to(Status.WITHDRAWN)


def initiator_can_add_photos(initiative: Initiative) -> bool:
    """Photos from the tracking page (attachments app), while the initiative is open."""
    return initiative.status in OPEN_STATUSES


def initiator_can_answer_feedback(initiative: Initiative, *, asked: bool) -> bool:
    """The two questions after closing (feedback app): once asked, while the initiative is
    closed, until the initiator's data is anonymised."""
    if not (asked and initiative.is_closed):
        return False
    initiator = getattr(initiative, "initiator", None)
    return initiator is not None and initiator.anonymised_at is None


def public_can_support(initiative: Initiative) -> bool:
    return initiative.is_published and initiative.status in OPEN_STATUSES


def public_can_offer_help(initiative: Initiative) -> bool:
    return initiative.is_published and initiative.status in OPEN_STATUSES


# Names for templates: {% can "manage" initiative as allowed %}.
PERMISSIONS: dict[str, Callable[..., bool]] = {
    "manage": can_manage,
    "see_private_title": can_see_private_title,
    "view_contact_details": can_view_contact_details,
    "change_status": can_change_status,
    "take": can_take,
    "assign": can_assign,
    "publish": can_publish,
    "unpublish": can_unpublish,
    "grant_money": can_grant_money,
    "message_initiator": can_message_initiator,
    "add_note": can_add_note,
    "post_update": can_post_update,
    "link_partner": can_link_partner,
    "connect_help": can_connect_help,
    "record_contribution": can_record_contribution,
    "set_follow_up": can_set_follow_up,
    "handle_attention": can_handle_attention,
    "print_letter": can_print_letter,
    "record_result": can_record_result,
    "merge": can_merge,
    "add_attachment": can_add_attachment,
    "manage_attachments": can_manage_attachments,
}
