"""A publication's page: its metadata, the way to the text, the citation and related practices."""

import io
import itertools
import re

import pytest
from django.urls import reverse
from django.utils import translation

from core.factories import ThemeFactory
from core.models import StoredFragment
from practices import actions
from practices.tests.conftest import cast, publish, register  # noqa: F401  (cast is a fixture)
from toolbox import body

from .factories import PublicationFactory, pdf_document

pytestmark = pytest.mark.django_db


def citation_of(response) -> str:
    return re.search(r'<p class="citation">(.*?)</p>', response.content.decode(), re.S).group(1)


def main_of(html: str) -> str:
    return re.search(r"<main.*</main>", html, re.S).group(0)


def related_titles(response) -> list[str]:
    section = re.search(r'<section aria-labelledby="practices-heading">.*?</section>', response.content.decode(), re.S)
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a></li>', section.group(0)) if section else []


def test_the_page_shows_the_metadata_and_the_formatted_citation(client, library):
    response = client.get(reverse("toolbox:detail", args=["co-ouderschap"]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Co-ouderschap na een scheiding", "Bram Janssens", "An Peeters", "Tijdschrift voor gezinsstudies", "45-60"):
        assert text in html
    assert 'href="https://doi.org/10.1234/gezin.2021.045"' in html
    assert citation_of(response) == (
        "Janssens, B., &amp; Peeters, A. (2021). Co-ouderschap na een scheiding. <i>Tijdschrift voor gezinsstudies</i>, "
        "<i>12</i>(3), 45-60. https://doi.org/10.1234/gezin.2021.045"
    )
    for fmt in ("ris", "bibtex", "csl-json"):
        assert reverse("toolbox:export_one", args=["co-ouderschap", fmt]) in html


def test_a_pdf_is_downloaded_through_wagtails_document_view_never_from_media(client, library):
    publication = library["armoede_rapport"]
    publication.document = pdf_document(filename="armoede.pdf")
    publication.save()
    html = client.get(publication.get_absolute_url()).content.decode()
    url = publication.document.url
    assert url.startswith(f"/documenten/{publication.document.pk}/") and f'href="{url}"' in html
    assert "/media/" not in html
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_an_expoo_publication_can_be_ordered_and_a_podcast_listened_to(client, library):
    folder = client.get(library["folder"].get_absolute_url()).content.decode()
    assert 'href="https://bestel.example.org/folder"' in folder
    podcast = client.get(library["podcast"].get_absolute_url()).content.decode()
    assert 'href="https://podcast.example.org/pubers"' in podcast


def test_the_citation_escapes_what_editors_typed(client):
    publication = PublicationFactory(title="<script>alert(1)</script> & co", authors=[("<b>Bold</b>", "Eve")])
    html = client.get(publication.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_related_practices_are_published_practices_sharing_a_theme(client, cast):  # noqa: F811
    theme = cast["theme"]
    shared = register(cast["writer"], cast["org"], "Gepubliceerde praktijk", themes=[theme])
    publish(shared, writer=cast["writer"], team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    only_registered = register(cast["writer"], cast["org"], "Enkel aangemelde praktijk", themes=[theme])
    actions.accept_registration(only_registered, by=cast["team"])
    publication = PublicationFactory(themes=[theme])
    response = client.get(publication.get_absolute_url())
    assert related_titles(response) == ["Gepubliceerde praktijk"]
    assert shared.get_absolute_url() in response.content.decode()
    unrelated = PublicationFactory()
    assert related_titles(client.get(unrelated.get_absolute_url())) == []


def test_the_english_interface_shows_the_page_too(client, library):
    response = client.get("/en" + reverse("toolbox:detail", args=["tieners-en-schermen"]))
    assert response.status_code == 200
    assert "978-94-014-0039-8" in response.content.decode()


def test_the_page_takes_the_same_few_queries_however_many_authors_terms_and_relations_it_has(
    client,
    cast,  # noqa: F811
    django_assert_max_num_queries,
    settings,
):
    from core.models import AgeGroup, Setting, SupportFunction, TargetGroup

    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # the page's own queries are counted (a cached page takes one)
    theme = cast["theme"]
    for n in range(3):
        practice = register(cast["writer"], cast["org"], f"Praktijk {n}", themes=[theme])
        publish(
            practice, writer=cast["writer"], team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"]
        )
    small = PublicationFactory(authors=[("Peeters", "An")], themes=[theme])
    large = PublicationFactory(
        authors=[("Peeters", "An"), ("Janssens", "Bram"), "EXPOO", ("Maes", "Chloë")],
        themes=[theme, *(ThemeFactory(name=f"Thema {n}") for n in range(3))],
    )
    relations = {"target_groups": TargetGroup, "age_groups": AgeGroup, "support_functions": SupportFunction, "settings": Setting}
    for relation, model in relations.items():
        getattr(large, relation).set([model.objects.create(name=f"{relation} {n}", slug=f"{relation}-{n}") for n in range(3)])
    large.save()  # parental many-to-many links are stored on save
    client.get(PublicationFactory(themes=[theme]).get_absolute_url())  # warm what every page shares (menu, indexes)

    # Not stored yet: the stamps, the publication, its stored body (none), the publication with its file
    # and stored reference, its authors, its terms.
    with django_assert_max_num_queries(6) as small_queries:
        assert client.get(small.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(6) as large_queries:
        response = client.get(large.get_absolute_url())
    assert len(related_titles(response)) == 3
    html = response.content.decode()
    assert all(name in html for name in ("An Peeters", "Bram Janssens", "EXPOO", "Chloë Maes", "settings 2", "Thema 2"))
    assert len(large_queries) == len(small_queries)
    body.store([small.pk, large.pk])  # as the task worker does after the commit
    # The stored body (toolbox/body.py): the stamps, the publication's row, its body.
    with django_assert_max_num_queries(3):
        again = client.get(large.get_absolute_url(), {"again": 1}).content.decode()
    assert main_of(again) == main_of(html)


def test_a_kept_body_shows_every_change_to_what_it_shows_at_once(client, settings):
    """The page's body is kept in the fragments cache (toolbox/body.py) under the stamps that a
    change to the publication, its authors, its themes or a term's name renews."""
    from core.models import TargetGroup
    from toolbox.models import PublicationAuthor

    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # the body's own keeping, not the whole page's
    theme = ThemeFactory(name="Spel en vrije tijd")
    publication = PublicationFactory(title="Spelen in het park", authors=[("Peeters", "An")], themes=[theme])
    url = publication.get_absolute_url()

    def page(language="nl-be"):
        with translation.override(language):
            return main_of(client.get(publication.get_absolute_url()).content.decode())

    first = page()
    assert "Spelen in het park" in first and "An Peeters" in first and "Spel en vrije tijd" in first
    assert page() == first
    assert "How to cite" in page("en") and "Bronvermelding" in page()

    publication.title = "Spelen op het plein"
    publication.save()
    assert "Spelen op het plein" in page() and "Spelen in het park" not in page()
    PublicationAuthor.objects.filter(publication=publication).update(given_names="Anna")
    PublicationAuthor.objects.get(publication=publication).save()
    assert "Anna Peeters" in page()
    theme.name = "Samen spelen"
    theme.save()
    assert "Samen spelen" in page() and "Spel en vrije tijd" not in page()
    group = TargetGroup.objects.create(name="Grootouders", slug="grootouders")
    publication.target_groups.set([group])
    publication.save()
    assert "Grootouders" in page()
    group.name = "Grootouders en kleinkinderen"
    group.save()  # renews the taxonomy stamp only
    assert "Grootouders en kleinkinderen" in page()
    publication.themes.clear()
    publication.save()
    assert "Samen spelen" not in page()
    assert url == publication.get_absolute_url()


# Stored references (toolbox.citations.store_citations): formatted once by the task worker ------


_fresh = itertools.count()


def _page_citation(client, publication, language="nl"):
    """The reference on the page, rendered for this request (a new query: not the page cache's
    copy; the stored bodies forgotten: not toolbox.body's copy)."""
    StoredFragment.objects.filter(kind=body.KIND).delete()
    with translation.override("en" if language == "en" else "nl-be"):
        response = client.get(publication.get_absolute_url(), {"v": next(_fresh)})
    assert response.status_code == 200
    return citation_of(response)


def test_a_saved_publication_gets_its_references_stored_and_they_read_as_formatted_on_the_page(
    client, library, django_capture_on_commit_callbacks
):
    """Every type, both languages: the stored reference, with the page's own address put in, is
    the one the page formats itself (the reference of a publication without a DOI or external
    link carries the page's address)."""
    from toolbox.models import PublicationType, StoredCitation

    publications = [p for p in library.values() if p.live]
    with django_capture_on_commit_callbacks(execute=True):
        for kind in PublicationType.values:
            publications.append(
                PublicationFactory(
                    title=f"Een {kind} over opvoeden & groeien",
                    publication_type=kind,
                    external_url="https://voorbeeld.example/luister" if kind in ("podcast", "video") else "",
                    pages="3-9",
                    authors=[("Claes", "Mira"), "Huis van het Kind"],
                )
            )
        for publication in library.values():
            publication.save()
    formatted = {}
    for publication in publications:
        for language in ("nl", "en"):
            formatted[publication.pk, language] = _page_citation(client, publication, language)
    stored = dict(StoredCitation.objects.values_list("publication_id", "references"))
    assert all(set(stored[p.pk]) == {"nl-NL", "en-US"} for p in publications)
    assert "draft" in library and library["draft"].pk not in stored  # not public: nothing stored
    StoredCitation.objects.all().delete()
    for publication in publications:
        for language in ("nl", "en"):
            assert _page_citation(client, publication, language) == formatted[publication.pk, language]
    report = library["armoede_rapport"]
    assert f"http://testserver{report.get_absolute_url()}" in formatted[report.pk, "nl"]
    assert "expoo.invalid" not in "".join(formatted.values())


def test_the_page_shows_a_stored_reference_only_while_it_matches_the_publication(client, django_capture_on_commit_callbacks):
    from toolbox.models import PublicationAuthor, StoredCitation

    with django_capture_on_commit_callbacks(execute=True):
        publication = PublicationFactory(title="Slapen in het gezin", authors=[("Wouters", "Lien")])
    stored = StoredCitation.objects.get(publication=publication).references
    assert "Slapen in het gezin" in stored["nl-NL"]["html"] and "Wouters, L." in stored["nl-NL"]["html"]
    # The page reads the stored text: marked here so the test can tell it from a formatted one.
    marked = {locale: {**value, "html": value["html"] + " (opgeslagen)"} for locale, value in stored.items()}
    StoredCitation.objects.filter(publication=publication).update(references=marked)
    assert _page_citation(client, publication).endswith(" (opgeslagen)")
    # Changed without the worker having run: the stored text is stale and not shown.
    publication.refresh_from_db()
    publication.title = "Slapen en dromen in het gezin"
    publication.save()
    assert _page_citation(client, publication) == _page_citation(client, publication)  # formatted, each time the same
    assert "Slapen en dromen in het gezin" in _page_citation(client, publication)
    assert "(opgeslagen)" not in _page_citation(client, publication)
    # A new author, stored by the worker after the commit: the page shows the new stored text.
    with django_capture_on_commit_callbacks(execute=True):
        PublicationAuthor.objects.create(publication=publication, kind="person", name="Aerts", given_names="Jo", sort_order=1)
    stored = StoredCitation.objects.get(publication=publication).references
    assert "Aerts, J." in stored["nl-NL"]["html"] and "Slapen en dromen" in stored["nl-NL"]["html"]
    assert _page_citation(client, publication) == stored["nl-NL"]["html"].replace("https://expoo.invalid", "http://testserver")


def test_store_citations_fills_what_a_bulk_load_left_out_once(library):
    from django.core.management import call_command

    from toolbox.models import Publication, StoredCitation

    StoredCitation.objects.all().delete()  # as rows written without the models' signals
    out = io.StringIO()
    call_command("store_citations", stdout=out)
    public = Publication.objects.public().count()
    assert out.getvalue().strip() == f"{public} of {public} public publications stored"
    stored = dict(StoredCitation.objects.values_list("publication_id", "references"))
    assert set(stored) == set(Publication.objects.public().values_list("pk", flat=True))
    assert all(set(references) == {"nl-NL", "en-US"} for references in stored.values())
    assert library["draft"].pk not in stored
    out = io.StringIO()
    call_command("store_citations", stdout=out)
    assert out.getvalue().strip() == f"0 of {public} public publications stored"


def test_each_language_reads_its_own_stored_reference_with_the_genre_in_that_language(client, django_capture_on_commit_callbacks):
    """The English page's address and the genre in brackets differ per language: each language
    has its reference stored, and the page of each uses it."""
    from toolbox.models import StoredCitation

    with django_capture_on_commit_callbacks(execute=True):
        publication = PublicationFactory(title="Beleidsplan gezinsondersteuning", publication_type="policy_document")
    assert "[Beleidsdocument]" in _page_citation(client, publication, "nl")
    assert "[Policy document]" in _page_citation(client, publication, "en")
    assert f"http://testserver/en/toolbox/{publication.slug}/" in _page_citation(client, publication, "en")
    stored = StoredCitation.objects.get(publication=publication).references
    marked = {locale: {**value, "html": value["html"] + f" ({locale})"} for locale, value in stored.items()}
    StoredCitation.objects.filter(publication=publication).update(references=marked)
    assert _page_citation(client, publication, "nl").endswith(
        "[Beleidsdocument]. EXPOO. " + f"http://testserver/toolbox/{publication.slug}/ (nl-NL)"
    )
    assert _page_citation(client, publication, "en").endswith(" (en-US)")
