"""Editorial pages in the site search: live pages without a view restriction on them or above
them (Page.objects.live().public()), news items included. The text is what the pages' Wagtail
`search_fields` hold, so a new page type is searchable as soon as it declares them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

import sitesearch
from sitesearch.indexing import text_from_search_fields
from sitesearch.tasks import schedule, schedule_many

KIND = "page"
# Page types that another capability indexes as a kind of its own (dossiers): not pages here.
OWN_KIND_PAGE_TYPES: list = []


def public_pages():
    pages = Page.objects.live().public().filter(depth__gt=1)
    if OWN_KIND_PAGE_TYPES:
        pages = pages.not_type(*OWN_KIND_PAGE_TYPES)
    return pages.specific()


def document(page) -> dict:
    date = getattr(page, "date", None) or page.last_published_at or page.first_published_at
    themes = page.themes.all() if hasattr(page, "themes") else []
    return {
        "title": page.title,
        "text": "\n".join(part for part in [page.search_description, text_from_search_fields(page)] if part),
        "url": page.url or "",
        "date": date,
        "themes": list(themes),
        "language": "nl",
    }


sitesearch.register(
    KIND,
    label=_("Page"),
    label_plural=_("Pages"),
    queryset=public_pages,
    document=document,
    url=lambda page: page.url,
    order=90,
    code=4,
)


@receiver(post_save)
def _page_saved(sender, instance, raw=False, **kwargs):
    # Sent with the page's own class as sender; live content is saved on the page row.
    if isinstance(instance, Page) and not raw:
        schedule(KIND, instance.pk)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_delete, sender=Page)
def _page_changed(instance, **kwargs):
    schedule(KIND, instance.pk)


def _with_descendants(page) -> None:
    schedule_many(KIND, Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


@receiver(post_page_move)
def _page_moved(instance, **kwargs):
    _with_descendants(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _restriction_changed(instance, raw=False, **kwargs):
    if raw:
        return
    try:
        page = instance.page
    except Page.DoesNotExist:  # deleted together with its page, which leaves the index by itself
        return
    _with_descendants(page)
