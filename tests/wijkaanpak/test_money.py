"""One way to write money: wijkaanpak.money.money and the ``money`` template filter."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from wijkaanpak.money import money


@pytest.mark.parametrize(
    ("value", "decimals", "dutch", "english"),
    [
        (Decimal("1250"), 2, "€ 1.250,00", "€1,250.00"),
        (Decimal(0), 2, "€ 0,00", "€0.00"),
        (0, 0, "€ 0", "€0"),
        (Decimal("-1250.5"), 2, "€ -1.250,50", "-€1,250.50"),
        (Decimal("1234567.891"), 2, "€ 1.234.567,89", "€1,234,567.89"),
        (Decimal("1250.50"), 0, "€ 1.251", "€1,251"),
        (Decimal("999.995"), 2, "€ 1.000,00", "€1,000.00"),  # rounded half up, not cut off
        (Decimal("-0.001"), 2, "€ 0,00", "€0.00"),  # no "minus nothing"
        (750, 2, "€ 750,00", "€750.00"),
        (0.6, 2, "€ 0,60", "€0.60"),
        ("1250.00", 2, "€ 1.250,00", "€1,250.00"),
    ],
)
def test_money_reads_the_way_of_each_language(value, decimals, dutch, english):
    assert money(value, decimals, language="nl") == dutch
    assert money(value, decimals, language="en") == english


def test_money_in_turkish_has_the_sign_first_and_dutch_separators():
    assert money(Decimal("1250"), language="tr") == "€1.250,00"
    assert money(Decimal("-1250.5"), language="tr") == "-€1.250,50"
    assert money(Decimal("1234567"), 0, language="tr") == "€1.234.567"


def test_no_amount_reads_as_a_dash_or_what_the_caller_asks():
    assert money(None) == "—"
    assert money(None, language="en") == "—"
    assert money(None, empty="") == ""


def test_money_follows_the_active_language_and_leaves_it_alone():
    with translation.override("en"):
        assert money(Decimal(1250)) == "€1,250.00"
        assert money(Decimal(1250), language="nl") == "€ 1.250,00"
        assert translation.get_language() == "en"
    with translation.override("nl"):
        assert money(Decimal(1250)) == "€ 1.250,00"


def test_the_template_filter_needs_no_load_and_never_crashes():
    template = Template(
        "{{ a|money }}|{{ a|money:0 }}|{{ none|money }}|{{ blank|money }}|{{ odd|money }}"
    )
    context = Context({"a": Decimal("1250.5"), "none": None, "blank": "", "odd": "n.v.t."})
    with translation.override("nl"):
        assert template.render(context) == "€ 1.250,50|€ 1.251|—|—|n.v.t."
    with translation.override("en"):
        assert template.render(context) == "€1,250.50|€1,251|—|—|n.v.t."
