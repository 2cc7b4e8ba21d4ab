"""Thematic dossiers: per theme, the essentials in one place, edited in the CMS.

A dossier brings together key insights from research (each with its source in the Toolbox),
knowledge documents chosen from the Toolbox, practices (chosen, plus the other public practices
with the theme), related dossiers and testimonials. What it links to is shown only while that is
public itself: an unpublished publication or a practice that is not public is left out.
"""

import functools

from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import restrictions
from pages.blocks import RICH_TEXT_FEATURES
from practices.choosers import practice_chooser_viewset

from .blocks import InsightBlock, TestimonialBlock

MORE_PRACTICES = 6
UPCOMING_EVENTS = 4


class DossierIndexPage(restrictions.ViewRestrictionsFromMemory, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["dossiers.ThemeDossierPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overview of thematic dossiers")

    def route(self, request, path_components):
        # A dossier and its theme in one query; Wagtail's route takes two (the page, then its
        # specific row) and the template a third (the theme). Anything else goes Wagtail's way.
        if path_components:
            dossier = ThemeDossierPage.objects.child_of(self).select_related("theme").filter(slug=path_components[0]).first()
            if dossier is not None:
                dossier._cached_parent_obj = self  # as Page.route does: get_parent() needs no query
                return dossier.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        dossiers = restrictions.public(ThemeDossierPage.objects.child_of(self).live())
        context["dossiers"] = dossiers.select_related("theme").order_by("title")
        return context


class ThemeDossierPage(restrictions.ViewRestrictionsFromMemory, Page):
    theme = models.OneToOneField(
        "core.Theme",
        on_delete=models.PROTECT,
        related_name="dossier",
        verbose_name=_("theme"),
        help_text=_("One dossier per theme. Practices and publications with this theme are suggested on the page."),
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("Two or three sentences for the overview and search results.")
    )
    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    insights = StreamField(
        [("insight", InsightBlock())],
        verbose_name=_("key insights from research"),
        blank=True,
    )
    testimonials = StreamField(
        [("testimonial", TestimonialBlock())],
        verbose_name=_("testimonials"),
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("summary"),
        FieldPanel("introduction"),
        FieldPanel("insights"),
        MultiFieldPanel([InlinePanel("knowledge_documents", label=_("Publication"))], heading=_("Knowledge documents")),
        MultiFieldPanel([InlinePanel("chosen_practices", label=_("Practice"))], heading=_("Practices")),
        MultiFieldPanel([InlinePanel("related_dossiers", label=_("Dossier"))], heading=_("Related dossiers")),
        FieldPanel("testimonials"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("introduction"),
        index.SearchField("insights"),
        index.SearchField("testimonials"),
    ]
    parent_page_types = ["dossiers.DossierIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("thematic dossier")
        verbose_name_plural = _("thematic dossiers")

    # What the public page shows: only what is public itself ------------------------------
    # Each reads the page's own links (`.all()`), so a preview shows the links an editor has just
    # chosen and not saved yet, then asks the linked model's visibility verb in one query.
    def public_documents(self):
        """The chosen publications that are published, in the editor's order."""
        from toolbox.models import Publication

        ids = [link.publication_id for link in self.knowledge_documents.all()]
        public = Publication.objects.public().in_bulk(ids)
        return [public[pk] for pk in ids if pk in public]

    def public_practices(self):
        """The chosen public practices, then the newest other published ones with the theme (which
        ones from the databank's in-memory index; all of them read in one query)."""
        from practices.facets import FacetIndex
        from practices.models import Practice

        ids = [link.practice_id for link in self.chosen_practices.all()]
        chosen_ids = set(ids)
        newest = FacetIndex.current().newest_described([self.theme_id], MORE_PRACTICES + len(chosen_ids))
        more_ids = [pk for pk, _title, _slug in newest if pk not in chosen_ids][:MORE_PRACTICES]
        public = Practice.objects.public().in_bulk(ids + more_ids)
        return [public[pk] for pk in ids if pk in public], [public[pk] for pk in more_ids if pk in public]

    def upcoming_events(self):
        """The next few public events with the dossier's theme ("upcoming trainings on the theme")."""
        from events.facets import EventIndex
        from events.models import Event
        from events.search import sessions_from_index

        # Which ones, from the agenda's in-memory index of the public events (the order of
        # `Event.objects.public().upcoming()`: next session, then id); then only those are read.
        now = timezone.now()
        index = EventIndex.current()
        ids = index.soonest_first(index.upcoming(now) & index.theme.get(self.theme_id, 0), now, UPCOMING_EVENTS)
        if not ids:
            return []
        by_pk = {}
        for event in Event.objects.public().filter(pk__in=ids).select_related("municipality"):
            sessions_from_index(index, event)
            by_pk[event.pk] = event
        return [by_pk[pk] for pk in ids if pk in by_pk]

    def public_related(self):
        """The related dossiers that are live and not behind a view restriction, in the editor's order."""
        from .directory import DossierDirectory

        ids = [link.dossier_id for link in self.related_dossiers.all() if link.dossier_id != self.pk]
        return DossierDirectory.current().visible(ids)

    def get_context(self, request, *args, **kwargs):
        # Read when the template asks: most of the page is kept ({% kept %}), and then the
        # publications, practices and related dossiers it names are not read at all.
        context = super().get_context(request, *args, **kwargs)
        practices = functools.cache(self.public_practices)
        context.update(
            {
                "documents": SimpleLazyObject(self.public_documents),
                "chosen_practices": SimpleLazyObject(lambda: practices()[0]),
                "more_practices": SimpleLazyObject(lambda: practices()[1]),
                "related": SimpleLazyObject(self.public_related),
                "upcoming_events": self.upcoming_events(),
            }
        )
        return context


class DossierPublication(Orderable):
    page = ParentalKey(ThemeDossierPage, on_delete=models.CASCADE, related_name="knowledge_documents")
    publication = models.ForeignKey(
        "toolbox.Publication", on_delete=models.CASCADE, related_name="dossier_links", verbose_name=_("publication")
    )
    note = models.CharField(_("why read it"), max_length=250, blank=True)

    panels = [FieldPanel("publication"), FieldPanel("note")]


class DossierPractice(Orderable):
    page = ParentalKey(ThemeDossierPage, on_delete=models.CASCADE, related_name="chosen_practices")
    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.CASCADE, related_name="dossier_links", verbose_name=_("practice")
    )

    panels = [FieldPanel("practice", widget=practice_chooser_viewset.widget_class)]


class RelatedDossier(Orderable):
    page = ParentalKey(ThemeDossierPage, on_delete=models.CASCADE, related_name="related_dossiers")
    dossier = models.ForeignKey(ThemeDossierPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("dossier"))

    panels = [FieldPanel("dossier")]
