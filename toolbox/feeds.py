"""Atom and RSS feeds of new publications (all, or one theme with ?thema=slug), and the sitemap."""

from html import escape

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from core.models import Theme
from core.search import clean_param

from .models import Publication

FEED_SIZE = 30


class NewPublicationsFeed(Feed):
    """Atom feed of newly published publications, newest first; ?thema=slug narrows it to a theme."""

    feed_type = Atom1Feed

    def get_object(self, request):
        slug = clean_param(request.GET.get("thema"))  # PostgreSQL refuses a NUL in a query
        # An unknown theme raises DoesNotExist, which the feed view answers with 404.
        return Theme.objects.get(slug=slug) if slug else None

    def title(self, theme):
        if theme:
            return _("EXPOO Toolbox: new publications on %(theme)s") % {"theme": theme.label}
        return _("EXPOO Toolbox: new publications")

    def subtitle(self, theme):
        return _("Reports, articles, books, podcasts and practice materials about parenting and family support.")

    description = subtitle  # RSS calls it description

    def link(self, theme):
        url = reverse("toolbox:list")
        return f"{url}?thema={theme.slug}" if theme else url

    def items(self, theme):
        qs = Publication.objects.public()
        if theme:
            qs = qs.filter(themes=theme)
        return qs.prefetch_related("authors", "themes").order_by("-first_published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.description, quote=False)  # HTML to feed readers (Atom summary, RSS description)

    def item_author_name(self, item):
        return ", ".join(a.display_name for a in item.authors.all()) or None

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_publication_type_display(), *(t.label for t in item.themes.all())]


class NewPublicationsRssFeed(NewPublicationsFeed):
    feed_type = Rss201rev2Feed


class PublicationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Publication.objects.public().order_by("pk")

    def lastmod(self, obj):
        return obj.last_published_at
