import pytest

from initiatives.models import Status, VerifiedSupport
from tests.answers.test_browser import check  # noqa: F401 - language, one h1, axe (browser tests)
from tests.factories import (
    HelpOfferFactory,
    InitiativeFactory,
    InitiatorFactory,
    SupportFactory,
)


@pytest.fixture
def pair(wijk_a):
    """Two published look-alikes in wijk A: browsers b1, b2 support the duplicate, b2 and b3
    the target (b2 supported both); one help offer on each, one verified support each."""
    target = InitiativeFactory(
        neighbourhood=wijk_a,
        title="Speeltuin Vinkenstraat opknappen",
        status=Status.INTAKE,
        published=True,
        public_title="Speeltuin Vinkenstraat opknappen",
        support_count=2,
        help_offer_count=1,
    )
    duplicate = InitiativeFactory(
        neighbourhood=wijk_a,
        title="Opknappen van de speeltuin",
        published=True,
        public_title="De speeltuin opknappen",
        support_count=2,
        help_offer_count=1,
        with_token=True,
    )
    InitiatorFactory(initiative=target, name="Karin Doelman", email="karin@doel.example")
    InitiatorFactory(initiative=duplicate, name="Fatima de Vries", email="fatima@dubbel.example")
    for key, initiative in (("b1", duplicate), ("b2", duplicate), ("b2", target), ("b3", target)):
        SupportFactory(initiative=initiative, browser_key=key)
    HelpOfferFactory(initiative=duplicate, name="Jan Helper", email="jan@help.example")
    HelpOfferFactory(initiative=target, name="Piet Helper", email="piet@help.example")
    VerifiedSupport.objects.create(initiative=duplicate, address_hash="a1")
    VerifiedSupport.objects.create(initiative=target, address_hash="a1")
    VerifiedSupport.objects.create(initiative=duplicate, address_hash="a2")
    return duplicate, target
