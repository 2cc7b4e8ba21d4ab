"""Shorter sessions for the roles that reach unpublished work (roles.needs_strict_login): they end
after EXPOO_STRICT_SESSION_IDLE_SECONDS without a request and EXPOO_STRICT_SESSION_ABSOLUTE_SECONDS
after logging in. Other members keep Django's SESSION_COOKIE_AGE, until they are given such a role:
then their ordinary session ends at the next request, and they log in again with the second step."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _

from . import roles
from .security_log import LOGOUT, SESSION_EXPIRED, log_event

STRICT_SINCE = "expoo_strict_since"  # Unix time of the login for a strict session, 0 for an ordinary one
LAST_SEEN = "expoo_last_seen"
_SEEN_RESOLUTION = 60  # write the session at most once a minute just to move the idle clock


def _mark(request, user) -> None:
    now = int(time.time())
    if roles.needs_strict_login(user):
        request.session[STRICT_SINCE] = now
        request.session[LAST_SEEN] = now
        # The cookie and the stored session outlive the absolute limit a little, so that the
        # middleware can still say why the person has to log in again.
        request.session.set_expiry(settings.EXPOO_STRICT_SESSION_ABSOLUTE_SECONDS + settings.EXPOO_STRICT_SESSION_IDLE_SECONDS)
    else:
        request.session[STRICT_SINCE] = 0


def on_user_logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        _mark(request, user)


def on_user_logged_out(sender, request, user, **kwargs):
    event, reason = getattr(request, "_expoo_logout_event", (LOGOUT, None))
    log_event(event, request, user_id=getattr(user, "pk", None), **({"reason": reason} if reason else {}))


class StrictSessionMiddleware:
    """Ends a strict session that was idle or open too long, and sends the person to the login page
    with a Dutch explanation; `next` brings them back to where they were."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only requests that carry a session cookie: anonymous pages stay free of session access.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and SESSION_KEY in request.session:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        session = request.session
        since = session.get(STRICT_SINCE)
        if since is None:  # a session from before this check existed: decide once
            _mark(request, request.user)
            since = session.get(STRICT_SINCE)
        now = int(time.time())
        if not since:
            if not roles.needs_strict_login(request.user):
                return None
            # A role that needs the second step was granted while this ordinary session was open:
            # it may not reach unpublished work before the person logs in again, with the code.
            reason = "role_changed"
            message = _("Your role on the platform has changed. Log in again to continue, with the second step.")
        elif now - since > settings.EXPOO_STRICT_SESSION_ABSOLUTE_SECONDS:
            reason = "absolute"
            message = _("You have been logged in for the maximum time. For your safety, log in again to continue.")
        elif now - session.get(LAST_SEEN, since) > settings.EXPOO_STRICT_SESSION_IDLE_SECONDS:
            reason = "idle"
            message = _("You have been logged out because you were inactive for a while. Log in again to continue.")
        else:
            if now - session.get(LAST_SEEN, since) >= _SEEN_RESOLUTION:
                session[LAST_SEEN] = now
            return None
        request._expoo_logout_event = (SESSION_EXPIRED, reason)
        logout(request)
        messages.warning(request, message)
        login_url = resolve_url(settings.LOGIN_URL)
        if request.path in (login_url, reverse("accounts:logout")):
            return None  # go on as the anonymous visitor they now are
        return redirect_to_login(request.get_full_path(), login_url)
