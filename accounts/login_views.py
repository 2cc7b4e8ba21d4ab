"""Logging in: the password, then for the team, commission and administrators a second step (a code
from an authenticator app or a recovery code, or setting the app up the first time).

Until the second step succeeds nobody is logged in: the session only remembers the pending person
for EXPOO_TWO_FACTOR_PENDING_SECONDS. Every login of the site, the Wagtail admin's included, runs
through here; login attempts and codes are rate limited (core.ratelimit) and logged (security_log).
"""

import hmac
import secrets
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render, resolve_url
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import ratelimit

from . import two_factor
from .forms import AuthenticatorCodeForm, EmailAuthenticationForm, MailboxCodeForm, TwoFactorCodeForm
from .models import User
from .security_log import LOGIN_FAILED, LOGIN_SUCCEEDED, TWO_FACTOR_ENROLLED, TWO_FACTOR_FAILED, log_event

PENDING = "expoo_login_pending"
DEFAULT_BACKEND = "django.contrib.auth.backends.ModelBackend"


def start_login(request, user, next_url: str, backend: str | None = None, method: str = "password"):
    """Log `user` in, or, when their role needs a second factor, remember them as pending and send
    them to the code (or set-up) step. Every path that logs someone in goes through here."""
    backend = backend or getattr(user, "backend", None) or DEFAULT_BACKEND
    if two_factor.needs_second_step(user):
        request.session.cycle_key()  # nothing an attacker planted survives into the pending state
        request.session[PENDING] = {"user": user.pk, "backend": backend, "at": int(time.time()), "next": next_url}
        if two_factor.confirmed_totp(user) is None:
            return redirect("accounts:two_factor_enrol")
        return redirect("accounts:two_factor")
    auth_login(request, user, backend=backend)
    log_event(LOGIN_SUCCEEDED, request, user_id=user.pk, method=method)
    return redirect(next_url)


def _finish(request, user, pending: dict, device, method: str):
    request.session.pop(PENDING, None)
    user.otp_device = device  # django-otp records the verified device in the session on login
    auth_login(request, user, backend=pending["backend"])
    log_event(LOGIN_SUCCEEDED, request, user_id=user.pk, method=method)
    return redirect(pending["next"])


def _pending(request):
    """The pending login (its data and the person), or (None, None) when there is none or it is too old."""
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending.get("at", 0) > settings.EXPOO_TWO_FACTOR_PENDING_SECONDS:
        return None, None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    return (pending, user) if user else (None, None)


def _start_again(request):
    pending = request.session.pop(PENDING, None)
    messages.error(request, _("Logging in took too long. Please enter your e-mail address and password again."))
    return redirect_to_login(pending["next"], resolve_url(settings.LOGIN_URL)) if pending else redirect(settings.LOGIN_URL)


def _refused(request, template, form, refusal, context=None):
    ratelimit.refuse(form, refusal)
    return render(request, template, {"form": form, **(context or {})}, status=429)


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class LoginView(auth_views.LoginView):
    """The first step: e-mail address and password. The same answer, status and timing for an unknown
    address as for a wrong password (Django's ModelBackend hashes the password in both cases)."""

    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        email = request.POST.get("username", "")
        form = self.get_form()
        refusal = ratelimit.refusal(request, "login", account=email)
        if refusal:
            ratelimit.refuse(form, refusal)  # without checking the password at all
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if form.is_valid():
            return self.form_valid(form)
        ratelimit.record(request, "login", account=email)
        known = User.objects.filter(email__iexact=email.strip()).values_list("pk", flat=True).first() if email else None
        log_event(LOGIN_FAILED, request, user_id=known)
        return self.form_invalid(form)

    def form_valid(self, form):
        return start_login(self.request, form.get_user(), self.get_success_url())

    def dispatch(self, request, *args, **kwargs):
        # The admin sends a logged-in person without access here; sending them back would loop.
        user = request.user
        next_url = self.get_redirect_url()
        if user.is_authenticated and next_url.startswith("/beheer/") and not user.has_perm("wagtailadmin.access_admin"):
            raise PermissionDenied(_("Your account has no access to the CMS."))
        return super().dispatch(request, *args, **kwargs)


