"""The daily reminder run: overdue reviews and due re-assessments. It re-queues itself for the
next morning, so one scheduled task keeps going as long as the worker runs."""

import datetime
import logging

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)
REMINDER_HOUR = 8  # Brussels time


def next_run(now=None) -> datetime.datetime:
    now = timezone.localtime(now)
    run = now.replace(hour=REMINDER_HOUR, minute=0, second=0, microsecond=0)
    return run if run > now else run + datetime.timedelta(days=1)


@task()
def send_practice_reminders(reschedule: bool = True) -> int:
    from .actions import send_reminders

    sent = send_reminders()
    logger.info("practice reminders sent: %s", sent)
    if reschedule:
        send_practice_reminders.using(run_after=next_run()).enqueue()
    return sent


def ensure_scheduled() -> bool:
    """Queue the daily run unless one is already waiting (database backend only). True if queued."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - backend not installed
        return False
    path = f"{send_practice_reminders.module_path}"
    if DBTaskResult.objects.filter(task_path=path, status="READY").exists():
        return False
    send_practice_reminders.using(run_after=next_run()).enqueue()
    return True


@task()
def store_practice_bodies(pks: list[int] | None = None) -> int:
    """Store the public pages' bodies of these practices (every public one when None) in every
    site language, where missing or stale (practices.body)."""
    from .body import store

    return store(pks)
