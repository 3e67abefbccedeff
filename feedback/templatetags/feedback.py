"""The two questions on the tracking page, and the answer on the initiative's workspace page.

One query each; ``initiatives`` knows this app only through these tags.
"""

from django import template

from feedback.forms import FeedbackForm
from feedback.models import Feedback
from initiatives import rules

register = template.Library()


@register.inclusion_tag("feedback/questions.html", takes_context=True)
def feedback_questions(context: template.Context, initiative) -> dict:
    """Shown once the request was sent (queued), while closed and not anonymised."""
    # With the initiative and its initiator, for the rule: one query.
    feedback = (
        Feedback.objects.select_related("initiative__initiator")
        .filter(initiative=initiative)
        .first()
    )
    asked = feedback is not None
    shown = rules.initiator_can_answer_feedback(
        feedback.initiative if asked else initiative, asked=asked
    )
    form = None
    if shown:
        initial = {"helped": feedback.helped, "improvement": feedback.improvement}
        form = FeedbackForm(initial=initial if feedback.answered_at else None)
    return {
        "shown": shown,
        "feedback": feedback,
        "form": form,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("feedback/broker_answer.html")
def feedback_answer(initiative) -> dict:
    """For the initiative's brokers: asked when, and the answer with what could be better."""
    return {"feedback": Feedback.objects.filter(initiative=initiative).first()}
