"""The stop link in every e-mail to a resident: no more e-mail, the tracking link stays.

A GET shows a page with one button, because mail scanners open links by themselves and must
not stop anything. The page names no one and no idea: whoever holds the link learns nothing.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from initiatives import resident_mail
from initiatives.models import Initiator


# CSRF-exempt on purpose: a mail program's own unsubscribe button (RFC 8058) posts to this
# address without a CSRF token. That is acceptable only because the POST does nothing but
# stop mail and does it once (stopping twice changes nothing): a forged request can at most
# do what the resident's own link does. The signed token in the address authorises it.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def stop_mail(request: HttpRequest, token: str) -> HttpResponse:
    contact = resident_mail.contact_for_token(token)
    if contact is None:
        return render(request, "initiatives/public/mail_stop_unknown.html", status=404)
    context = {"is_initiator": isinstance(contact, Initiator)}
    if request.method == "POST":
        resident_mail.stop_mail(contact)
        return render(request, "initiatives/public/mail_stopped.html", context)
    if contact.mail_stopped_at is not None:
        return render(request, "initiatives/public/mail_stopped.html", context)
    return render(request, "initiatives/public/mail_stop.html", context)
