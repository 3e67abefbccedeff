"""Residents' own texts keep the language they were written in, marked for screen readers."""

import re

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language_info

register = template.Library()

_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")


@register.filter
def lang_attrs(code: str) -> str:
    """`` lang="tr"`` for an element showing a text written in ``code``; ``dir`` for Arabic.

    An unknown or empty code gives nothing: the text then has the page's language.
    """
    code = (code or "").strip()
    if not _CODE.fullmatch(code):
        return ""
    try:
        right_to_left = get_language_info(code)["bidi"]
    except KeyError:
        right_to_left = False
    if right_to_left:
        return format_html(' lang="{}" dir="rtl"', code)
    return format_html(' lang="{}"', code)


@register.filter
def in_language(text: str, code: str) -> str:
    """``text`` in a ``<span>`` marked with its language, for use inside a sentence."""
    attributes = lang_attrs(code)
    if not attributes:
        return text
    return format_html("<span{}>{}</span>", attributes, text)
