"""The error summary's lines: a field's label and its error as one sentence."""

from django import template

register = template.Library()


@register.filter
def with_error(label: str, error: str) -> str:
    """ "Uw naam: Vul dit in." — but "…voor dit idee. Zet een vinkje.", no ".:" or "?:"."""
    label = str(label).rstrip().rstrip(":")
    if label.endswith((".", "?", "!")):
        return f"{label} {error}"
    return f"{label}: {error}"
