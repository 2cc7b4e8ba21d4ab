from html import escape

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Practice


class PublishedPracticesFeed(Feed):
    """Atom feed of practices whose description was published, newest first."""

    feed_type = Atom1Feed
    title = _("EXPOO: newly published practices")
    subtitle = _("Practices described and reviewed in the database of quality practices.")

    def link(self):
        return reverse("practices:databank")

    def items(self):
        return Practice.objects.published().order_by("-published_at")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.summary, quote=False)  # Atom's summary is HTML to feed readers

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.get_level_display()]


class PracticeSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Practice.objects.public().order_by("pk")

    def lastmod(self, obj):
        return obj.published_at or obj.updated_at
