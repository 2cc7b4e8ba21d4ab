"""Every privacy change of state: asking for erasure, running it, warning inactive accounts.

Each writes in one transaction, records the audit entry in Wagtail's log (never with the person's
data) and sends its e-mails through notify(...) after the commit."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from notifications.service import notify

from . import erasure
from .models import ErasureRequest, ErasureSource, ErasureStatus, InactivityWarning


def can_run_erasure(user) -> tuple[bool, str]:
    """Administrators run waiting erasures (the permission privacy.run_erasure; superusers have it)."""
    if user.is_authenticated and user.is_active and user.has_perm("privacy.run_erasure"):
        return True, ""
    return False, "only administrators run erasures"


@transaction.atomic
def request_erasure(user, *, source: str, by=None) -> ErasureRequest:
    """Record a request to erase `user`. It runs at once unless something blocks it
    (erasure.blockers); then it waits and the team is told by e-mail."""
    found = erasure.blockers(user)
    waiting = ErasureRequest.objects.waiting().select_for_update().filter(user=user).first()
    if not found:
        return run_erasure(waiting or ErasureRequest.objects.create(user=user, source=source), by=by)
    if waiting:
        waiting.blockers = found
        waiting.save(update_fields=["blockers"])
        return waiting
    erasure_request = ErasureRequest.objects.create(user=user, source=source, blockers=found)
    log(
        erasure_request, "expoo.privacy.erasure_waiting", user=by, data={"source": source, "blockers": [b["code"] for b in found]}
    )
    notify(
        "privacy.erasure_waiting",
        recipients=[settings.EXPOO_TEAM_EMAIL],
        template="privacy_erasure_waiting",
        context={
            "erasure_request": erasure_request,
            "person": user,
            "reasons": [erasure.blocker_label(b) for b in found],
            "command": f"manage.py erase_person {user.email}",
        },
        url=reverse("privacy_admin_requests"),
    )
    return erasure_request


@transaction.atomic
def run_erasure(erasure_request: ErasureRequest, *, by=None) -> ErasureRequest:
    """Erase the person of this request now (an administrator's decision when it was waiting).

    The person gets a last e-mail at their former address saying it was done."""
    if by is not None and by.pk != erasure_request.user_id:
        allowed, reason = can_run_erasure(by)
        if not allowed:
            raise PermissionDenied(reason)
    erasure_request = ErasureRequest.objects.select_for_update().get(pk=erasure_request.pk)
    if erasure_request.status == ErasureStatus.DONE:
        return erasure_request
    user = erasure_request.user
    address = user.email
    summary = erasure.erase(user)
    erasure_request.status = ErasureStatus.DONE
    erasure_request.completed_at = timezone.now()
    erasure_request.completed_by = by if by is not None and by.pk != user.pk else None
    erasure_request.summary = summary
    erasure_request.save(update_fields=["status", "completed_at", "completed_by", "summary"])
    # The entry names the request and counts, never the person (the account is anonymised by now).
    log(
        erasure_request,
        "expoo.privacy.erased",
        user=erasure_request.completed_by,
        data={"source": erasure_request.source, "summary": summary},
    )
    notify("privacy.erased", recipients=[address], template="privacy_erased", context={"source": erasure_request.source})
    return erasure_request


def erase_now(user, *, by=None) -> ErasureRequest:
    """An administrator erases a person (the admin or `manage.py erase_person`), whatever waits."""
    with transaction.atomic():
        waiting = ErasureRequest.objects.waiting().filter(user=user).first()
        erasure_request = waiting or ErasureRequest.objects.create(
            user=user, source=ErasureSource.ADMINISTRATOR, blockers=erasure.blockers(user)
        )
        return run_erasure(erasure_request, by=by)


@transaction.atomic
def warn_inactive(user, *, erase_on) -> InactivityWarning:
    """Tell an inactive person that their account will be erased on `erase_on` unless they log in."""
    warning = InactivityWarning.objects.create(user=user, warned_at=timezone.now())
    notify(
        "privacy.inactive_warning",
        recipients=[user],
        template="privacy_inactive_warning",
        context={"erase_on": erase_on, "days": settings.EXPOO_RETENTION_INACTIVE_ACCOUNT_DAYS},
        url=reverse("accounts:login"),
    )
    return warning


@transaction.atomic
def tell_team_inactive_staff(user, *, last_seen) -> InactivityWarning:
    """A staff account passed the inactivity limit: it is never erased silently; the team decides."""
    warning = InactivityWarning.objects.create(user=user, warned_at=timezone.now(), team_told=True)
    notify(
        "privacy.inactive_staff",
        recipients=[settings.EXPOO_TEAM_EMAIL],
        template="privacy_inactive_staff",
        context={"person": user, "last_seen": last_seen, "days": settings.EXPOO_RETENTION_INACTIVE_ACCOUNT_DAYS},
        url=reverse("privacy_admin_requests"),
    )
    return warning
