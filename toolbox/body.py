"""The body of a publication's page, rendered when it changes and stored (core.fragments).

A publication's page costs about 7 ms in-process when it renders its body (loading its authors,
terms and document, formatting its reference, running the template) and about 3.5 ms when it
reads it; a per-process cache was cold for most of 100,000 publications. So, as for practices
(practices/body.py), everything the body shows renews the publication's `page_stamp` in the
transaction that changes it (the handlers below: the publication, its authors, its terms, its
file), and the task worker then stores the body again in every site language. The key also holds
the "taxonomy" stamp (the terms' names), the language and the release (core.fragments.key).

The related practices and dossiers depend on other objects and are not stored: they come from the
in-memory indexes at each request and go into RELATED_SLOT. The site's address goes where the body
has core.fragments.BASE (the reference names the page).
"""

import re

from django.db.models import prefetch_related_objects
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from wagtail.documents import get_document_model

from core import fragments, taxonomy, versions
from core.models import TAXONOMY_MODELS
from practices.models import Practice

from .citations import FORMAT_LABELS, format_citation
from .models import Publication, PublicationAuthor

KIND = "publication-body"
# Where the related practices and dossiers go; it names the publication's themes they are found by,
# so a stored body needs no query for them.
RELATED_SLOT = re.compile(r"<!--expoo:related:([0-9,]*)-->")
RELATED_PRACTICES = 4
RELATED_DOSSIERS = 4
TERM_RELATIONS = ("themes", "target_groups", "age_groups", "support_functions", "settings")
BATCH = 200
# Fields whose saving alone changes nothing the public page shows.
UNSHOWN_FIELDS = {"locked", "locked_at", "locked_by", "latest_revision", "has_unpublished_changes", "page_stamp"}


def related_practices(theme_ids: list[int]) -> list:
    """Practices with a public description that share a theme with the publication, newest first
    (the databank's order), from the databank's facet index: no query."""
    from practices.facets import FacetIndex

    found = FacetIndex.current().newest_described(theme_ids, RELATED_PRACTICES) if theme_ids else []
    return [Practice(pk=pk, title=title, slug=slug) for pk, title, slug in found]


def related_dossiers(publication_pk, theme_ids: list[int]) -> list:
    """Live, public thematic dossiers that list the publication, then those on one of its themes."""
    from dossiers.directory import DossierDirectory  # the live, public dossiers, kept in memory

    return DossierDirectory.current().for_publication(publication_pk, theme_ids, RELATED_DOSSIERS)


def render(publication, base_url: str) -> str:
    """The body with RELATED_SLOT in place of the related practices and dossiers; `publication`
    has its authors, terms, document and stored reference at hand."""
    theme_ids = ",".join(str(term.pk) for term in publication.themes.all())
    return render_to_string(
        "toolbox/_publication_body.html",
        {
            "publication": publication,
            "authors": list(publication.authors.all()),
            "citation": format_citation(publication, base_url),
            "export_formats": FORMAT_LABELS,
            "related_slot": mark_safe(f"<!--expoo:related:{theme_ids}-->"),  # noqa: S308 - digits and commas
        },
    )


def with_related(html: str, publication_pk) -> SafeString:
    """The body with the related practices and dossiers in its RELATED_SLOT."""
    slot = RELATED_SLOT.search(html)
    if slot is None:  # not one of ours
        return mark_safe(html)  # noqa: S308 - a stored body, which only the task worker writes
    theme_ids = [int(pk) for pk in slot.group(1).split(",") if pk]
    related = render_to_string(
        "toolbox/_publication_related.html",
        {"related_practices": related_practices(theme_ids), "related_dossiers": related_dossiers(publication_pk, theme_ids)},
    )
    return mark_safe(html[: slot.start()] + related + html[slot.end() :])  # noqa: S308 - our own rendering


def key(publication, language: str) -> str:
    return _key(publication.pk, publication.page_stamp, language)


def _key(pk: int, page_stamp: int, language: str) -> str:
    return fragments.key(KIND, pk, page_stamp, versions.current("taxonomy"), language)


