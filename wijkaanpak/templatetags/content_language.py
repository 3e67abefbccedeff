"""Residents' own texts keep the language they were written in, marked for screen readers."""

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

register = template.Library()

_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")


@register.filter
def lang_attrs(code: str) -> str:
    """`` lang="tr" dir="ltr"`` for an element showing a text written in ``code``.

    The direction is the text's own, so Dutch on an Arabic page still reads left to right with
    its full stop at its end. An unknown or empty code gives only ``dir="auto"``: the text has
    the page's language, and the browser finds its direction.
    """
    code = (code or "").strip()
    if not _CODE.fullmatch(code):
        return mark_safe(' dir="auto"')
    try:
        right_to_left = get_language_info(code)["bidi"]
    except KeyError:
        right_to_left = False
    if right_to_left:
        return format_html(' lang="{}" dir="rtl"', code)
    return format_html(' lang="{}" dir="ltr"', code)


@register.filter
def in_language(text: str, code: str) -> str:
    """``text`` in a ``<span>`` marked with its language, for use inside a sentence."""
    attributes = lang_attrs(code)
    if not attributes:
        return text
    return format_html("<span{}>{}</span>", attributes, text)