@sensitive_post_parameters("code")
@never_cache
@csrf_protect
def two_factor_verify(request):
    """The second step: a code from the authenticator app, or a recovery code."""
    pending, user = _pending(request)
    if user is None:
        return _start_again(request)
    if two_factor.confirmed_totp(user) is None:
        return redirect("accounts:two_factor_enrol")
    form = TwoFactorCodeForm(request.POST or None)
    template = "accounts/two_factor_verify.html"
    if request.method == "POST":
        refusal = ratelimit.refusal(request, "two_factor", account=user.pk)
        if refusal:
            return _refused(request, template, form, refusal)
        if form.is_valid():
            device = check_code(request, form, user, form.cleaned_data["code"])
            if device is not None:
                response = _finish(request, user, pending, device, method=_method(device))
                if _method(device) == "recovery_code":
                    messages.warning(
                        request,
                        _("You logged in with a recovery code, which no longer works now. Recovery codes left: %(count)s.")
                        % {"count": two_factor.recovery_codes_left(user)},
                    )
                return response
    return render(request, template, {"form": form}, status=400 if form.errors else 200)


def check_code(request, form, user, code, app_only=False):
    """The device that accepts the code; otherwise the form gets the error and the attempt is counted."""
    try:
        device = two_factor.verify(user, code, app_only=app_only)
    except two_factor.Throttled:
        device, message = None, _("Wait a few seconds before you try a code again.")
    else:
        message = _("This code is not right. Check the code in your authenticator app and try again.")
    if device is None:
        ratelimit.record(request, "two_factor", account=user.pk)
        log_event(TWO_FACTOR_FAILED, request, user_id=user.pk)
        form.add_error("code", message)
    return device


def _method(device) -> str:
    return "totp" if isinstance(device, TOTPDevice) else "recovery_code"


@sensitive_post_parameters("code")
@never_cache
@csrf_protect
def two_factor_enrol(request):
    """Setting up the authenticator app right after the password, for a role that needs it; then the
    recovery codes are shown once, and the login is finished from there."""
    pending, user = _pending(request)
    if user is None:
        return _start_again(request)
    if two_factor.confirmed_totp(user) is not None:
        return redirect("accounts:two_factor")
    if not pending.get("mailbox"):
        return redirect("accounts:two_factor_mailbox")
    device = two_factor.pending_totp(user)
    form = AuthenticatorCodeForm(request.POST or None)
    template = "accounts/two_factor_enrol.html"
    context = {"secret": two_factor.secret_text(device), "qr_svg": two_factor.qr_svg(device, _("QR code to scan"))}
    if request.method == "POST":
        refusal = ratelimit.refusal(request, "two_factor", account=user.pk)
        if refusal:
            return _refused(request, template, form, refusal, context)
        if form.is_valid():
            codes = two_factor.confirm_enrolment(user, device, form.cleaned_data["code"])
            if codes is not None:
                request.session[PENDING] = {**pending, "enrolled": True}
                log_event(TWO_FACTOR_ENROLLED, request, user_id=user.pk)
                return render(request, "accounts/two_factor_recovery_codes.html", {"codes": codes, "finish_login": True})
            ratelimit.record(request, "two_factor", account=user.pk)
            log_event(TWO_FACTOR_FAILED, request, user_id=user.pk)
            form.add_error("code", _("This code is not right. Check the code in your authenticator app and try again."))
    return render(request, template, {"form": form, **context}, status=400 if form.errors else 200)


MAILBOX_CODE_SECONDS = 15 * 60


