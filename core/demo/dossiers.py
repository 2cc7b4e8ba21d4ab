"""Demo thematic dossiers: the overview page in the main menu and one dossier per theme.

The overview takes the place of the placeholder content page the demo used to create at
/thematische-dossiers/ (third item of the main menu). On a database loaded before the dossiers
existed, that placeholder is replaced only while it is untouched (one revision, the demo's own, no
children): the overview is created at the same place in the tree with the same slug, links to the
placeholder in other pages (calls to action, home tiles) are pointed at the overview, and the
placeholder is deleted. A placeholder an editor changed is left alone; the overview then goes to
/dossiers/, outside the menu, and the loader says so.

Dossiers are created after the publications and practices they cite, looked up by slug; an insight,
document or practice that is missing (or a practice that is not public) is left out.
"""

import copy

from django.contrib.auth import get_user_model
from django.utils.html import escape
from wagtail.fields import StreamField
from wagtail.models import Page

from core.models import Theme
from dossiers.models import DossierIndexPage, DossierPractice, DossierPublication, RelatedDossier, ThemeDossierPage
from pages.models import ContentPage
from practices.models import Practice
from toolbox.models import Publication

from .dossiers_data import DOSSIERS, INDEX

EDITOR = "redactie@expoo.example"
FALLBACK_SLUG = "dossiers"


def _paragraphs(paragraphs) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


# The overview page -------------------------------------------------------------------------------


def _is_untouched_placeholder(page) -> bool:
    return (
        page.specific_class is ContentPage
        and page.live
        and not page.has_unpublished_changes
        and page.revisions.count() == 1
        and not page.get_children().exists()
    )


def _swap_page_links(raw, old_pk: int, new_pk: int) -> bool:
    """Point every `link_page` (call to action, tile) in raw StreamField data from one page to another."""
    changed = False
    if isinstance(raw, dict):
        for key, value in raw.items():
            if key == "link_page" and value == old_pk:
                raw[key] = new_pk
                changed = True
            else:
                changed |= _swap_page_links(value, old_pk, new_pk)
    elif isinstance(raw, list):
        for item in raw:
            changed |= _swap_page_links(item, old_pk, new_pk)
    return changed


def _relink(old_pk: int, new_page, stats) -> None:
    """Published pages that linked to the retired placeholder link to the overview instead."""
    for page in Page.objects.exclude(pk__in=[old_pk, new_page.pk]).specific():
        fields = [f.name for f in type(page)._meta.get_fields() if isinstance(f, StreamField)]
        changed = {}
        for name in fields:
            raw = copy.deepcopy(list(getattr(page, name).raw_data))
            if _swap_page_links(raw, old_pk, new_page.pk):
                changed[name] = raw
        if not changed:
            continue
        if page.has_unpublished_changes or not page.live:
            stats.note(f"page {page.url_path}: links to the old dossiers placeholder; left alone (not live, or it has a draft)")
            continue
        for name, raw in changed.items():
            setattr(page, name, raw)
        page.save_revision().publish()


def _replace_placeholder(loader, placeholder) -> DossierIndexPage:
    """The overview in the untouched placeholder's place: same slug, same place in the menu, its links."""
    home, left, old_pk = loader.home, placeholder.get_prev_sibling(), placeholder.pk
    placeholder.specific.delete()
    home.refresh_from_db()
    index = DossierIndexPage(title=INDEX["title"], slug=INDEX["slug"], show_in_menus=INDEX["show_in_menus"], intro=INDEX["intro"])
    home.add_child(instance=index)
    if left:
        index.move(left, pos="right")
    else:
        index.move(home, pos="first-child")
    index = DossierIndexPage.objects.get(pk=index.pk)  # the move changed the tree, not this instance
    index.save_revision().publish()
    _relink(old_pk, index, loader.stats)
    home.refresh_from_db()  # its tiles may have been relinked
    loader.stats.count("pages", True)
    loader.stats.note("thematic dossiers: the untouched placeholder page was replaced by the overview, in the same place")
    return index


