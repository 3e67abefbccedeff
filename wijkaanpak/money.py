"""Amounts of money as people read them: "€ 1.250,00" in Dutch, "€1,250.00" in English.

One helper for every page, timeline text, e-mail, overview and staff export, so an amount
reads the same everywhere in one language. Open data does not use it: it stays plain
machine-readable numbers ("1250.00", see initiatives.opendata).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, translation

# Where the euro sign and the minus go, per language (as the Dutch and English style guides
# write it). Other languages read as Dutch, the site's main language.
PATTERNS = {
    "nl": ("€ {number}", "€ -{number}"),
    "en": ("€{number}", "-€{number}"),
    "tr": ("€{number}", "-€{number}"),  # CLDR's Turkish: "€1.250,00"
}


def money(
    value: Decimal | int | float | str | None,
    decimals: int = 2,
    *,
    language: str | None = None,
    empty: str = "—",
) -> str:
    """``value`` in euro, grouped and rounded half up to ``decimals`` places.

    ``language``: the language to write it in; the active language when None. ``empty``:
    what an unknown amount (None) reads as.
    """
    if value is None:
        return empty
    if language is not None:
        with translation.override(language):
            return money(value, decimals, empty=empty)
    amount = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    # number_format cuts off extra decimals rather than rounding; rounded above already.
    number = formats.number_format(abs(amount), decimals, force_grouping=True)
    positive, negative = PATTERNS.get(
        (translation.get_language() or "nl").split("-")[0], PATTERNS["nl"]
    )
    return (negative if amount < 0 else positive).format(number=number)
