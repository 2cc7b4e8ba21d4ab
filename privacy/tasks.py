"""The daily retention run. It re-queues itself for the next night, so one scheduled task keeps
going as long as the worker runs (as practices.tasks does for the reminders)."""

import datetime
import logging

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)
PURGE_HOUR = 3  # Brussels time, when the platform is quiet


def next_run(now=None) -> datetime.datetime:
    now = timezone.localtime(now)
    run = now.replace(hour=PURGE_HOUR, minute=0, second=0, microsecond=0)
    return run if run > now else run + datetime.timedelta(days=1)


@task()
def purge_personal_data(reschedule: bool = True) -> dict:
    from .retention import purge

    report = purge()
    logger.info("personal data purged: %s", report)
    if reschedule:
        purge_personal_data.using(run_after=next_run()).enqueue()
    return report


def ensure_scheduled() -> bool:
    """Queue the daily run unless one is already waiting (database backend only). True if queued."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - backend not installed
        return False
    if DBTaskResult.objects.filter(task_path=purge_personal_data.module_path, status="READY").exists():
        return False
    purge_personal_data.using(run_after=next_run()).enqueue()
    return True
