"""Retention: personal data that has served its purpose is purged after the periods in settings.

- Messages sent through the site's forms (the contact page): EXPOO_RETENTION_CONTACT_MESSAGES_DAYS
  after they were sent.
- Accounts nobody logged in to (since the last login, or since the account was made):
  EXPOO_RETENTION_INACTIVE_ACCOUNT_DAYS. The person is warned by e-mail
  EXPOO_RETENTION_WARNING_DAYS before; logging in cancels it. An account is erased only when both
  the period and the warning's notice have passed, through the same erasure as a person's own
  request (so a last organisation administrator waits for an administrator, and the team is told).
  Staff accounts (the team, the commission, administrators) are never erased this way: the team is
  told once instead.
- Declined account requests and invitations that expired unused: EXPOO_RETENTION_CLOSED_REQUESTS_DAYS
  after the decision or the expiry (an approved request or an accepted invitation stays with the
  account, and goes with it).
- Finished background tasks (they hold e-mail addresses and texts): EXPOO_RETENTION_TASK_RESULTS_DAYS.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import actions, erasure
from .models import ErasureRequest, ErasureSource, InactivityWarning


def _days(name: str) -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, name))


def purge_contact_messages(now) -> int:
    from wagtail.contrib.forms.models import FormSubmission

    return FormSubmission.objects.filter(submit_time__lt=now - _days("EXPOO_RETENTION_CONTACT_MESSAGES_DAYS")).delete()[0]


def purge_closed_requests(now) -> int:
    from accounts.models import AccountRequest, Invitation, RequestStatus

    cutoff = now - _days("EXPOO_RETENTION_CLOSED_REQUESTS_DAYS")
    declined = AccountRequest.objects.filter(status=RequestStatus.DECLINED, decided_at__lt=cutoff).delete()[0]
    expired = Invitation.objects.filter(accepted_at__isnull=True, expires_at__lt=cutoff).delete()[0]
    return declined + expired


def purge_task_results(now) -> int:
    if not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    cutoff = now - _days("EXPOO_RETENTION_TASK_RESULTS_DAYS")
    return DBTaskResult.objects.filter(finished_at__lt=cutoff).delete()[0]


def is_staff_account(user) -> bool:
    """The team, the commission and administrators: any role group, Wagtail access or superuser."""
    return user.is_staff or user.is_superuser or user.groups.exists()


def accounts_with_last_seen():
    return erasure.not_erased(get_user_model().objects.all()).annotate(last_seen=Coalesce("last_login", "date_joined"))


def purge_inactive_accounts(now) -> dict:
    limit = _days("EXPOO_RETENTION_INACTIVE_ACCOUNT_DAYS")
    notice = _days("EXPOO_RETENTION_WARNING_DAYS")
    report = {"warned": 0, "team_told": 0, "erased": 0, "waiting": 0}

    # Whoever logged in since their warning came back: the warning no longer counts.
    InactivityWarning.objects.filter(user__last_login__gt=F("warned_at")).delete()

    people = accounts_with_last_seen().filter(inactivity_warning__isnull=True)
    for user in people.filter(last_seen__lt=now - (limit - notice)).prefetch_related("groups"):
        if is_staff_account(user):
            if user.last_seen < now - limit:
                actions.tell_team_inactive_staff(user, last_seen=user.last_seen)
                report["team_told"] += 1
            continue
        erase_on = max(user.last_seen + limit, now + notice)
        actions.warn_inactive(user, erase_on=timezone.localdate(erase_on))
        report["warned"] += 1

    waiting = ErasureRequest.objects.waiting().values("user_id")
    due = (
        accounts_with_last_seen()
        .filter(inactivity_warning__team_told=False, inactivity_warning__warned_at__lte=now - notice, last_seen__lt=now - limit)
        .exclude(pk__in=waiting)
    )
    for user in due:
        if is_staff_account(user):  # became staff after the warning
            continue
        result = actions.request_erasure(user, source=ErasureSource.RETENTION)
        report["erased" if result.status == "done" else "waiting"] += 1
    return report


def purge(now=None) -> dict:
    """Apply every retention period once; returns what was done, as counts."""
    now = now or timezone.now()
    return {
        "contact_messages": purge_contact_messages(now),
        "closed_requests": purge_closed_requests(now),
        "task_results": purge_task_results(now),
        **purge_inactive_accounts(now),
    }