def body(publication, request) -> SafeString:
    """The page's body for a public publication: the stored one if current, else rendered now;
    the related practices and dossiers in place."""
    language = translation.get_language()
    base = f"{request.scheme}://{request.get_host()}"
    html = fragments.read(KIND, publication.pk, language, key(publication, language), base)
    if html is None:  # not stored yet (the worker is behind, or a new release): render it now
        publication = Publication.objects.select_related("document", "stored_citation").get(pk=publication.pk)
        load(publication)
        html = fragments.with_base(render(publication, fragments.BASE), base)
    return with_related(html, publication.pk)


def load(publication) -> None:
    """What the body shows beyond the row (and its document and stored reference, which the page
    selects with it): the authors, and the terms of all five taxonomies in one query (core.taxonomy)
    instead of five, stored where Django's prefetch_related keeps them, so `publication.themes.all()`
    (the template, the reference) reads them in the terms' own order."""
    prefetch_related_objects([publication], "authors")
    found = taxonomy.terms_of(publication, TERM_RELATIONS)
    cache = publication.__dict__.setdefault("_prefetched_objects_cache", {})
    for relation, terms in found.items():
        queryset = getattr(publication, relation).get_live_queryset()
        queryset._result_cache, queryset._prefetch_done = terms, True
        cache[relation] = queryset


def _public_publications(pks):
    publications = list(
        Publication.objects.public().filter(pk__in=pks).select_related("document", "stored_citation").order_by("pk")
    )
    for publication in publications:
        load(publication)
    return publications


def _render_in(publication, language: str) -> str:
    with translation.override(language):
        return render(publication, fragments.BASE)


def store(pks=None) -> int:
    """Store the bodies of these publications (every public one when None) where missing or stale;
    forget those of publications the public may no longer see. Returns how many were rendered."""
    return fragments.store_public(KIND, Publication.objects.public(), pks, _key, _public_publications, _render_in, BATCH)


# What the body shows changes: renew the publications' page stamps in the same transaction, and
# have the worker store their bodies after the commit.


def _send(pks) -> None:
    from .tasks import store_publication_bodies

    store_publication_bodies.enqueue(pks)  # None: every public publication


stamps = fragments.PageStamps(Publication, KIND, _send)
changed = stamps.renew  # these publications' bodies changed (fragments.ALL: every publication's)


def _publication_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not set(update_fields) - UNSHOWN_FIELDS:
        return  # the editing lock, a new draft: nothing the public page shows
    stamps.renew_saved(instance)


def _publication_deleted(sender, instance, **kwargs):
    stamps.forget(instance)


def _author_changed(sender, instance, **kwargs):
    changed({instance.publication_id})


def _terms_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        changed({instance.pk})
    else:  # a term's publications: those named, or every publication when cleared (the links are gone)
        changed(pk_set if pk_set is not None else fragments.ALL)


def _document_changed(sender, instance, **kwargs):
    """A file replaced or renamed: its address and size are on the pages of the publications it belongs to."""
    changed(Publication.objects.filter(document_id=instance.pk).values_list("pk", flat=True))


def _taxonomy_changed(sender, **kwargs):
    # Terms are in the key through the taxonomy stamp: the bodies need storing again, not a new stamp.
    stamps.store_all_again()


def connect_signals() -> None:
    """Called from ToolboxConfig.ready() (the document model is known only then)."""
    post_save.connect(_publication_saved, sender=Publication, dispatch_uid="publication-body-saved")
    post_delete.connect(_publication_deleted, sender=Publication, dispatch_uid="publication-body-deleted")
    post_save.connect(_author_changed, sender=PublicationAuthor, dispatch_uid="publication-body-author-saved")
    post_delete.connect(_author_changed, sender=PublicationAuthor, dispatch_uid="publication-body-author-deleted")
    for relation in TERM_RELATIONS:
        m2m_changed.connect(
            _terms_changed, sender=getattr(Publication, relation).through, dispatch_uid=f"publication-body-{relation}"
        )
    document = get_document_model()
    post_save.connect(_document_changed, sender=document, dispatch_uid="publication-body-document-saved")
    # Before: deleting a file sets the publications' column to NULL without saving them.
    pre_delete.connect(_document_changed, sender=document, dispatch_uid="publication-body-document-deleted")
    for model in TAXONOMY_MODELS:
        post_save.connect(_taxonomy_changed, sender=model, dispatch_uid=f"publication-body-{model.__name__}-saved")
        post_delete.connect(_taxonomy_changed, sender=model, dispatch_uid=f"publication-body-{model.__name__}-deleted")
