"""The demo's thematic dossiers: data that fits the models and the other demo data, a loader that
skips what is missing, and the upgrade from the old placeholder page at /thematische-dossiers/."""

import pytest
from django.utils.text import slugify
from wagtail.models import Page, Site

from core.demo.dossiers import ensure_index, load_dossiers
from core.demo.dossiers_data import DOSSIERS, INDEX
from core.demo.pages import PageLoader
from core.demo.practices import COLLECTIVE, PRACTICES
from core.demo.publications_data import PUBLICATIONS
from core.demo.taxonomy import THEMES, load_taxonomy
from core.demo.util import Stats, cta
from dossiers import blocks
from dossiers.models import DossierIndexPage, ThemeDossierPage
from pages.models import ContentPage
from toolbox.tests.factories import PublicationFactory


def test_the_demo_dossiers_fit_the_models_and_cite_demo_data_that_exists():
    themes = {slug for slug, *_ in THEMES}
    publications = {p["slug"] for p in PUBLICATIONS if not p.get("draft")}
    practices = {slugify(spec["title"]) for spec in [*PRACTICES, *COLLECTIVE]}
    slugs = [d["slug"] for d in DOSSIERS]
    assert len(DOSSIERS) >= 10 and len(set(slugs)) == len(slugs)
    assert len({d["theme"] for d in DOSSIERS}) == len(DOSSIERS) and {d["theme"] for d in DOSSIERS} <= themes
    testimonial = blocks.TestimonialBlock()
    recordings = 0
    for d in DOSSIERS:
        assert len(d["summary"]) <= 400 and 2 <= len(d["introduction"]) <= 4, d["slug"]
        assert 3 <= len(d["insights"]) <= 5 and 2 <= len(d["documents"]) <= 4, d["slug"]
        assert 1 <= len(d["practices"]) <= 3 and 1 <= len(d["related"]) <= 3 and 1 <= len(d["testimonials"]) <= 3, d["slug"]
        assert all(len(i["statement"]) <= 300 and i["source"] in publications for i in d["insights"]), d["slug"]
        assert {slug for slug, _note in d["documents"]} <= publications, d["slug"]
        assert set(d["practices"]) <= practices, d["slug"]
        assert set(d["related"]) <= set(slugs) - {d["slug"]}, d["slug"]
        for value in d["testimonials"]:
            assert len(value["speaker"]) <= 120
            testimonial.clean(testimonial.to_python(value))
            recordings += bool(value["media_url"])
    assert recordings >= 5, "some testimonials come with a recording and its transcript"


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


def _published(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _menu(home):
    return [(p.title, p.specific_class) for p in home.get_children().live().in_menu()]


@pytest.fixture
def old_demo(home):
    """The pages an earlier demo made: the placeholder between two menu pages, and links to it."""
    _published(home, ContentPage(title="Toolbox", slug="toolbox", show_in_menus=True))
    placeholder = _published(home, ContentPage(title="Thematische dossiers", slug=INDEX["slug"], show_in_menus=True))
    _published(home, ContentPage(title="Agenda en vorming", slug="agenda-en-vorming", show_in_menus=True))
    link = cta("Bekijk alle dossiers", "", "Thematische dossiers")
    link["value"]["link_page"] = placeholder.pk
    news = _published(home, ContentPage(title="Nieuws", slug="nieuws", body=[link]))
    home.tiles = [{"type": "tile", "value": {"title": "Dossiers", "text": "", "link_page": placeholder.pk, "link_url": ""}}]
    home.save_revision().publish()
    return {"placeholder": placeholder, "news": news}


def test_an_untouched_placeholder_is_replaced_in_its_place_with_its_links(home, old_demo):
    loader = PageLoader(home, Stats())

    index = ensure_index(loader)

    assert isinstance(index, DossierIndexPage) and index.slug == INDEX["slug"] and index.live
    assert _menu(home) == [
        ("Toolbox", ContentPage),
        ("Thematische dossiers", DossierIndexPage),
        ("Agenda en vorming", ContentPage),
    ]
    assert not Page.objects.filter(pk=old_demo["placeholder"].pk).exists()
    news = ContentPage.objects.get(pk=old_demo["news"].pk)
    assert news.body[0].value["link_page"].pk == index.pk and not news.has_unpublished_changes
    assert home.tiles[0].value["link_page"].pk == index.pk, "the loader's home page object is fresh"
    assert loader.stats.created["pages"] == 1

    again = PageLoader(home, Stats())
    assert ensure_index(again).pk == index.pk and again.stats.created["pages"] == 0


def test_a_placeholder_an_editor_changed_is_left_alone(home, old_demo):
    placeholder = old_demo["placeholder"]
    placeholder.intro = "Door de redactie geschreven."
    placeholder.save_revision().publish()
    loader = PageLoader(home, Stats())

    index = ensure_index(loader)
    loader.publish_created()

    assert Page.objects.get(pk=placeholder.pk).specific.intro == "Door de redactie geschreven."
    assert index.slug == "dossiers" and not index.show_in_menus
    assert [title for title, _ in _menu(home)] == ["Toolbox", "Thematische dossiers", "Agenda en vorming"]
    assert any("/dossiers/" in note for note in loader.stats.notes)


def test_dossiers_are_made_once_and_an_insight_without_its_source_is_left_out(home):
    load_taxonomy(Stats())
    loader = PageLoader(home, Stats())
    index = ensure_index(loader)
    loader.publish_created()
    first = DOSSIERS[0]
    present = first["insights"][0]["source"]
    PublicationFactory(slug=present, title="Een bron die er is")
    stats = Stats()

    load_dossiers(stats)

    assert ThemeDossierPage.objects.child_of(index).live().count() == len(DOSSIERS) == stats.created["thematic dossiers"]
    dossier = ThemeDossierPage.objects.get(slug=first["slug"])
    assert [block.value["source"].slug for block in dossier.insights] == [
        i["source"] for i in first["insights"] if i["source"] == present
    ]
    assert [d.dossier.slug for d in dossier.related_dossiers.all()] == first["related"]
    assert len(dossier.testimonials) == len(first["testimonials"])
    assert any("left out" in note for note in stats.notes)

    again = Stats()
    load_dossiers(again)
    assert again.created["thematic dossiers"] == 0 and again.existing["thematic dossiers"] == len(DOSSIERS)


def test_menu_pages_of_an_earlier_demo_leave_the_menu_to_the_apps_own_lists(home, old_demo):
    from core.demo.pages import retire_menu_pages

    stats = Stats()
    retire_menu_pages(home, stats)
    assert [title for title, _ in _menu(home)] == ["Thematische dossiers"]
    assert len(stats.notes) == 2
    retire_menu_pages(home, stats)
    assert len(stats.notes) == 2, "nothing left to do the second time"
