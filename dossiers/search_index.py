"""Thematic dossiers in the site search as a kind of their own (not among the editorial pages):
live dossiers without a view restriction, with their summary, introduction, insights and
testimonials."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished

import sitesearch
from pages import search_index as pages_index
from sitesearch.indexing import text_from_search_fields
from sitesearch.tasks import schedule

from .models import ThemeDossierPage

KIND = "dossier"
pages_index.OWN_KIND_PAGE_TYPES.append(ThemeDossierPage)


def public_dossiers():
    return ThemeDossierPage.objects.live().public().select_related("theme")


def document(dossier: ThemeDossierPage) -> dict:
    return {
        "title": dossier.title,
        "text": "\n".join(part for part in [dossier.summary, text_from_search_fields(dossier)] if part),
        "url": dossier.url or "",
        "date": dossier.last_published_at or dossier.first_published_at,
        "themes": [dossier.theme_id],
        "language": "nl",
    }


sitesearch.register(
    KIND,
    label=_("Thematic dossier"),
    label_plural=_("Thematic dossiers"),
    queryset=public_dossiers,
    document=document,
    url=lambda dossier: dossier.url,
    order=30,
    code=5,
)


@receiver(page_published, sender=ThemeDossierPage)
@receiver(page_unpublished, sender=ThemeDossierPage)
@receiver(post_save, sender=ThemeDossierPage)
@receiver(post_delete, sender=ThemeDossierPage)
def _dossier_changed(instance, raw=False, **kwargs):
    if not raw:
        schedule(KIND, instance.pk)
