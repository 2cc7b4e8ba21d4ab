"""Background work of the Toolbox: storing the formatted references of publications that changed."""

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_tasks import task

from .models import Publication, PublicationAuthor

BATCH = 500


@task()
def store_citations_of(pks: list[int]) -> int:
    """Store the references of these publications, if public, where missing or stale."""
    from .citations import store_citations

    written = 0
    for start in range(0, len(pks), BATCH):
        rows = (
            Publication.objects.public()
            .filter(pk__in=pks[start : start + BATCH])
            .select_related("stored_citation")
            .prefetch_related("authors", "themes")
        )
        written += store_citations(rows)
    return written


_pending = threading.local()


def schedule(pk) -> None:
    """Store the publication's references once the transaction commits (its authors are saved by
    then). A publication saved with its authors asks once per row; they leave as one task."""
    if pk is None:
        return
    if not hasattr(_pending, "pks"):
        _pending.pks = set()
    _pending.pks.add(int(pk))
    # One callback per call is cheap; the first to run takes the whole batch. A rolled-back
    # transaction drops its callbacks, and its publications go with the next commit (a harmless re-check).
    transaction.on_commit(_flush, robust=True)


def _flush() -> None:
    pks = getattr(_pending, "pks", None)
    if pks:
        batch = sorted(pks)
        pks.clear()
        store_citations_of.enqueue(batch)


@receiver(post_save, sender=Publication, dispatch_uid="toolbox-citations-publication")
def _publication_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not set(update_fields) - {"locked", "locked_at", "locked_by"}:
        return
    schedule(instance.pk)


@receiver(post_save, sender=PublicationAuthor, dispatch_uid="toolbox-citations-author-saved")
@receiver(post_delete, sender=PublicationAuthor, dispatch_uid="toolbox-citations-author-deleted")
def _author_changed(sender, instance, **kwargs):
    schedule(instance.publication_id)
