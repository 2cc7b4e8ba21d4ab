"""Background work of the Toolbox: storing the formatted references of publications that changed."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_tasks import task

from core.oncommit import Batch

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


_pending = Batch(lambda pks: store_citations_of.enqueue(pks))


def schedule(pk) -> None:
    """Store the publication's references once the transaction commits (its authors are saved by
    then). A publication saved with its authors asks once per row; they leave as one task."""
    _pending.add([None if pk is None else int(pk)])


@receiver(post_save, sender=Publication, dispatch_uid="toolbox-citations-publication")
def _publication_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not set(update_fields) - {"locked", "locked_at", "locked_by"}:
        return
    schedule(instance.pk)


@receiver(post_save, sender=PublicationAuthor, dispatch_uid="toolbox-citations-author-saved")
@receiver(post_delete, sender=PublicationAuthor, dispatch_uid="toolbox-citations-author-deleted")
def _author_changed(sender, instance, **kwargs):
    schedule(instance.publication_id)


@task()
def store_publication_bodies(pks: list[int] | None = None) -> int:
    """Store the public pages' bodies of these publications (every public one when None) in every
    site language, where missing or stale (toolbox.body)."""
    from .body import store

    return store(pks)
