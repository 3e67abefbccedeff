"""While scoring, the broker sees the support to weigh: verified addresses and quick clicks."""

import pytest

from initiatives.models import Status, VerifiedSupport
from initiatives.verification import address_hash
from tests.factories import InitiativeFactory

from .conftest import detail_url

pytestmark = pytest.mark.django_db


def scoring_lines(page: str) -> list[str]:
    return [line for line in page.splitlines() if "Steun om mee te wegen" in line]


def test_the_score_fields_show_verified_support_beside_the_quick_count(
    client, wijk_a, broker_a, criteria
):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE, support_count=12)
    for number in ("1", "3", "5"):
        VerifiedSupport.objects.create(
            initiative=initiative, address_hash=address_hash("1506AB", number)
        )
    client.force_login(broker_a)
    lines = scoring_lines(client.get(detail_url(initiative)).text)
    # Once in the status form, once in the grant form.
    assert len(lines) == 2
    assert "3 adressen in de wijk steunen dit" in lines[0]
    assert "naast 12 keer “Ik steun dit”" in lines[0]


def test_one_verified_address_reads_in_the_singular(client, wijk_a, broker_a, criteria):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    VerifiedSupport.objects.create(initiative=initiative, address_hash=address_hash("1506AB", "1"))
    client.force_login(broker_a)
    lines = scoring_lines(client.get(detail_url(initiative)).text)
    assert "1 adres in de wijk steunt dit" in lines[0]
    assert "naast 0 keer" in lines[0]


def test_without_criteria_there_is_no_scoring_and_no_line(client, wijk_a, broker_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    client.force_login(broker_a)
    assert scoring_lines(client.get(detail_url(initiative)).text) == []
