import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from initiatives import rules
from initiatives.models import Initiative

register = template.Library()

# Anything a mail client might turn into a link: schemes, www., e-mail and domain names.
_LINKISH = re.compile(
    r"(?i)\b(?:[a-z][a-z0-9+.-]*://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|net|eu|info|be|de)\b\S*)"
)
_ZERO_WIDTH_SPACE = "\u200b"


def break_links(text: str) -> str:
    """Put a zero-width space after the dots, colons and slashes of anything link-like."""
    return _LINKISH.sub(
        lambda match: re.sub(r"([.:@/])", r"\1" + _ZERO_WIDTH_SPACE, match.group(0)), text
    )


@register.filter
def nolinks(value: str, mode: str = "html") -> SafeString | str:
    """Resident text for an e-mail: as typed, but nothing a mail client would make clickable.

    A link in a resident's text must never become something the recipient can click
    (phishing through our own e-mail). ``mode="text"`` is for plain-text parts.
    """
    broken = break_links(str(value or ""))
    if mode == "text":
        return broken
    return mark_safe(conditional_escape(broken))  # noqa: S308 - escaped on this line


@register.simple_tag(takes_context=True)
def can(context: template.Context, permission: str, initiative: Initiative, *args: str) -> bool:
    """``{% can "manage" initiative as allowed %}``: asks initiatives.rules, nothing else."""
    user = context.get("user")
    if user is None:
        return False
    return rules.PERMISSIONS[permission](user, initiative, *args)
