"""``{{ amount|money }}`` and ``{{ amount|money:0 }}``: a builtin (see settings.TEMPLATES)."""

from decimal import InvalidOperation

from django import template

from wijkaanpak.money import money as format_money

register = template.Library()


@register.filter
def money(value, decimals: int = 2) -> str:
    """An amount in the active language's format; "—" when there is none.

    A template never crashes on it: an empty string reads as no amount, and anything that
    is not a number is shown as it is.
    """
    if value == "":
        value = None
    try:
        return format_money(value, int(decimals))
    except (InvalidOperation, TypeError, ValueError):
        return value
