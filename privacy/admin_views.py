"""Administrators see the erasure requests that wait, and run them, in the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import actions, erasure
from .models import ErasureRequest


def _check(request):
    allowed, reason = actions.can_run_erasure(request.user)
    if not allowed:
        raise PermissionDenied(reason)


def requests(request):
    _check(request)
    waiting = [
        (r, [erasure.blocker_label(b) for b in erasure.blockers(r.user)])
        for r in ErasureRequest.objects.waiting().filter(user__isnull=False).select_related("user")
    ]
    done = ErasureRequest.objects.done()[:50]
    return render(request, "privacy/admin/requests.html", {"waiting": waiting, "done": done})


@require_http_methods(["GET", "POST"])
def run(request, pk):
    _check(request)
    erasure_request = get_object_or_404(ErasureRequest.objects.waiting().filter(user__isnull=False).select_related("user"), pk=pk)
    if request.method == "POST":
        actions.run_erasure(erasure_request, by=request.user)
        messages.success(request, _("The person was erased."))
        return redirect("privacy_admin_requests")
    reasons = [erasure.blocker_label(b) for b in erasure.blockers(erasure_request.user)]
    return render(request, "privacy/admin/run.html", {"erasure_request": erasure_request, "reasons": reasons})
