"""Following a wijk by e-mail: the form, the confirmation and the way out.

The links in the e-mails carry the token; a GET shows a page with one button, because mail
scanners open links by themselves and must not confirm or stop anything. Mail programs'
own unsubscribe button (RFC 8058) posts to the same address without a CSRF token: the token
in the address is what authorises it.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from initiatives import throttle
from initiatives.forms.public import started_token
from neighbourhoods.models import Neighbourhood
from subscriptions import services
from subscriptions.forms import FollowForm
from subscriptions.models import Subscription

THROTTLED = gettext_lazy(
    "Er zijn net veel formulieren verstuurd. Probeer het over een uur opnieuw."
)


def _render_follow(request, wijk, form, status: int = 200) -> HttpResponse:
    context = {"wijk": wijk, "form": form, "started": started_token()}
    return render(request, "subscriptions/follow.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    wijk = get_object_or_404(Neighbourhood.objects.active(), slug=slug)
    if request.method != "POST":
        return _render_follow(request, wijk, FollowForm())
    form = FollowForm(request.POST)
    if not form.is_valid():
        return _render_follow(request, wijk, form)
    data = form.cleaned_data
    if not throttle.allow(
        (throttle.FOLLOW_PER_ADDRESS, throttle.client_address(request)),
        (throttle.FOLLOW_PER_EMAIL, data["email"].lower()),
    ):
        form.add_error(None, THROTTLED)
        return _render_follow(request, wijk, form, status=429)
    services.subscribe(wijk, data["email"], data["frequency"], get_language())
    return render(request, "subscriptions/check_mail.html", {"wijk": wijk})


def _subscription(token: str) -> Subscription:
    subscription = Subscription.objects.for_token(token).select_related("neighbourhood").first()
    if subscription is None:
        raise Http404
    return subscription


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = _subscription(token)
    wijk = subscription.neighbourhood
    if subscription.confirmed_at is None and subscription.link_expired:
        return render(request, "subscriptions/expired.html", {"wijk": wijk}, status=410)
    if request.method == "POST":
        services.confirm(subscription)
        messages.success(
            request,
            _("U volgt nu %(wijk)s. U krijgt e-mail als er iets nieuws is.") % {"wijk": wijk},
        )
        return redirect(reverse("initiatives:neighbourhood", kwargs={"slug": wijk.slug}))
    context = {"wijk": wijk, "confirmed": subscription.confirmed_at is not None}
    return render(request, "subscriptions/confirm.html", context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = _subscription(token)
    except Http404:
        # Stopped already (the row is gone): say so, rather than "not found".
        return render(request, "subscriptions/stopped.html", {"wijk": None})
    wijk = subscription.neighbourhood
    if request.method == "POST":
        services.unsubscribe(subscription)
        return render(request, "subscriptions/stopped.html", {"wijk": wijk})
    return render(request, "subscriptions/unsubscribe.html", {"wijk": wijk})
