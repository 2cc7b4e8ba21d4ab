"""The body of a practice's public page, rendered when it changes and stored (core.fragments).

The body is the description, the facts, the organisations and the citation. Everything it shows
renews the practice's `page_stamp` in the transaction that changes it (the handlers below), and
the task worker then stores the body again in every site language. The related practices depend
on other practices and are not stored: the page puts them in the body's RELATED_SLOT.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from core import fragments, taxonomy, versions
from core.models import TAXONOMY_MODELS
from organisations.models import Municipality, Organisation, Province

from .models import DescriptionTemplate, Material, Practice, PracticeOrganisation, PracticeRole, TemplateSection
from .workflow import LEVELS, PublicView

KIND = "practice-body"
RELATED_SLOT = "<!--expoo:related-practices-->"
TERM_RELATIONS = ("themes", "target_groups", "age_groups", "support_functions", "settings")
BATCH = 200


def practice_context(practice, *, related: bool = True) -> dict:
    """Everything the public page shows, honouring what the level allows."""
    view = practice.public_view
    sections = []
    if view == PublicView.DESCRIPTION:
        description = practice.published_description
        phases = LEVELS[practice.level].phases
        texts = description.section_map()
        for section in description.template.sections.all():
            if section.phase in phases and section.key in texts and texts[section.key].is_filled:
                sections.append({"section": section, "text": texts[section.key]})
    prefetched = getattr(practice, "_prefetched_objects_cache", {})  # a listing (the API) loads them for a page at once
    if "organisation_links" in prefetched:
        links = list(practice.organisation_links.all())
    else:
        links = list(
            PracticeOrganisation.objects.filter(practice=practice).select_related("organisation__municipality__province")
        )
    if all(relation in prefetched for relation in TERM_RELATIONS):
        terms = {relation: list(getattr(practice, relation).all()) for relation in TERM_RELATIONS}
    else:
        terms = taxonomy.terms_of(practice, TERM_RELATIONS)
    if "materials" in prefetched:
        materials = [m for m in practice.materials.all() if m.is_public]
    else:
        materials = list(practice.materials.filter(is_public=True))
    return {
        "practice": practice,
        "view": view,
        "sections": sections,
        "terms": terms,
        "links": links,
        "behind": [link.organisation for link in links if link.role != PracticeRole.APPLIES],
        "also_applied_by": [link.organisation for link in links if link.role == PracticeRole.APPLIES],
        "materials": materials if view == PublicView.DESCRIPTION else [],
        "related": related_practices(practice) if related else [],
    }


def related_practices(practice) -> list:
    """Four practices with a public description sharing a theme, newest first (the databank's
    order), from the databank's facet index: no query. Only on a fully described practice."""
    if practice.public_view != PublicView.DESCRIPTION:
        return []
    from .facets import FacetIndex

    return [Practice(pk=pk, title=title, slug=slug) for pk, title, slug in FacetIndex.current().related(practice.pk, 4)]


def key(practice, language: str) -> str:
    return _key(practice.pk, practice.page_stamp, language)


def _key(pk: int, page_stamp: int, language: str) -> str:
    return fragments.key(KIND, pk, page_stamp, versions.current("taxonomy"), language)


def render(practice, language: str) -> str:
    """The body with BASE as the site's address and the slot for the related practices."""
    with translation.override(language):
        context = practice_context(practice, related=False)
        return render_to_string(
            "practices/_practice_body.html",
            {**context, "base_url": fragments.BASE, "related_slot": mark_safe(RELATED_SLOT)},
        )


def body(practice, request):
    """The page's body: the stored one if current, else rendered now; the related practices in place."""
    language = translation.get_language()
    base = f"{request.scheme}://{request.get_host()}"
    html = fragments.read(KIND, practice.pk, language, key(practice, language), base)
    if html is None:  # not stored yet (the worker is behind, or a new release): render it now
        practice = Practice.objects.select_related("published_description__template").get(pk=practice.pk)
        html = fragments.with_base(render(practice, language), base)
    related = render_to_string("practices/_related_practices.html", {"related": related_practices(practice)})
    return mark_safe(html.replace(RELATED_SLOT, related, 1))  # noqa: S308 - our own rendering


def public_practices(pks):
    return (
        Practice.objects.public()
        .filter(pk__in=pks)
        .select_related("published_description__template")
        .prefetch_related("organisation_links__organisation__municipality__province", "materials", *TERM_RELATIONS)
    )


def store(pks=None) -> int:
    """Store the bodies of these practices (every public one when None) where missing or stale;
    forget those of practices the public may no longer see. Returns how many were rendered."""
    return fragments.store_public(KIND, Practice.objects.public(), pks, _key, public_practices, render, BATCH)


# What the body shows changes: renew the practices' page stamps in the same transaction, and have
# the worker store their bodies after the commit.


def _send(pks) -> None:
    from .tasks import store_practice_bodies

    store_practice_bodies.enqueue(pks)  # None: every public practice


stamps = fragments.PageStamps(Practice, KIND, _send)
changed = stamps.renew  # these practices' bodies changed (fragments.ALL: every practice's)
ALL = fragments.ALL


def _practice_saved(sender, instance, **kwargs):
    stamps.renew_saved(instance)


def _practice_deleted(sender, instance, **kwargs):
    stamps.forget(instance)


def _part_changed(sender, instance, **kwargs):
    changed({instance.practice_id})


def _organisation_changed(sender, instance, **kwargs):
    changed(PracticeOrganisation.objects.filter(organisation_id=instance.pk).values_list("practice_id", flat=True))


def _terms_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        changed({instance.pk})
    else:  # a term's practices: those named, or every practice when cleared
        changed(pk_set if pk_set is not None else ALL)


def _everything_changed(sender, **kwargs):
    changed(ALL)


def _taxonomy_changed(sender, **kwargs):
    # Terms are in the key through the taxonomy stamp: the bodies need storing again, not a new stamp.
    stamps.store_all_again()


post_save.connect(_practice_saved, sender=Practice, dispatch_uid="practice-body-saved")
post_delete.connect(_practice_deleted, sender=Practice, dispatch_uid="practice-body-deleted")
for _model in (PracticeOrganisation, Material):
    post_save.connect(_part_changed, sender=_model, dispatch_uid=f"practice-body-{_model.__name__}-saved")
    post_delete.connect(_part_changed, sender=_model, dispatch_uid=f"practice-body-{_model.__name__}-deleted")
post_save.connect(_organisation_changed, sender=Organisation, dispatch_uid="practice-body-organisation-saved")
for _relation in TERM_RELATIONS:
    m2m_changed.connect(_terms_changed, sender=getattr(Practice, _relation).through, dispatch_uid=f"practice-body-{_relation}")
for _model in (DescriptionTemplate, TemplateSection, Municipality, Province):
    post_save.connect(_everything_changed, sender=_model, dispatch_uid=f"practice-body-{_model.__name__}-saved")
    post_delete.connect(_everything_changed, sender=_model, dispatch_uid=f"practice-body-{_model.__name__}-deleted")
for _model in TAXONOMY_MODELS:
    post_save.connect(_taxonomy_changed, sender=_model, dispatch_uid=f"practice-body-{_model.__name__}-saved")
    post_delete.connect(_taxonomy_changed, sender=_model, dispatch_uid=f"practice-body-{_model.__name__}-deleted")
