import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from initiatives import privacy, services
from initiatives.models import EntryKind, HelpOffer, Initiative, Initiator, Status, Support
from tests.factories import (
    HelpOfferFactory,
    InitiativeFactory,
    InitiatorFactory,
    NeighbourhoodFactory,
    PartnerFactory,
    TimelineEntryFactory,
    UserFactory,
    broker_of,
    priority,
)

pytestmark = pytest.mark.django_db


def submit(wijk, **overrides):
    values = {
        "title": "Huiswerkklas in het buurthuis",
        "description": "Kinderen kunnen na school hulp krijgen bij hun huiswerk.",
        "neighbourhood": wijk,
        "priorities": [priority("kinderen")],
        "needs": ["volunteers", "place"],
        "amount_requested": Decimal("250.00"),
        "name": "Fatima de Vries",
        "email": "fatima@bewoner.example",
    }
    return services.submit_initiative(**(values | overrides))


def test_submitting_stores_the_hash_of_the_token_never_the_token(wijk_a):
    initiative, token = submit(wijk_a)
    assert len(token) == 64
    assert token not in {initiative.tracking_token_hash, initiative.tracking_nonce}
    assert Initiative.objects.for_tracking_token(token).get() == initiative
    assert not Initiative.objects.for_tracking_token(token[:-1] + "x").exists()
    assert Initiator.objects.get(initiative=initiative).name == "Fatima de Vries"
    assert list(initiative.priorities.values_list("slug", flat=True)) == ["kinderen"]


def test_submitting_sets_the_first_response_due_date_in_working_days(wijk_a, settings):
    settings.FIRST_RESPONSE_WORKING_DAYS = 5
    thursday_before_koningsdag = dt.datetime(2026, 4, 23, 9, 0, tzinfo=dt.UTC)
    initiative, _ = submit(wijk_a, now=thursday_before_koningsdag)
    assert initiative.first_response_due == dt.date(2026, 5, 1)


def test_a_repeated_submission_key_creates_one_initiative(wijk_a):
    key = uuid.uuid4()
    first, token = submit(wijk_a, submission_key=key)
    second, second_token = submit(wijk_a, submission_key=key)
    assert first.pk == second.pk
    assert token and second_token == ""
    assert Initiative.objects.count() == 1


