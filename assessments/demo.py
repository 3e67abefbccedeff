"""Assessments on the demo's decisions (``manage.py seed_demo``): scores in B1 Dutch.

``initiatives.demo.story`` calls ``assess`` right after each decision it plays; the criteria
are the ones in use (seeded by assessments 0003), so a coordinator's changes are kept.
"""

import random
from datetime import datetime

from assessments.models import Assessment, Criterion, Score
from assessments.services import record_assessment
from initiatives.models import Initiative

Value = Score.Value

# criterion order -> value -> the broker's sentence
SENTENCES: dict[int, dict[str, str]] = {
    1: {
        Value.MEETS: "Het idee helpt direct bij wat bewoners belangrijk vinden.",
        Value.PARTLY: "Het idee raakt aan een prioriteit, maar niet helemaal.",
        Value.NOT: "Het idee past niet bij wat bewoners als prioriteit noemden.",
    },
    2: {
        Value.MEETS: "Een groep bewoners regelt het zelf; wij helpen alleen.",
        Value.PARTLY: "Bewoners doen veel zelf, maar hebben ook hulp van een partner nodig.",
        Value.NOT: "Het plan vraagt vooral werk van de gemeente.",
    },
    3: {
        Value.MEETS: "Veel buren steunen het idee en willen meedoen.",
        Value.PARTLY: "Er is steun, maar nog van een kleine groep.",
        Value.NOT: "We zagen nog weinig steun in de wijk.",
    },
    4: {
        Value.MEETS: "Er is een plek, er zijn mensen en het mag.",
        Value.PARTLY: "Het kan, als er nog een geschikte ruimte komt.",
        Value.NOT: "Het plan kan zo niet, bijvoorbeeld door de regels of de plek.",
    },
    5: {
        Value.MEETS: "De kosten zijn laag voor wat het de wijk oplevert.",
        Value.PARTLY: "Het kost veel; een partner betaalt mee.",
        Value.NOT: "De kosten zijn te hoog voor wat het oplevert.",
    },
}
FALLBACK = {
    Value.MEETS: "Het idee voldoet hieraan.",
    Value.PARTLY: "Het idee voldoet hier deels aan.",
    Value.NOT: "Het idee voldoet hier niet aan.",
}
# How likely each value is with each kind of decision.
WEIGHTS: dict[str, tuple[int, int, int]] = {
    Assessment.Kind.DECLINED: (2, 3, 5),
    Assessment.Kind.APPROVED: (7, 3, 0),
    Assessment.Kind.GRANT: (8, 2, 0),
}


def assess(
    initiative: Initiative, kind: str, *, actor, now: datetime, seed: str
) -> Assessment | None:
    """Score every criterion in use for the decision just played, deterministically."""
    rng = random.Random(f"{seed}:{kind}")  # noqa: S311 - demo data
    values = list(Value)
    scores = []
    for criterion in Criterion.objects.active():
        value = rng.choices(values, weights=WEIGHTS[kind])[0]
        if kind == Assessment.Kind.DECLINED and not scores:
            value = Value.NOT  # a refusal has at least one reason
        sentence = SENTENCES.get(criterion.order, FALLBACK).get(value, FALLBACK[value])
        scores.append((criterion, value, sentence))
    return record_assessment(initiative, kind, scores, actor=actor, now=now)
