"""Renew the "pages" version when the page tree that menus are built from, or the footer, changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import versions
from .context_processors import PAGES_VERSION


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(**kwargs):
    versions.bump(PAGES_VERSION)


@receiver(post_save)
@receiver(post_delete)
def _tree_changed(sender, instance, **kwargs):
    # Pages are saved as their own class (ContentPage, ...): no single sender to listen to. The
    # site settings (the footer) are shown on every page and cached with the menu.
    if isinstance(instance, Page | Site | BaseSiteSetting):
        versions.bump(PAGES_VERSION)
