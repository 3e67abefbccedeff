"""Account e-mail, sent by the tasks worker: the request only queues it.

The task carries the user's id, never the address or the link: the worker makes the reset
token itself, so a queued task holds no secret.
"""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.tasks import TaskContext, task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


@task(takes_context=True)
def send_password_reset(
    context: TaskContext, user_id: int, domain: str, use_https: bool, language: str
) -> None:
    """The reset link, to the user's own address (Django's templates and token)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return  # deactivated or changed since the request: nothing to send
    values = {
        "email": user.email,
        "domain": domain,
        "site_name": domain,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if use_https else "http",
    }
    with translation.override(language):
        subject = render_to_string("registration/password_reset_subject.txt", values)
        body = render_to_string("registration/password_reset_email.html", values)
    message = EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email])
    try:
        message.send()
    except Exception:
        backend = send_password_reset.get_backend()
        if context.attempt < MAX_ATTEMPTS and backend.supports_defer:
            delay = timedelta(minutes=2**context.attempt)
            send_password_reset.using(run_after=timezone.now() + delay).enqueue(
                user_id=user_id, domain=domain, use_https=use_https, language=language
            )
            logger.warning("Password reset e-mail failed; retrying in %s", delay)
        raise
