"""Publications in the site search: every published (live) publication, kept fresh by signals."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

import sitesearch
from sitesearch.tasks import schedule

from .models import Publication, PublicationAuthor

KIND = "publication"


def public_publications():
    return Publication.objects.public().prefetch_related("authors", "themes")


def document(publication: Publication) -> dict:
    authors = "; ".join(author.display_name for author in publication.authors.all())
    facts = [
        f"{publication.get_publication_type_display()} ({publication.year})",
        authors,
        publication.journal,
        publication.publisher,
    ]
    return {
        "title": publication.title,
        "text": "\n".join(part for part in [publication.description, *facts] if part),
        "url": publication.get_absolute_url(),
        "date": publication.last_published_at,
        "themes": list(publication.themes.all()),
        "language": publication.language,
    }


sitesearch.register(
    KIND,
    label=_("Publication"),
    label_plural=_("Publications"),
    queryset=public_publications,
    document=document,
    order=20,
    code=2,
    hit=lambda publications: publications.only("pk"),  # a result shows its document's title and text
)


@receiver(post_save, sender=Publication)
@receiver(post_delete, sender=Publication)
def _publication_changed(instance, raw=False, **kwargs):
    if not raw:
        schedule(KIND, instance.pk)


@receiver(post_save, sender=PublicationAuthor)
@receiver(post_delete, sender=PublicationAuthor)
def _author_changed(instance, raw=False, **kwargs):
    if not raw:
        schedule(KIND, instance.publication_id)


def _themes_changed(instance, action, reverse, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        schedule(KIND, instance.pk)


m2m_changed.connect(_themes_changed, sender=Publication.themes.through, dispatch_uid="sitesearch_publication_themes")
