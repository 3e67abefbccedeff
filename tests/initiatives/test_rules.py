"""The permission matrix: role x status x own/other wijk, for every question rules.py answers."""

import pytest
from django.contrib.auth.models import AnonymousUser

from initiatives import rules
from initiatives.models import Status
from initiatives.workflow import OPEN_STATUSES
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "broker_own", "broker_other", "coordinator", "council", "admin", "superuser"]
MANAGERS = {"broker_own", "coordinator", "superuser"}
EVERY_STATUS = set(Status.values)
GRANT_STATUSES = {Status.INTAKE, Status.PREPARING, Status.IN_PROGRESS, Status.COMPLETED}

# permission -> (roles that may, statuses in which they may)
EXPECTED = {
    "manage": (MANAGERS, EVERY_STATUS),
    "see_private_title": (MANAGERS, EVERY_STATUS),
    "view_contact_details": (MANAGERS, EVERY_STATUS),
    "change_status": (MANAGERS, EVERY_STATUS),
    "take": (MANAGERS, EVERY_STATUS),
    # Handing over to a colleague of the wijk (issue 12): any broker of the wijk.
    "assign": (MANAGERS, EVERY_STATUS),
    "publish": (MANAGERS, EVERY_STATUS - {Status.WITHDRAWN, Status.MERGED}),
    # The matrix's initiatives are not published, so there is nothing to take back; the
    # published case is tested below.
    "unpublish": (MANAGERS, set()),
    "grant_money": (MANAGERS, GRANT_STATUSES),
    "message_initiator": (MANAGERS, EVERY_STATUS),
    "add_note": (MANAGERS, EVERY_STATUS),
    "post_update": (MANAGERS, EVERY_STATUS),
    "link_partner": (MANAGERS, EVERY_STATUS),
    "connect_help": (MANAGERS, EVERY_STATUS),
    "record_contribution": (MANAGERS, EVERY_STATUS),
    "set_follow_up": (MANAGERS, EVERY_STATUS),
    "print_letter": (MANAGERS, EVERY_STATUS),
    "record_result": (MANAGERS, {Status.COMPLETED}),
    # Photos and documents (attachments); who sees a file: tests/attachments/test_file_view.py.
    "add_attachment": (MANAGERS, EVERY_STATUS),
    "manage_attachments": (MANAGERS, EVERY_STATUS),
    # Nothing waits in the matrix's initiatives; tests/initiatives/workspace/test_attention.py.
    "handle_attention": (set(), EVERY_STATUS),
    # Merging a duplicate into a look-alike (duplicates): open ones; tests/duplicates too.
    "merge": (MANAGERS, OPEN_STATUSES),
}


@pytest.fixture
def cast(broker_a, broker_b, coordinator, council_member, administrator, superuser):
    return {
        "anonymous": AnonymousUser(),
        "broker_own": broker_a,
        "broker_other": broker_b,
        "coordinator": coordinator,
        "council": council_member,
        "admin": administrator,
        "superuser": superuser,
    }


def test_every_permission_in_rules_is_in_this_matrix():
    assert set(rules.PERMISSIONS) == set(EXPECTED)


@pytest.mark.parametrize("status", Status.values)
@pytest.mark.parametrize("permission", sorted(EXPECTED))
def test_permission_matrix(cast, wijk_a, permission, status):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=status)
    allowed_roles, allowed_statuses = EXPECTED[permission]
    answers = {role: rules.PERMISSIONS[permission](cast[role], initiative) for role in ROLES}
    expected = {role: role in allowed_roles and status in allowed_statuses for role in ROLES}
    assert answers == expected


def test_a_broker_cannot_take_what_is_already_theirs(broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, assigned_broker=broker_a)
    assert not rules.can_take(broker_a, initiative)


@pytest.mark.parametrize(
    ("role", "workspace", "all_figures", "partners", "criteria"),
    [
        ("anonymous", False, False, False, False),
        ("broker_own", True, True, True, False),
        ("broker_other", True, True, True, False),
        ("coordinator", True, True, True, True),
        ("council", False, True, False, False),
        ("admin", False, False, False, False),
        ("superuser", True, True, True, True),
    ],
)
def test_role_level_permissions(cast, role, workspace, all_figures, partners, criteria):
    user = cast[role]
    assert rules.can_use_workspace(user) is workspace
    assert rules.can_see_all_figures(user) is all_figures
    assert rules.can_manage_partners(user) is partners
    # The assessment criteria (assessments): coordinators keep them, brokers score them.
    assert rules.can_manage_criteria(user) is criteria


def test_an_inactive_broker_has_no_rights(broker_a, wijk_a):
    broker_a.is_active = False
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    assert not rules.can_manage(broker_a, initiative)


@pytest.mark.parametrize(
    ("status", "published", "support", "reply", "withdraw"),
    [
        (Status.SUBMITTED, False, False, True, True),
        (Status.INTAKE, True, True, True, True),
        (Status.IN_PROGRESS, True, True, True, True),
        (Status.COMPLETED, True, False, True, False),
        (Status.DECLINED, False, False, True, False),
        (Status.WITHDRAWN, False, False, False, False),
    ],
)
def test_initiator_and_public_rules(wijk_a, status, published, support, reply, withdraw):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=status, published=published)
    assert rules.public_can_support(initiative) is support
    assert rules.public_can_offer_help(initiative) is support
    assert rules.initiator_can_reply(initiative) is reply
    assert rules.initiator_can_withdraw(initiative) is withdraw


def test_roles_are_read_once_per_user_object(broker_a, wijk_a, django_assert_num_queries):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    rules.can_manage(broker_a, initiative)
    with django_assert_num_queries(0):
        for _ in range(5):
            rules.can_manage(broker_a, initiative)
            rules.can_publish(broker_a, initiative)


@pytest.mark.parametrize("status", Status.values)
def test_managers_may_unpublish_a_published_initiative_in_any_status(cast, wijk_a, status):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=status, published=True)
    answers = {role: rules.can_unpublish(cast[role], initiative) for role in ROLES}
    assert answers == {role: role in MANAGERS for role in ROLES}


# --- Who does the work, as queries: the same answers as the role questions ---------------


def test_the_people_who_may_be_given_work_include_superusers(
    broker_a, broker_b, coordinator, council_member, administrator, superuser, wijk_a
):
    assert set(rules.brokers()) == {broker_a, broker_b, coordinator, superuser}
    assert set(rules.brokers(wijk_a.pk)) == {broker_a, coordinator, superuser}
    assert set(rules.coordinators()) == {coordinator, superuser}
    for user in rules.brokers():
        assert rules.is_broker(user)
    for user in rules.coordinators():
        assert rules.is_coordinator(user)


def test_inactive_users_are_given_no_work(broker_a, superuser, wijk_a):
    superuser.is_active = broker_a.is_active = False
    superuser.save(update_fields=["is_active"])
    broker_a.save(update_fields=["is_active"])
    assert not rules.brokers(wijk_a.pk).exists()
    assert not rules.coordinators().exists()
