from django import forms
from django.utils.translation import gettext_lazy as _

from initiatives.forms.workspace import VersionedForm


class MergeForm(VersionedForm):
    """What the duplicate's initiator reads about the merge, and a note for colleagues."""

    public_text = forms.CharField(
        label=_("Tekst voor de initiatiefnemer van dit idee"),
        help_text=_("Deze tekst staat op hun volgpagina en in hun e-mail."),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=2000,
    )
    internal_note = forms.CharField(
        label=_("Interne notitie"),
        help_text=_("Alleen sociaal makelaars lezen dit."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