@sensitive_post_parameters("code")
@never_cache
@csrf_protect
def two_factor_mailbox(request):
    """Before a first set-up of the authenticator app, the person proves they read the account's
    e-mail: a password alone (guessed, reused or leaked before the app was set up) must not be
    enough to tie an attacker's phone to a staff account. A 6-digit code is mailed; the session keeps
    only its keyed hash, for MAILBOX_CODE_SECONDS; wrong codes count towards the code rate limit."""
    pending, user = _pending(request)
    if user is None:
        return _start_again(request)
    if two_factor.confirmed_totp(user) is not None:
        return redirect("accounts:two_factor")
    if pending.get("mailbox"):
        return redirect("accounts:two_factor_enrol")
    template = "accounts/two_factor_mailbox.html"
    form = MailboxCodeForm(request.POST if request.method == "POST" and "resend" not in request.POST else None)
    sent = pending.get("mail_sent", 0)
    if not sent or time.time() - sent > MAILBOX_CODE_SECONDS or (request.method == "POST" and "resend" in request.POST):
        refusal = ratelimit.refusal(request, "two_factor", account=user.pk) if sent else None
        if refusal:
            return _refused(request, template, MailboxCodeForm(), refusal, {"email": user.email})
        if sent:
            ratelimit.record(request, "two_factor", account=user.pk)  # a new code costs an attempt too
        code = f"{secrets.randbelow(10**6):06d}"
        pending = {**pending, "mail_code": two_factor.stored_form(code), "mail_sent": int(time.time())}
        request.session[PENDING] = pending
        _mail_code(user, code)
        return render(request, template, {"form": MailboxCodeForm(), "email": user.email, "sent": True})
    if request.method == "POST":
        refusal = ratelimit.refusal(request, "two_factor", account=user.pk)
        if refusal:
            return _refused(request, template, form, refusal, {"email": user.email})
        if form.is_valid():
            if hmac.compare_digest(two_factor.stored_form(form.cleaned_data["code"]), pending.get("mail_code", "")):
                pending = {key: value for key, value in pending.items() if key not in ("mail_code", "mail_sent")}
                request.session[PENDING] = {**pending, "mailbox": True}
                return redirect("accounts:two_factor_enrol")
            ratelimit.record(request, "two_factor", account=user.pk)
            log_event(TWO_FACTOR_FAILED, request, user_id=user.pk)
            form.add_error("code", _("This code is not right. Check the last e-mail we sent you, or ask for a new code."))
    return render(request, template, {"form": form, "email": user.email}, status=400 if form.errors else 200)


def _mail_code(user, code: str) -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    from notifications.tasks import send_email

    with translation.override(settings.LANGUAGE_CODE):
        context = {"code": code, "minutes": MAILBOX_CODE_SECONDS // 60, "site_name": settings.WAGTAIL_SITE_NAME}
        subject = " ".join(render_to_string("accounts/email/mailbox_code_subject.txt", context).split())
        body = render_to_string("accounts/email/mailbox_code_body.txt", context)
    send_email.enqueue([user.email], subject, body)


@require_POST
@csrf_protect
def two_factor_finish(request):
    """After the recovery codes were shown: the set-up is done, the person is logged in."""
    pending, user = _pending(request)
    if user is None or not pending.get("enrolled"):
        return _start_again(request)
    return _finish(request, user, pending, two_factor.confirmed_totp(user), method="enrolment")


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, limited per address entered and per client. The answer is the same whether
    the address has an account or not; the e-mail is queued, so timing tells nothing either."""

    def post(self, request, *args, **kwargs):
        email = request.POST.get("email", "")
        form = self.get_form()
        refusal = ratelimit.refusal(request, "password_reset", account=email)
        if refusal:
            ratelimit.refuse(form, refusal)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if form.is_valid():
            ratelimit.record(request, "password_reset", account=email)
            return self.form_valid(form)
        return self.form_invalid(form)


def admin_login(request, default_next="/beheer/"):
    """Wagtail's own logins (/beheer/login/, and /_util/login/ for private pages and collections)
    would skip the second step: send everyone to the site's. The login page checks `next`."""
    next_url = request.POST.get("next") or request.GET.get("next") or default_next
    return redirect_to_login(next_url, resolve_url(settings.LOGIN_URL))