def test_submitting_mails_the_initiator_and_the_brokers_of_the_wijk(
    wijk_a, broker_a, broker_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        initiative, token = submit(wijk_a)
    recipients = sorted(tuple(message.to) for message in mail.outbox)
    assert recipients == [("broker_a@gemeente.example",), ("fatima@bewoner.example",)]
    to_initiator = next(m for m in mail.outbox if m.to == ["fatima@bewoner.example"])
    assert token in to_initiator.body
    assert token in to_initiator.alternatives[0].content
    to_brokers = next(m for m in mail.outbox if m.to == ["broker_a@gemeente.example"])
    assert "Fatima" not in to_brokers.body
    assert "fatima@bewoner.example" not in to_brokers.body
    kinds = list(initiative.timeline.values_list("kind", flat=True))
    assert kinds == [EntryKind.EMAIL_SENT, EntryKind.EMAIL_SENT]


def test_the_confirmation_is_in_the_language_the_resident_used(
    wijk_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(wijk_a, language="en")
    assert mail.outbox[0].subject == "We have received your idea"


def test_links_a_resident_typed_are_never_clickable_in_email(
    wijk_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(wijk_a, title="Kijk op www.evil.example.com/login of https://phish.nl")
    message = mail.outbox[0]
    html = message.alternatives[0].content
    for part in (message.body, html):
        assert "www.evil.example.com" not in part
        assert "https://phish.nl" not in part
    assert 'href="https://phish' not in html


def test_the_initiator_can_reply_and_the_brokers_are_told(
    wijk_a, broker_a, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, waiting_for_initiator_since=dt.datetime(2026, 3, 3, tzinfo=dt.UTC)
    )
    InitiatorFactory(initiative=initiative)
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.reply_as_initiator(initiative, "Dinsdag kan ik.")
    assert entry.kind == EntryKind.MESSAGE_FROM_INITIATOR
    initiative.refresh_from_db()
    assert initiative.waiting_for_initiator_since is None
    assert [m.to for m in mail.outbox] == [["broker_a@gemeente.example"]]
    assert "Dinsdag kan ik." not in mail.outbox[0].body


def test_the_initiator_can_withdraw_an_open_initiative(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    InitiatorFactory(initiative=initiative)
    services.withdraw_as_initiator(initiative)
    initiative.refresh_from_db()
    assert initiative.status == Status.WITHDRAWN
    entry = initiative.timeline.get()
    assert entry.actor is None
    assert initiative.first_response_at is None


def test_a_closed_initiative_cannot_be_withdrawn(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.COMPLETED)
    with pytest.raises(services.InvalidTransition):
        services.withdraw_as_initiator(initiative)


def test_support_counts_once_per_browser(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE, published=True)
    assert services.add_support(initiative, "a" * 64) is True
    assert services.add_support(initiative, "a" * 64) is False
    assert services.add_support(initiative, "b" * 64) is True
    initiative.refresh_from_db()
    assert initiative.support_count == 2 == Support.objects.count()


def test_an_unpublished_initiative_cannot_be_supported(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    with pytest.raises(services.WorkflowError):
        services.add_support(initiative, "a" * 64)


def test_offering_help_notifies_the_brokers_without_contact_details(
    wijk_a, broker_a, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE, published=True)
    with django_capture_on_commit_callbacks(execute=True):
        offer = services.offer_help(
            initiative, name="Jan Bakker", email="jan@helper.example", offer_kinds=["time"]
        )
    initiative.refresh_from_db()
    assert initiative.help_offer_count == 1
    assert offer.consent_at is not None
    assert [m.to for m in mail.outbox] == [["broker_a@gemeente.example"]]
    assert "jan@helper.example" not in mail.outbox[0].body


def test_publishing_needs_a_checked_public_title_and_summary(broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    with pytest.raises(services.WorkflowError):
        services.publish(initiative, actor=broker_a, public_title="", public_summary="")
    services.publish(
        initiative, actor=broker_a, public_title="Speeltuin", public_summary="Samen opknappen."
    )
    initiative.refresh_from_db()
    assert initiative.is_published and initiative.published_at is not None
    services.unpublish(initiative, actor=broker_a, reason="Naam in de tekst")
    initiative.refresh_from_db()
    assert not initiative.is_published and initiative.published_at is None
    kinds = list(initiative.timeline.values_list("kind", flat=True))
    assert kinds == [EntryKind.PUBLISHED, EntryKind.UNPUBLISHED]


def test_a_withdrawn_initiative_cannot_be_published(broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.WITHDRAWN)
    with pytest.raises(services.WorkflowError):
        services.publish(initiative, actor=broker_a, public_title="T", public_summary="S")


def test_a_broker_takes_an_initiative_and_a_coordinator_assigns_one(broker_a, coordinator, wijk_a):
    colleague = broker_of(wijk_a, username="colleague")
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    services.assign(initiative, broker_a, actor=broker_a)
    initiative.refresh_from_db()
    assert initiative.assigned_broker == broker_a
    # A broker hands it to a colleague of the wijk; one of another wijk may not take it.
    services.assign(initiative, colleague, actor=broker_a, note="Met verlof")
    initiative.refresh_from_db()
    assert initiative.assigned_broker == colleague
    elsewhere = broker_of(NeighbourhoodFactory(), username="elders")
    with pytest.raises(services.WorkflowError):
        services.assign(initiative, elsewhere, actor=coordinator)
    with pytest.raises(PermissionDenied):
        services.assign(initiative, colleague, actor=elsewhere)
    services.assign(initiative, broker_a, actor=coordinator)
    initiative.refresh_from_db()
    assert initiative.assigned_broker == broker_a


def test_only_brokers_can_be_assigned(coordinator, council_member, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    with pytest.raises(services.WorkflowError):
        services.assign(initiative, council_member, actor=coordinator)


def test_a_message_is_a_first_response_and_waits_for_a_reply(
    broker_a, wijk_a, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    InitiatorFactory(initiative=initiative)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_message(initiative, "Wanneer kunnen we bellen?", actor=broker_a)
    initiative.refresh_from_db()
    assert initiative.first_response_at is not None
    assert initiative.waiting_for_initiator_since is not None
    assert mail.outbox[0].to == ["fatima@bewoner.example"]
    assert "Wanneer kunnen we bellen?" in mail.outbox[0].body


def test_an_internal_note_is_not_a_first_response_and_sends_nothing(broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    entry = services.add_note(initiative, "Bellen na de vakantie", actor=broker_a)
    initiative.refresh_from_db()
    assert entry.is_internal
    assert initiative.first_response_at is None
    assert mail.outbox == []


def test_linking_a_partner_twice_updates_its_role(broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    partner = PartnerFactory()
    services.link_partner(initiative, partner, "Ruimte", actor=broker_a)
    link = services.link_partner(initiative, partner, "Ruimte en koffie", actor=broker_a)
    assert initiative.partner_links.get() == link
    assert link.role == "Ruimte en koffie"


def test_connecting_a_help_offer(broker_a, wijk_a):
    offer = HelpOfferFactory(initiative__neighbourhood=wijk_a)
    services.connect_help_offer(offer, actor=broker_a)
    offer.refresh_from_db()
    assert offer.is_connected and offer.connected_at is not None


def test_looking_at_contact_details_is_logged(broker_a, broker_b, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    services.record_contact_view(initiative, actor=broker_a)
    assert initiative.timeline.get().kind == EntryKind.CONTACT_VIEWED
    with pytest.raises(PermissionDenied):
        services.record_contact_view(initiative, actor=broker_b)


def test_anonymising_removes_personal_data_after_the_retention_period(wijk_a):
    old = InitiativeFactory(
        neighbourhood=wijk_a,
        status=Status.COMPLETED,
        closed_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
    )
    InitiatorFactory(initiative=old)
    HelpOfferFactory(initiative=old)
    TimelineEntryFactory(
        initiative=old, kind=EntryKind.MESSAGE_FROM_INITIATOR, public_text="Bel 0612345678"
    )
    recent = InitiativeFactory(
        neighbourhood=wijk_a, status=Status.COMPLETED, closed_at=dt.datetime.now(dt.UTC)
    )
    InitiatorFactory(initiative=recent)
    still_open = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    InitiatorFactory(initiative=still_open)

    call_command("anonymise_personal_data", days=365)

    old_initiator = Initiator.objects.get(initiative=old)
    assert (old_initiator.name, old_initiator.email, old_initiator.phone) == ("—", "", "")
    assert old_initiator.anonymised_at is not None
    assert HelpOffer.objects.get(initiative=old).email == ""
    assert old.timeline.get().public_text == ""
    assert Initiator.objects.get(initiative=recent).email == "fatima@bewoner.example"
    assert Initiator.objects.get(initiative=still_open).email == "fatima@bewoner.example"


def test_a_failing_mail_is_retried_later_and_the_failure_stays_visible(
    wijk_a, settings, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    from initiatives import tasks

    initiative = InitiativeFactory(neighbourhood=wijk_a)
    InitiatorFactory(initiative=initiative)

    def refuse(self, *args, **kwargs):
        raise OSError("SMTP server unreachable")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    # The worker closes "old" connections between tasks; inside a test that is ours.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    tasks.notify_initiator_submitted.enqueue(initiative_id=initiative.pk)
    call_command("db_worker", batch=True, verbosity=0)

    results = DBTaskResult.objects.order_by("enqueued_at")
    assert [r.status for r in results] == ["FAILED", "READY"]
    assert results[1].run_after is not None


def test_only_staff_with_the_role_receive_broker_mail(wijk_a, django_capture_on_commit_callbacks):
    UserFactory(username="no_role")  # a user without a role who happens to exist
    with django_capture_on_commit_callbacks(execute=True):
        submit(wijk_a)
    assert [m.to for m in mail.outbox] == [["fatima@bewoner.example"]]


def test_withdrawing_takes_a_published_initiative_off_the_public_pages(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE, published=True)
    InitiatorFactory(initiative=initiative)
    services.withdraw_as_initiator(initiative)
    initiative.refresh_from_db()
    assert not initiative.is_published and initiative.published_at is None


def test_a_coordinator_cannot_give_work_to_a_broker_of_another_wijk(broker_b, coordinator, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    with pytest.raises(services.WorkflowError):
        services.assign(initiative, broker_b, actor=coordinator)


def test_taking_what_is_already_yours_changes_nothing(broker_a, wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, assigned_broker=broker_a)
    version = initiative.version
    services.assign(initiative, broker_a, actor=broker_a)
    initiative.refresh_from_db()
    assert initiative.version == version


def test_reopening_a_referred_initiative_forgets_where_it_went(broker_a, wijk_a):
    initiative = InitiativeFactory(
        neighbourhood=wijk_a,
        status=Status.REFERRED,
        referred_to="Meldpunt",
        referral_reference="MOR-1",
        closed_at=dt.datetime(2026, 3, 3, tzinfo=dt.UTC),
    )
    services.change_status(initiative, Status.INTAKE, actor=broker_a, public_text="Toch samen.")
    initiative.refresh_from_db()
    assert (initiative.referred_to, initiative.referral_reference) == ("", "")


def test_anonymising_also_clears_what_the_initiator_wrote_when_withdrawing(wijk_a, broker_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    InitiatorFactory(initiative=initiative)
    services.send_message(initiative, "Beste Fatima, bel mij.", actor=broker_a)
    services.withdraw_as_initiator(initiative, "Ik verhuis naar Kerkstraat 1.")
    Initiative.objects.filter(pk=initiative.pk).update(
        closed_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    )
    privacy.anonymise_closed(dt.datetime(2021, 1, 1, tzinfo=dt.UTC))
    texts = list(initiative.timeline.values_list("public_text", flat=True))
    assert not any("Kerkstraat" in text or "Fatima" in text for text in texts)


def test_the_referral_mail_tells_the_initiator_where_the_idea_went_and_the_reference(
    broker_a, wijk_a, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    InitiatorFactory(initiative=initiative)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            initiative,
            Status.REFERRED,
            actor=broker_a,
            public_text="Het Juridisch Loket helpt u hier beter mee.",
            referred_to="Het Juridisch Loket",
            referral_reference="JL-2026-0042",
        )
    [message] = mail.outbox
    html = message.alternatives[0][0]
    for part in (message.body, html):
        assert "We hebben uw idee doorgestuurd naar: Het Juridisch Loket" in part
        assert "Kenmerk: JL-2026-0042" in part


def test_an_offer_of_help_sent_twice_counts_once(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE, published=True)
    key = uuid.uuid4()
    first = services.offer_help(initiative, name="Jan", email="jan@x.nl", submission_key=key)
    second = services.offer_help(initiative, name="Jan", email="jan@x.nl", submission_key=key)
    initiative.refresh_from_db()
    assert first.pk == second.pk
    assert initiative.help_offer_count == 1 == HelpOffer.objects.count()


def test_without_brokers_in_the_wijk_a_superuser_hears_of_a_new_initiative(
    wijk_a, django_capture_on_commit_callbacks
):
    UserFactory(username="admin", email="admin@gemeente.example", is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        submit(wijk_a)
    assert ["admin@gemeente.example"] in [m.to for m in mail.outbox]
