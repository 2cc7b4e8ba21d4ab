"""The publication page's body, stored by the task worker (toolbox.body, core.fragments): the same
page as rendered from the rows, read in a few queries, and never stale: every change to what it
shows makes the page render it again at once, and the worker stores it again after the commit."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from core import fragments
from core.factories import ThemeFactory
from core.models import StoredFragment, TargetGroup
from toolbox import body
from toolbox.models import Publication, PublicationAuthor
from toolbox.tasks import store_publication_bodies

from .factories import PDF_BYTES, PublicationFactory, pdf_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # every request renders the page: the body is what this is about


@pytest.fixture
def publication():
    theme = ThemeFactory(name="Slapen", slug="slapen")
    made = PublicationFactory(
        title="Slapen in het gezin", authors=[("Wouters", "Lien"), "Huis van het Kind Aalst"], themes=[theme]
    )
    made.document = pdf_document(title="Slapen", filename="slapen.pdf")
    made.save()
    return Publication.objects.get(pk=made.pk)


def page(client, publication, language="nl-be", host="testserver") -> str:
    with translation.override(language):
        path = reverse("toolbox:detail", args=[publication.slug])
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def stored(publication) -> dict:
    return dict(StoredFragment.objects.filter(kind=body.KIND, object_id=publication.pk).values_list("language", "html"))


def test_the_stored_body_gives_the_same_page_in_every_language_with_the_pages_own_address(client, publication, settings):
    settings.ALLOWED_HOSTS = ["testserver", "expoo.example"]
    before = {lang: page(client, publication, lang, "expoo.example") for lang in ("nl-be", "en")}

    assert store_publication_bodies.call([publication.pk]) == 2
    assert set(stored(publication)) == {"nl-be", "en"}
    assert all(fragments.BASE in html for html in stored(publication).values())

    for lang in ("nl-be", "en"):
        assert page(client, publication, lang, "expoo.example") == before[lang]
    assert f"http://expoo.example/toolbox/{publication.slug}/" in before["nl-be"], "the reference names the page"
    assert "Lien Wouters" in before["nl-be"] and f'href="{publication.document.url}"' in before["nl-be"]
    assert "How to cite" in before["en"] and "Bronvermelding" in before["nl-be"]


def test_a_stored_body_is_read_in_a_few_queries(client, publication, django_assert_max_num_queries):
    body.store([publication.pk])
    page(client, publication)  # the menu, the footer and the indexes, kept for every page
    # The stamps, the publication and its stored body (which names the themes of the related practices).
    with django_assert_max_num_queries(3):
        shown = page(client, publication)
    assert "Lien Wouters" in shown and "Slapen" in shown


def test_every_change_to_what_the_body_shows_is_on_the_page_at_once_and_stored_again_after_the_commit(
    client, publication, django_capture_on_commit_callbacks
):
    body.store([publication.pk])

    def check(change, shown_text, gone_text=None):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            change()
        shown = page(client, publication)
        assert shown_text in shown, "rendered from the rows at once"
        assert gone_text is None or gone_text not in shown
        assert shown_text not in "".join(stored(publication).values()), "the stored body is stale until the worker runs"
        for callback in callbacks:
            callback()
        assert all(shown_text in html for html in stored(publication).values()), "the worker stored it again"
        assert shown_text in page(client, publication)

    def rename():
        fresh = Publication.objects.get(pk=publication.pk)
        fresh.title = "Slapen en dromen in het gezin"
        fresh.save()

    def rename_author():
        author = PublicationAuthor.objects.get(publication=publication, name="Wouters")
        author.given_names = "Lieve"
        author.save()

    def add_term():
        fresh = Publication.objects.get(pk=publication.pk)
        fresh.target_groups.add(TargetGroup.objects.create(name="Jonge ouders", slug="jonge-ouders"))
        fresh.save()  # parental many-to-many links are stored on save

    def replace_file():
        publication.document.file.save("herwerkt.pdf", ContentFile(PDF_BYTES))  # saves the document

    check(rename, "Slapen en dromen in het gezin")
    check(rename_author, "Lieve Wouters", "Lien Wouters")
    check(add_term, "Jonge ouders")
    old_address = publication.document.url
    check(replace_file, "herwerkt", old_address)


def test_a_deleted_file_is_gone_from_the_page_at_once(client, publication, django_capture_on_commit_callbacks):
    body.store([publication.pk])
    assert "Download the PDF" in page(client, publication, "en")
    with django_capture_on_commit_callbacks(execute=True):
        publication.document.delete()  # the publication's column becomes NULL without a save
    assert "Download the PDF" not in page(client, publication, "en")
    assert not any("Download the PDF" in html or "/documenten/" in html for html in stored(publication).values())


def test_a_renamed_term_is_on_the_page_at_once_and_every_body_is_stored_again(
    client, publication, django_capture_on_commit_callbacks
):
    body.store([publication.pk])
    theme = publication.themes.get()
    with django_capture_on_commit_callbacks(execute=True):
        theme.name = "Slaap en rust"
        theme.save()
    assert "Slaap en rust" in page(client, publication)
    assert all("Slaap en rust" in html for html in stored(publication).values())


def test_a_body_of_another_release_is_never_shown(client, publication, monkeypatch):
    body.store([publication.pk])
    StoredFragment.objects.filter(kind=body.KIND).update(html="<p>Oude versie</p>")
    assert "Oude versie" in page(client, publication)  # the same release: the stored body is used

    monkeypatch.setattr(fragments, "release", lambda: "a later release")
    shown = page(client, publication)
    assert "Oude versie" not in shown and "Lien Wouters" in shown
    assert body.store([publication.pk]) == 2  # the worker stores it again for the new release


def test_an_unpublished_publication_loses_its_stored_body(client, publication, django_capture_on_commit_callbacks):
    body.store([publication.pk])
    assert stored(publication)
    with django_capture_on_commit_callbacks(execute=True):
        publication.live = False  # an editor unpublishes it
        publication.save()
    assert client.get(reverse("toolbox:detail", args=[publication.slug])).status_code == 404
    assert not stored(publication)


def test_taking_the_editing_lock_stores_nothing_again(publication, django_capture_on_commit_callbacks):
    body.store([publication.pk])
    stamp = Publication.objects.get(pk=publication.pk).page_stamp
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publication.locked = True
        publication.save(update_fields=["locked"])
    assert Publication.objects.get(pk=publication.pk).page_stamp == stamp
    assert not [c for c in callbacks if getattr(c, "__self__", None) is body.stamps.pending]


def test_the_command_stores_what_is_missing_once_itself_or_through_the_worker(publication):
    PublicationFactory(title="Voorlezen thuis")
    PublicationFactory(title="Nog een ontwerp", draft=True)
    for expected in ("4 bodies of 2 public publications stored", "0 bodies of 2 public publications stored"):
        out = io.StringIO()
        call_command("store_publication_bodies", stdout=out)
        assert expected in out.getvalue()

    StoredFragment.objects.all().delete()
    call_command("store_publication_bodies", "--background", stdout=io.StringIO())  # the test worker runs it at once
    assert StoredFragment.objects.filter(kind=body.KIND).count() == 4
