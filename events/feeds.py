"""Atom feed of newly published events (all, or one theme with ?thema=slug), and the sitemap."""

from html import escape

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.models import Theme
from core.search import clean_param

from .models import EVENT_TZ, Event

FEED_SIZE = 30


class NewEventsFeed(Feed):
    """Atom feed of the events most recently published in the agenda, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request):
        slug = clean_param(request.GET.get("thema"))  # PostgreSQL refuses a NUL in a query
        # An unknown theme raises DoesNotExist, which the feed view answers with 404.
        return Theme.objects.get(slug=slug) if slug else None

    def title(self, theme):
        if theme:
            return _("EXPOO agenda: new events on %(theme)s") % {"theme": theme.label}
        return _("EXPOO agenda: new events")

    def subtitle(self, theme):
        return _("Trainings, study days, webinars and the congress on parenting and family support.")

    def link(self, theme):
        url = reverse("events:agenda")
        return f"{url}?thema={theme.slug}" if theme else url

    def items(self, theme):
        qs = Event.objects.public()
        if theme:
            qs = qs.filter(themes=theme)
        return (
            qs.prefetch_related("sessions", "organisers")
            .select_related("municipality")
            .order_by("-approved_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        sessions = item.ordered_sessions()
        if not sessions:
            return item.title
        when = formats.date_format(timezone.localtime(sessions[0].start, EVENT_TZ), "j F Y")
        return f"{item.title} ({when})"

    def item_description(self, item):
        place = item.location_text()
        text = f"{item.summary}\n{place}" if place else item.summary
        return escape(text, quote=False)  # Atom's summary is HTML to feed readers

    def item_author_name(self, item):
        return ", ".join(item.organiser_names()) or None

    def item_pubdate(self, item):
        return item.approved_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.public().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at
