"""One factory per model, with deterministic defaults. Import them explicitly."""

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from answers.models import AnswerTemplate
from budgets.models import BudgetPot
from initiatives.models import (
    HelpOffer,
    Initiative,
    InitiativePartner,
    Initiator,
    Partner,
    PartnerKind,
    Status,
    Support,
    TimelineEntry,
)
from initiatives.rules import Role
from initiatives.services import first_response_due
from initiatives.timeline import PUBLIC_VISIBLE
from neighbourhoods.models import Neighbourhood, Population, PostcodeArea, Priority
from results.models import Result
from search import index as search_index

FIXED_NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)  # a Monday


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Voornaam{n}")
    last_name = "Achternaam"
    email = factory.LazyAttribute(lambda user: f"{user.username}@gemeente.example")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def roles(self, create: bool, extracted: list[str] | None, **kwargs) -> None:
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.Sequence(lambda n: f"wijk-{n}")
    description = "Een wijk in de gemeente."

    @factory.post_generation
    def brokers(self, create: bool, extracted: list | None, **kwargs) -> None:
        if create and extracted:
            self.brokers.add(*extracted)


class PostcodeAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostcodeArea

    postcode = factory.Sequence(lambda n: f"{1500 + n}")
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)


def priority(slug: str) -> Priority:
    """One of the three priorities the data migration created."""
    return Priority.objects.get(slug=slug)


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Speeltuin opknappen {n}")
    description = "We willen de speeltuin samen met de buurt opknappen."
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    needs = factory.LazyFunction(lambda: ["money", "volunteers"])
    amount_requested = Decimal("750.00")
    status = Status.SUBMITTED
    submitted_at = FIXED_NOW
    first_response_due = factory.LazyAttribute(lambda i: first_response_due(i.submitted_at))
    tracking_nonce = factory.Sequence(lambda n: f"{n:032x}")
    tracking_token_hash = factory.Sequence(lambda n: f"{n:064x}")

    class Params:
        published = factory.Trait(
            is_published=True,
            published_at=factory.LazyAttribute(lambda i: i.submitted_at + dt.timedelta(days=3)),
            public_title=factory.LazyAttribute(lambda i: i.title),
            public_summary="Bewoners knappen samen de speeltuin op.",
        )

    @factory.post_generation
    def priorities(self, create: bool, extracted: list | None, **kwargs) -> None:
        if create and extracted:
            self.priorities.set(extracted)

    @factory.post_generation
    def with_token(self, create: bool, extracted: bool | None, **kwargs) -> None:
        """``InitiativeFactory(with_token=True)`` sets ``initiative.token`` to a working token."""
        if create and extracted:
            self.token = self.issue_tracking_token()
            self.save(update_fields=["tracking_nonce", "tracking_token_hash"])

    @factory.post_generation
    def search_terms(self, create: bool, extracted: None, **kwargs) -> None:
        # What services.publish does: a published initiative can be found by its words.
        if create and self.is_published:
            search_index.refresh([self.pk])


class InitiatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiator

    initiative = factory.SubFactory(InitiativeFactory)
    name = "Fatima de Vries"
    email = "fatima@bewoner.example"
    phone = "0612345678"
    consent_at = FIXED_NOW


class TimelineEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimelineEntry
        skip_postgeneration_save = True

    initiative = factory.SubFactory(InitiativeFactory)
    kind = "public_update"
    public_text = "De eerste bijeenkomst was een succes."
    created_at = FIXED_NOW

    @factory.post_generation
    def search_terms(self, create: bool, extracted: None, **kwargs) -> None:
        # What services.post_update does.
        if create and self.kind in PUBLIC_VISIBLE and self.initiative.is_published:
            search_index.refresh([self.initiative_id])


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    initiative = factory.SubFactory(InitiativeFactory, published=True)
    browser_key = factory.Sequence(lambda n: f"{n:064x}")


class HelpOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpOffer

    initiative = factory.SubFactory(InitiativeFactory, published=True)
    name = "Jan Bakker"
    email = "jan@helper.example"
    phone = ""
    offer_kinds = factory.LazyFunction(lambda: ["time"])
    message = "Ik kan op zaterdag helpen."
    consent_at = FIXED_NOW


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Woningcorporatie {n}")
    kind = PartnerKind.HOUSING
    contact_name = "Els Jansen"
    contact_email = "els@corporatie.example"


class InitiativePartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InitiativePartner

    initiative = factory.SubFactory(InitiativeFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = "Stelt een ruimte beschikbaar"


def broker_of(neighbourhood: Neighbourhood, **kwargs) -> object:
    user = UserFactory(roles=[Role.BROKER], **kwargs)
    neighbourhood.brokers.add(user)
    return user


__all__ = [
    "FIXED_NOW",
    "HelpOfferFactory",
    "InitiativeFactory",
    "InitiativePartnerFactory",
    "InitiatorFactory",
    "NeighbourhoodFactory",
    "PartnerFactory",
    "PostcodeAreaFactory",
    "SupportFactory",
    "TimelineEntryFactory",
    "UserFactory",
    "broker_of",
    "priority",
]


class BudgetPotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetPot

    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    year = 2026
    name = factory.Sequence(lambda n: f"Wijkbudget {n}")
    description = "Voor initiatieven van bewoners."
    amount = Decimal("1000.00")


class AnswerTemplateFactory(factory.django.DjangoModelFactory):
    """A message template; ``kind="status", to_status=...`` for a status change."""

    class Meta:
        model = AnswerTemplate

    name = factory.Sequence(lambda n: f"Standaardtekst {n}")
    kind = AnswerTemplate.Kind.MESSAGE
    to_status = ""
    text_nl = "Beste {voornaam}, ik ben {makelaar}, de sociaal makelaar van {wijk}."
    text_en = "Dear {voornaam}, I am {makelaar}, the social broker of {wijk}."


class ResultFactory(factory.django.DjangoModelFactory):
    """What a completed initiative achieved; public unless told otherwise."""

    class Meta:
        model = Result

    initiative = factory.SubFactory(
        InitiativeFactory, status=Status.COMPLETED, published=True, public_title="Speelmiddag"
    )
    residents_reached = 40
    volunteers = 5
    partners_involved = 1
    money_spent = Decimal("450.00")
    story = "Veertig kinderen speelden een middag samen op het plein."
    is_public = True


class PopulationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Population

    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    year = 2024
    residents = 10_000
