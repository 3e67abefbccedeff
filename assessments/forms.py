"""The criteria's form, and the scores a broker gives with a decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import DECISIONS, Assessment, Criterion, Score
from initiatives.forms.workspace import AmountForm, StatusForm
from wijkaanpak.forms import WIDGET_CLASSES, StyledFormMixin, clean_text

SENTENCE_LENGTH = Score._meta.get_field("sentence").max_length


class CriterionForm(forms.ModelForm):
    """Used by the admin and, with the Utrecht styling, by the workspace page."""

    class Meta:
        model = Criterion
        fields = ["name", "name_en", "explanation", "explanation_en", "order", "is_active"]
        widgets = {
            "explanation": forms.Textarea(attrs={"rows": 3}),
            "explanation_en": forms.Textarea(attrs={"rows": 3}),
            # Text, not type="number": what was typed wrong comes back as typed.
            "order": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "utrecht-textbox--short"}
            ),
        }

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()

    def clean_name_en(self) -> str:
        return self.cleaned_data["name_en"].strip()

    def clean_explanation(self) -> str:
        return clean_text(self.cleaned_data["explanation"]).strip()

    def clean_explanation_en(self) -> str:
        return clean_text(self.cleaned_data["explanation_en"]).strip()


class WorkspaceCriterionForm(StyledFormMixin, CriterionForm):
    use_required_attribute = False


class ScoresMixin:
    """One radio group (meets / partly / not) and one sentence per active criterion.

    The scores are asked only for a decision (``decision()`` names its kind); for any other
    move they are ignored. Without active criteria there is nothing to score. ``criteria``
    may be given when one page builds several of these forms (one query for all).
    """

    def __init__(self, *args, criteria: list[Criterion] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(Criterion.objects.active()) if criteria is None else criteria
        for criterion in self.criteria:
            score = forms.ChoiceField(
                label=criterion.label,
                choices=Score.Value.choices,
                widget=forms.RadioSelect,
                required=False,
                help_text=criterion.summary,
            )
            sentence = forms.CharField(
                label=_("Waarom? (%(criterion)s)") % {"criterion": criterion.label},
                max_length=SENTENCE_LENGTH,
                required=False,
            )
            for field in (score, sentence):
                field.widget.attrs["class"] = WIDGET_CLASSES[
                    forms.RadioSelect if field is score else forms.widgets.Input
                ]
            self.fields[f"score_{criterion.pk}"] = score
            self.fields[f"sentence_{criterion.pk}"] = sentence

    def decision(self, cleaned: dict) -> str | None:  # pragma: no cover - each form says
        raise NotImplementedError

    @property
    def score_rows(self) -> list[tuple]:
        """(criterion, radio field, sentence field) for the template, in the criteria's order."""
        return [
            (criterion, self[f"score_{criterion.pk}"], self[f"sentence_{criterion.pk}"])
            for criterion in self.criteria
        ]

    @property
    def score_field_names(self) -> frozenset[str]:
        return frozenset(
            f"{kind}_{criterion.pk}"
            for criterion in self.criteria
            for kind in ("score", "sentence")
        )

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.decision(cleaned) is None:
            return cleaned
        for criterion in self.criteria:
            value = f"score_{criterion.pk}"
            sentence = f"sentence_{criterion.pk}"
            cleaned[sentence] = cleaned.get(sentence, "").strip()
            if not cleaned.get(value) and value not in self.errors:
                self.add_error(value, _("Kies of het idee hieraan voldoet."))
            if not cleaned[sentence] and sentence not in self.errors:
                self.add_error(sentence, _("Schrijf in één zin waarom."))
        return cleaned

    def scores(self) -> list[tuple[Criterion, str, str]]:
        """(criterion, value, sentence) of a valid form with a decision; else empty."""
        if self.decision(self.cleaned_data) is None:
            return []
        return [
            (
                criterion,
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data[f"sentence_{criterion.pk}"],
            )
            for criterion in self.criteria
        ]


SCORES_HELP = _(
    "Alleen bij afwijzen of goedkeuren (in voorbereiding). De initiatiefnemer leest de "
    "beoordeling, en iedereen als het initiatief openbaar is. Zet er geen persoonlijke "
    "gegevens in."
)
GRANT_SCORES_HELP = _(
    "De initiatiefnemer leest de beoordeling, en iedereen als het initiatief openbaar is. "
    "Zet er geen persoonlijke gegevens in."
)


class ScoredStatusForm(ScoresMixin, StatusForm):
    """The workspace's status form: declining or approving asks for the scores."""

    scores_help = SCORES_HELP

    def decision(self, cleaned: dict) -> str | None:
        return DECISIONS.get(cleaned.get("to"))


class ScoredAmountForm(ScoresMixin, AmountForm):
    """The workspace's grant form: every grant asks for the scores."""

    scores_help = GRANT_SCORES_HELP

    def decision(self, cleaned: dict) -> str | None:
        return Assessment.Kind.GRANT