def ensure_index(loader) -> Page:
    """The overview of dossiers in its place among the menu pages (see the module docstring)."""
    index = DossierIndexPage.objects.first()
    if index:
        loader.stats.count("pages", False)
        return index
    taken = loader.home.get_children().filter(slug=INDEX["slug"]).first()
    if taken is None:
        return loader.ensure(loader.home, INDEX, DossierIndexPage, intro=INDEX["intro"])
    if _is_untouched_placeholder(taken):
        return _replace_placeholder(loader, taken)
    loader.stats.note(
        f"thematic dossiers: /{INDEX['slug']}/ is a page an editor changed, left alone; the overview is at "
        f"/{FALLBACK_SLUG}/, outside the menu: move it by hand"
    )
    return loader.ensure(
        loader.home, {**INDEX, "slug": FALLBACK_SLUG, "show_in_menus": False}, DossierIndexPage, intro=INDEX["intro"]
    )


# The dossiers --------------------------------------------------------------------------------------


def _insights(spec, publications, left_out) -> list:
    blocks = []
    for item in spec["insights"]:
        source = publications.get(item["source"])
        if source is None:
            left_out.append(f"insight source {item['source']}")
            continue
        value = {
            "statement": item["statement"],
            "explanation": _paragraphs([item["explanation"]]) if item["explanation"] else "",
            "source": source.pk,
            "source_detail": item["source_detail"],
        }
        blocks.append({"type": "insight", "value": value})
    return blocks


def _new_dossier(spec, theme, publications, practices, left_out) -> ThemeDossierPage:
    documents = []
    for slug, note in spec["documents"]:
        if slug in publications:
            documents.append(DossierPublication(publication=publications[slug], note=note))
        else:
            left_out.append(f"document {slug}")
    chosen = []
    for slug in spec["practices"]:
        if slug in practices:
            chosen.append(DossierPractice(practice=practices[slug]))
        else:
            left_out.append(f"practice {slug}")
    return ThemeDossierPage(
        title=spec["title"],
        slug=spec["slug"],
        theme=theme,
        summary=spec["summary"],
        introduction=_paragraphs(spec["introduction"]),
        insights=_insights(spec, publications, left_out),
        testimonials=[{"type": "testimonial", "value": dict(t)} for t in spec["testimonials"]],
        knowledge_documents=documents,
        chosen_practices=chosen,
    )


def load_dossiers(stats) -> None:
    index = DossierIndexPage.objects.first()
    if index is None:
        stats.note("thematic dossiers: there is no overview page, so no dossiers were made")
        return
    editor = get_user_model().objects.filter(email=EDITOR).first()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    cited = {item["source"] for spec in DOSSIERS for item in spec["insights"]} | {
        slug for spec in DOSSIERS for slug, _note in spec["documents"]
    }
    publications = Publication.objects.in_bulk(cited, field_name="slug")
    chosen = {slug for spec in DOSSIERS for slug in spec["practices"]}
    practices = Practice.objects.public().in_bulk(chosen, field_name="slug")
    existing = set(index.get_children().values_list("slug", flat=True))
    themes_taken = set(ThemeDossierPage.objects.values_list("theme_id", flat=True))

    created, left_out = [], []
    for spec in DOSSIERS:
        theme = themes.get(spec["theme"])
        if spec["slug"] in existing or (theme and theme.pk in themes_taken):
            stats.count("thematic dossiers", False)
            continue
        if theme is None:
            stats.note(f"thematic dossier {spec['slug']}: theme {spec['theme']} is missing, dossier left out")
            continue
        page = _new_dossier(spec, theme, publications, practices, left_out)
        index.add_child(instance=page)
        created.append((page, spec))
        stats.count("thematic dossiers", True)

    # Related dossiers once every dossier exists; then each one's first published revision.
    by_slug = {page.slug: page for page in ThemeDossierPage.objects.child_of(index)}
    for page, spec in created:
        page.related_dossiers = [RelatedDossier(dossier=by_slug[s]) for s in spec["related"] if s in by_slug and s != page.slug]
        page.save_revision(user=editor).publish(user=editor)
    if left_out:
        stats.note(f"thematic dossiers: left out because missing or not public: {', '.join(sorted(set(left_out)))}")
