"""The person's own privacy page: download their data, ask for erasure."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from core import ratelimit

from . import actions, erasure, export
from .forms import ErasureForm
from .models import ErasureSource, ErasureStatus


def _overview(request, form=None, status=200):
    user = request.user
    waiting = user.erasure_requests.waiting().first()
    context = {
        "form": form or ErasureForm(user=user),
        "waiting": waiting,
        "reasons": [erasure.blocker_label(b) for b in waiting.blockers] if waiting else [],
        "retention_contact_days": settings.EXPOO_RETENTION_CONTACT_MESSAGES_DAYS,
        "retention_account_days": settings.EXPOO_RETENTION_INACTIVE_ACCOUNT_DAYS,
        "warning_days": settings.EXPOO_RETENTION_WARNING_DAYS,
    }
    return render(request, "privacy/overview.html", context, status=status)


@login_required
def overview(request):
    return _overview(request)


@login_required
@require_POST
def download(request):
    """Everything the platform holds about the person, as one JSON file."""
    body = export.as_json(request.user)
    log(request.user, "expoo.privacy.export", user=request.user)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"expoo-persoonsgegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def erase(request):
    # A wrong password here counts as a failed login: an open session cannot be used to guess it.
    account = request.user.email
    refusal = ratelimit.refusal(request, "login", account=account)
    if refusal:
        form = ErasureForm(request.POST, user=request.user)
        ratelimit.refuse(form, refusal)
        return _overview(request, form=form, status=429)
    form = ErasureForm(request.POST, user=request.user)
    if not form.is_valid():
        if form.has_error("password"):
            ratelimit.record(request, "login", account=account)
        return _overview(request, form=form, status=400)
    erasure_request = actions.request_erasure(request.user, source=ErasureSource.SELF, by=request.user)
    if erasure_request.status == ErasureStatus.DONE:
        logout(request)
        return redirect("privacy:erased")
    messages.info(request, _("Your request was recorded. The EXPOO team will contact you before your account is erased."))
    return redirect("privacy:overview")


def erased(request):
    return render(request, "privacy/erased.html")
