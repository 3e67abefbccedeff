"""Every URL of the site, requested by every role, against an explicit table.

The URL list comes from the URL configuration itself, so a new URL without a row in
EXPECTED fails here until someone decides who may see it. The admin (/beheer/) has its own
tests (tests/initiatives/admin/).
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from assessments.models import Criterion
from attachments.files import prepare
from attachments.models import Attachment
from attachments.services import add_attachments
from initiatives.models import Initiative, Status, TimelineEntry
from results.models import Result
from tests.attachments.samples import image_bytes, upload
from tests.factories import (
    AnswerTemplateFactory,
    BudgetPotFactory,
    HelpOfferFactory,
    InitiativeFactory,
    InitiatorFactory,
    PartnerFactory,
)
from tests.second_factor import app_device, verify_session
from tests.wijkaanpak.test_face import PNG as LOGO_PNG
from voices.models import Voice
from wijkaanpak.models import SiteSettings

ROLES = [
    "anonymous",
    "resident",
    "broker",
    "other_broker",
    "coordinator",
    "council",
    "admin",
    "unverified",  # the broker of wijk A, logged in with the password only
]

# GET status per role, in the order of ROLES. 302 means "sent to the log-in page" for the
# workspace (the unverified broker: to the second step); for the tracking link it is the
# exchange of the token for a session.
PUBLIC = (200,) * 8
WORKSPACE = (302, 302, 200, 403, 200, 403, 403, 302)
POST_ONLY_WORKSPACE = (405,) * 8  # the method is checked first; rights on POST below
# The second step: for a logged-in user who still has to give it; others are sent on.
SECOND_STEP = (302, 302, 302, 302, 302, 302, 302, 200)
EXPECTED: dict[str, tuple[int, ...]] = {
    "home": PUBLIC,
    "accessibility": PUBLIC,
    "privacy": PUBLIC,
    "set_language": (302,) * 8,  # without POST data it just goes back
    "login": PUBLIC,
    "logout": (405,) * 8,
    "site_image": PUBLIC,  # the municipality's logo (wijkaanpak.face)
    "security_txt": (404,) * 8,  # until SECURITY_TXT_CONTACT and _EXPIRES are set
    "password_change": (302, 302, 200, 200, 200, 200, 200, 302),
    "password_change_done": (302, 302, 200, 200, 200, 200, 200, 302),
    "second_factor": SECOND_STEP,
    "second_factor_recover": SECOND_STEP,
    # For staff without an app (here all but broker A); with one, on to the codes or the step.
    "second_factor_setup": (302, 302, 302, 200, 200, 200, 200, 302),
    "second_factor_codes": (302, 302, 200, 200, 200, 200, 200, 302),
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,  # an unknown link says so; it is no secret
    "password_reset_complete": PUBLIC,
    "initiatives:submit": PUBLIC,
    "initiatives:submitted": (302,) * 8,  # nothing was just submitted: back to the form
    "initiatives:track": (302,) * 8,
    "initiatives:track_page": (404, 200, 404, 404, 404, 404, 404, 404),
    "initiatives:track_reply": (405,) * 8,
    "initiatives:track_withdraw": (404, 200, 404, 404, 404, 404, 404, 404),
    "initiatives:list": PUBLIC,
    "initiatives:detail": PUBLIC,
    "initiatives:support": (405,) * 8,
    "initiatives:track_data": (404, 200, 404, 404, 404, 404, 404, 404),
    "initiatives:track_data_json": (404, 200, 404, 404, 404, 404, 404, 404),
    "initiatives:track_erase": (404, 200, 404, 404, 404, 404, 404, 404),
    "initiatives:data_requests": (302, 302, 403, 403, 200, 403, 403, 302),
    "initiatives:data_export_initiator": POST_ONLY_WORKSPACE,
    "initiatives:data_erase_initiator": POST_ONLY_WORKSPACE,
    "initiatives:data_export_help_offer": POST_ONLY_WORKSPACE,
    "initiatives:data_erase_help_offer": POST_ONLY_WORKSPACE,
    "initiatives:offer_help": PUBLIC,
    # Following a wijk by e-mail: anyone; the links carry their own token (here another
    # kind of token: an unknown link confirms nothing, and stopping says it has stopped).
    "subscriptions:follow": PUBLIC,
    "subscriptions:confirm": (404,) * 8,
    "subscriptions:unsubscribe": PUBLIC,
    # The stop link in mail to initiators and helpers: here given the tracking token, which
    # is no stop token; an unknown link says so (a 404 page), for everyone alike.
    "initiatives:stop_resident_mail": (404,) * 8,
    "initiatives:verify_support": PUBLIC,
    "initiatives:confirm_support": PUBLIC,  # a button; only its POST counts
    "initiatives:workspace": (302, 302, 200, 200, 200, 403, 403, 302),
    "initiatives:workspace_detail": WORKSPACE,
    # Intake for a resident: any broker (for their own wijken); the letter like the page.
    "initiatives:workspace_intake": (302, 302, 200, 200, 200, 403, 403, 302),
    "initiatives:workspace_letter": WORKSPACE,
    "initiatives:workspace_new_link": POST_ONLY_WORKSPACE,
    "initiatives:workspace_bulk": POST_ONLY_WORKSPACE,
    "initiatives:workspace_follow_up": POST_ONLY_WORKSPACE,
    "initiatives:workspace_seen": POST_ONLY_WORKSPACE,
    "initiatives:workspace_contact": POST_ONLY_WORKSPACE,
    "initiatives:workspace_status": POST_ONLY_WORKSPACE,
    "initiatives:workspace_assign": POST_ONLY_WORKSPACE,
    "initiatives:workspace_publish": POST_ONLY_WORKSPACE,
    "initiatives:workspace_unpublish": POST_ONLY_WORKSPACE,
    "initiatives:workspace_amount": POST_ONLY_WORKSPACE,
    "initiatives:workspace_message": POST_ONLY_WORKSPACE,
    "initiatives:workspace_note": POST_ONLY_WORKSPACE,
    "initiatives:workspace_update": POST_ONLY_WORKSPACE,
    "initiatives:workspace_partner": POST_ONLY_WORKSPACE,
    "initiatives:workspace_contribution": POST_ONLY_WORKSPACE,
    "initiatives:workspace_connect_help": POST_ONLY_WORKSPACE,
    "initiatives:partners": (302, 302, 200, 200, 200, 403, 403, 302),
    "initiatives:partner_create": (302, 302, 200, 200, 200, 403, 403, 302),
    "initiatives:partner_edit": (302, 302, 200, 200, 200, 403, 403, 302),
    # Answer templates: brokers see them, coordinators keep them.
    "answers:list": (302, 302, 200, 200, 200, 403, 403, 302),
    "answers:create": (302, 302, 403, 403, 200, 403, 403, 302),
    "answers:edit": (302, 302, 403, 403, 200, 403, 403, 302),
    # What residents say (voices): the wijk's brokers write it down; aggregates are public.
    "voices:list": (302, 302, 200, 200, 200, 403, 403, 302),
    "voices:create": (302, 302, 200, 200, 200, 403, 403, 302),
    "voices:bulk": (302, 302, 200, 200, 200, 403, 403, 302),
    "voices:intake": (302, 302, 200, 404, 200, 403, 403, 302),
    "voices:open_data_csv": PUBLIC,
    "voices:link": POST_ONLY_WORKSPACE,
    # Assessment criteria: brokers see them, coordinators keep them.
    "assessments:list": (302, 302, 200, 200, 200, 403, 403, 302),
    "assessments:create": (302, 302, 403, 403, 200, 403, 403, 302),
    "assessments:edit": (302, 302, 403, 403, 200, 403, 403, 302),
    # What a completed initiative achieved: a form on the initiative's page posts here.
    "results:record": POST_ONLY_WORKSPACE,
    # Merging a duplicate into a look-alike (duplicates): the page that says what happens.
    "duplicates:merge": WORKSPACE,
    # Attachments: an unpublished photo of the initiator is theirs (through the tracking
    # session) and the brokers'; for anyone else it does not exist.
    "attachments:file": (404, 200, 200, 404, 200, 404, 404, 404),
    "attachments:thumbnail": (404, 200, 200, 404, 200, 404, 404, 404),
    "attachments:track_add": (405,) * 8,
    "attachments:add": POST_ONLY_WORKSPACE,
    "attachments:publish": POST_ONLY_WORKSPACE,
    "attachments:unpublish": POST_ONLY_WORKSPACE,
    "attachments:delete": POST_ONLY_WORKSPACE,
    # The questions afterwards (feedback): the tracking page's form posts here.
    "feedback:answer": (405,) * 8,
    # Budget pots (budgets): brokers see their wijken's pots, coordinators keep them.
    "budgets:list": (302, 302, 200, 200, 200, 403, 403, 302),
    "budgets:create": (302, 302, 403, 403, 200, 403, 403, 302),
    "budgets:edit": (302, 302, 403, 403, 200, 403, 403, 302),
    "initiatives:neighbourhoods": PUBLIC,
    "initiatives:neighbourhood": PUBLIC,
    "initiatives:neighbourhood_feed": PUBLIC,
    "initiatives:neighbourhood_csv": PUBLIC,
    "initiatives:neighbourhood_json": PUBLIC,
    "initiatives:open_data_csv": PUBLIC,
    "initiatives:open_data_json": PUBLIC,
    "initiatives:open_data_neighbourhoods_csv": PUBLIC,
}


def site_urls(patterns=None, namespace: str | None = None):
    """(name, pattern) for every named URL outside the admin."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            yield from site_urls(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern


