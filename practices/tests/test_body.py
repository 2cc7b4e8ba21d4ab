"""The practice page's body, stored by the task worker (practices.body, core.fragments): the same
page as rendered from the rows, read in a few queries, and never stale: every change to what it
shows makes the page render it again at once, and the worker stores it again after the commit."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core import fragments
from core.factories import OrganisationFactory, ThemeFactory
from core.models import StoredFragment
from practices import actions, body
from practices.models import Material, Practice
from practices.tasks import store_practice_bodies
from practices.workflow import Status

from .conftest import pdf, publish, register

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # every request renders the page: the body is what this is about


@pytest.fixture
def practice(cast):
    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"]])
    publish(practice, writer=cast["writer"], team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    practice.organisation_links.create(organisation=cast["other_org"], role="applies")
    Material.objects.create(practice=practice, title="Werkblad voorlezen", file=pdf(), size=2048, is_public=True)
    return Practice.objects.get(pk=practice.pk)


@pytest.fixture
def neighbour(cast):
    """A published practice sharing the theme: a related practice, which the body does not store."""
    other = register(cast["writer"], cast["org"], "Samen koken", themes=[cast["theme"]])
    publish(other, writer=cast["writer"], team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    return other


def page(client, practice, language="nl-be", host="testserver") -> str:
    with translation.override(language):
        path = reverse("practices:detail", args=[practice.slug])
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def stored(practice) -> dict:
    return dict(StoredFragment.objects.filter(kind=body.KIND, object_id=practice.pk).values_list("language", "html"))


def test_the_stored_body_gives_the_same_page_in_every_language_with_the_pages_own_address(client, practice, neighbour, settings):
    settings.ALLOWED_HOSTS = ["testserver", "expoo.example"]
    before = {lang: page(client, practice, lang, "expoo.example") for lang in ("nl-be", "en")}

    assert store_practice_bodies.call([practice.pk]) == 2
    assert set(stored(practice)) == {"nl-be", "en"}
    assert all(fragments.BASE in html for html in stored(practice).values())

    for lang in ("nl-be", "en"):
        assert page(client, practice, lang, "expoo.example") == before[lang]
    assert f"http://expoo.example/praktijken/{practice.slug}/" in before["nl-be"]
    assert f"http://expoo.example/en/praktijken/{practice.slug}/" in before["en"]
    assert "Samen koken" in before["nl-be"] and "Werkblad voorlezen" in before["nl-be"]
    assert "Database of quality practices" in before["en"] and "Databank" in before["nl-be"]


def test_a_stored_body_is_read_in_one_query_and_the_related_practices_in_none(
    client, practice, neighbour, django_assert_max_num_queries
):
    body.store([practice.pk])
    page(client, practice)  # the menu, the footer, the table of terms and the databank's index, kept for every page
    # The stamps, the practice and its stored body.
    with django_assert_max_num_queries(3):
        shown = page(client, practice)
    assert "Werkblad voorlezen" in shown and "Samen koken" in shown


def test_related_practices_share_a_theme_have_a_public_description_and_come_newest_first(client, cast, practice):
    def published(title, themes):
        other = register(cast["writer"], cast["org"], title, themes=themes)
        publish(other, writer=cast["writer"], team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
        return other

    older = [published(f"Ouderavond {n}", [cast["theme"]]) for n in range(4)]
    Practice.objects.filter(pk__in=[p.pk for p in older]).update(published_at=practice.published_at.replace(year=2020))
    published("Spelotheek", [ThemeFactory(name="Spel", slug="spel"), cast["theme"]])
    published("Zwemles", [ThemeFactory(name="Sport", slug="sport")])  # no shared theme
    minimal = register(cast["writer"], cast["org"], "Babbelbox", themes=[cast["theme"]])
    actions.accept_registration(minimal, by=cast["team"])  # public, but no description yet
    body.store([practice.pk])

    aside = page(client, practice).split('id="facts-heading"')[1]
    related = aside[aside.index("Verwante praktijken") :]
    titles = [
        title for title in ("Spelotheek", "Ouderavond 0", "Ouderavond 1", "Ouderavond 2", "Ouderavond 3") if title in related
    ]
    assert titles[0] == "Spelotheek" and len(titles) == 4, "the newest first, four at most"
    assert "Zwemles" not in related and "Babbelbox" not in related and "Voorleesmoment" not in related


def test_every_change_to_what_the_body_shows_is_on_the_page_at_once_and_stored_again_after_the_commit(
    client, cast, practice, django_capture_on_commit_callbacks
):
    body.store([practice.pk])

    def check(change, shown_text):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            change()
        assert shown_text in page(client, practice), "rendered from the rows at once"
        assert shown_text not in "".join(stored(practice).values()), "the stored body is stale until the worker runs"
        for callback in callbacks:
            callback()
        assert all(shown_text in html for html in stored(practice).values()), "the worker stored it again"
        with CaptureQueriesContext(connection) as queries:
            assert shown_text in page(client, practice)
        assert len(queries) <= 4

    def rename_practice():
        fresh = Practice.objects.get(pk=practice.pk)
        fresh.title = "Voorleesmoment in de bib"
        fresh.save()

    def rename_organisation():
        cast["other_org"].name = "Opvoedingswinkel Anderstad"
        cast["other_org"].save()

    def add_material():
        Material.objects.create(practice=practice, title="Affiche voorlezen", file=pdf(), size=1024, is_public=True)

    def add_theme():
        practice.themes.add(ThemeFactory(name="Taalstimulering", slug="taalstimulering"))

    def add_organisation():
        practice.organisation_links.create(organisation=OrganisationFactory(name="Gezinsbond Noord"), role="applies")

    def rename_section():
        section = practice.published_description.template.sections.order_by("sort_order").first()
        section.title = "Waarom we dit doen"
        section.save()

    check(rename_practice, "Voorleesmoment in de bib")
    check(rename_organisation, "Opvoedingswinkel Anderstad")
    check(add_material, "Affiche voorlezen")
    check(add_theme, "Taalstimulering")
    check(add_organisation, "Gezinsbond Noord")
    check(rename_section, "Waarom we dit doen")


def test_a_renamed_term_is_on_the_page_at_once_and_every_body_is_stored_again(
    client, cast, practice, django_capture_on_commit_callbacks
):
    body.store([practice.pk])
    with django_capture_on_commit_callbacks(execute=True):
        cast["theme"].name = "Participatie van ouders"
        cast["theme"].save()
    assert "Participatie van ouders" in page(client, practice)
    assert all("Participatie van ouders" in html for html in stored(practice).values())


def test_a_body_of_another_release_is_never_shown(client, practice, monkeypatch):
    body.store([practice.pk])
    StoredFragment.objects.filter(kind=body.KIND).update(html="<p>Oude versie</p>")
    assert "Oude versie" in page(client, practice)  # the same release: the stored body is used

    monkeypatch.setattr(fragments, "release", lambda: "a later release")
    shown = page(client, practice)
    assert "Oude versie" not in shown and "Werkblad voorlezen" in shown
    assert body.store([practice.pk]) == 2  # the worker stores it again for the new release


def test_a_practice_the_public_may_no_longer_see_loses_its_stored_body(
    client, cast, practice, django_capture_on_commit_callbacks
):
    body.store([practice.pk])
    assert stored(practice)
    with django_capture_on_commit_callbacks(execute=True):
        practice.status = Status.DECLINED  # an administrator takes it off the databank
        practice.save()
    assert client.get(reverse("practices:detail", args=[practice.slug])).status_code == 404
    assert not stored(practice)


def test_the_command_stores_what_is_missing_once_itself_or_through_the_worker(practice, neighbour):
    for expected in ("4 bodies of 2 public practices stored", "0 bodies of 2 public practices stored"):
        out = io.StringIO()
        call_command("store_practice_bodies", stdout=out)
        assert expected in out.getvalue()

    StoredFragment.objects.all().delete()
    call_command("store_practice_bodies", "--background", stdout=io.StringIO())  # the test worker runs it at once
    assert StoredFragment.objects.count() == 4


def test_drafts_are_never_stored(cast):
    draft = register(cast["writer"], cast["org"], "Nog niet aanvaard", themes=[cast["theme"]])
    assert body.store([draft.pk]) == 0
    assert not StoredFragment.objects.exists()