def test_every_url_has_a_row_in_the_table():
    names = {name for name, _ in site_urls()}
    assert names - set(EXPECTED) == set(), "add these URLs to EXPECTED"
    assert set(EXPECTED) - names == set(), "these URLs no longer exist"


@pytest.fixture
def world(wijk_a, wijk_b, broker_a, broker_b, coordinator, council_member, administrator, media):
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, status=Status.INTAKE, published=True, with_token=True
    )
    InitiatorFactory(initiative=initiative)
    [photo] = add_attachments(initiative, [prepare(upload(image_bytes()))])
    offer = HelpOfferFactory(initiative=initiative)
    partner = PartnerFactory()
    answer = AnswerTemplateFactory()
    clients = {role: Client() for role in ROLES}
    for role, user in {
        "broker": broker_a,
        "other_broker": broker_b,
        "coordinator": coordinator,
        "council": council_member,
        "admin": administrator,
    }.items():
        clients[role].force_login(user)
        verify_session(clients[role], user)
    app_device(broker_a)
    SiteSettings.objects.create(pk=1, logo=LOGO_PNG, logo_type="image/png", logo_alt="Logo")
    clients["unverified"].force_login(broker_a)
    clients["resident"].get(reverse("initiatives:track", kwargs={"token": initiative.token}))
    kwargs = {
        "pk": initiative.pk,
        "offer_pk": offer.pk,
        "partner_pk": partner.pk,
        "template_pk": answer.pk,
        "criterion_pk": Criterion.objects.first().pk,
        "slug": wijk_a.slug,
        "uidb64": "MQ",
        "name": "logo",
        "token": initiative.token,
        "key": photo.key,
        "attachment_pk": photo.pk,
        "pot_pk": BudgetPotFactory(neighbourhood=wijk_a).pk,
        "voice_pk": Voice.objects.create(
            neighbourhood=wijk_a, channel="street", summary="Oversteken bij school is gevaarlijk."
        ).pk,
        "into": InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE).pk,
    }
    return initiative, clients, kwargs


def url_for(name: str, pattern: URLPattern, kwargs: dict) -> str:
    wanted = {key: kwargs[key] for key in pattern.pattern.converters}
    if name == "password_reset_confirm":
        wanted["token"] = "set-password"
    return reverse(name, kwargs=wanted)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "pattern"), list(site_urls()), ids=lambda v: str(v))
def test_every_url_answers_every_role_as_the_table_says(world, name, pattern):
    _, clients, kwargs = world
    url = url_for(name, pattern, kwargs)
    statuses = tuple(clients[role].get(url).status_code for role in ROLES)
    assert dict(zip(ROLES, statuses, strict=True)) == dict(
        zip(ROLES, EXPECTED[name], strict=True)
    ), url


WORKSPACE_POSTS = [
    name
    for name, statuses in EXPECTED.items()
    if statuses == POST_ONLY_WORKSPACE
    and name.startswith(("initiatives:workspace_", "results:", "attachments:"))
    and name != "attachments:track_add"
] + ["duplicates:merge"]


def snapshot(initiative: Initiative) -> tuple:
    initiative.refresh_from_db()
    return (
        initiative.version,
        initiative.status,
        initiative.is_published,
        initiative.assigned_broker_id,
        TimelineEntry.objects.filter(initiative=initiative).count(),
        Result.objects.filter(initiative=initiative).exists(),
        list(
            Attachment.objects.filter(initiative=initiative).values_list(
                "pk", "published_at", "alt_text"
            )
        ),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", WORKSPACE_POSTS)
@pytest.mark.parametrize(
    "role", ["anonymous", "resident", "other_broker", "council", "admin", "unverified"]
)
def test_a_refused_post_changes_nothing(world, name, role):
    initiative, clients, kwargs = world
    pattern = dict(site_urls())[name]
    before = snapshot(initiative)
    data = {
        "to": Status.PREPARING,
        "public_text": "Tekst",
        "text": "Tekst",
        "version": initiative.version,
        "assignee": "",
        "public_title": "Titel",
        "public_summary": "Samenvatting",
        "amount_granted": "100",
        "partner": PartnerFactory(name="Andere partner").pk,
        "role": "Helpt",
        "contribution-partner": PartnerFactory(name="Bijdragende partner").pk,
        "contribution-kind": "money",
        "contribution-value": "100",
        "result-residents_reached": "10",
        "result-volunteers": "2",
        "result-partners_involved": "1",
        "ids": [initiative.pk],
        "action": "status",
        "merge-public_text": "Samengevoegd",
        "merge-version": initiative.version,
        "attachment-files": upload(image_bytes()),
        f"alt-{kwargs['attachment_pk']}-alt_text": "Het grasveld",
    }
    response = clients[role].post(url_for(name, pattern, kwargs), data)
    allowed = {302, 403, 404}
    if name == "initiatives:workspace_bulk" and role == "other_broker":
        # The bulk page is theirs too; an initiative of another wijk is left out, as
        # tests/initiatives/workspace/test_bulk.py checks. The snapshot says nothing changed.
        allowed.add(200)
    assert response.status_code in allowed
    if response.status_code == 302:
        assert response["Location"].startswith(("/account/login/", "/account/tweede-stap/"))
    assert snapshot(initiative) == before
