"""A publication's page: its metadata, the way to the text, the citation and related practices."""

import pytest
from django.urls import reverse

from core.factories import ThemeFactory
from practices import actions
from practices.tests.conftest import cast, publish, register  # noqa: F401  (cast is a fixture)

from .factories import PublicationFactory, pdf_document

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_metadata_and_the_formatted_citation(client, library):
    response = client.get(reverse("toolbox:detail", args=["co-ouderschap"]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Co-ouderschap na een scheiding", "Bram Janssens", "An Peeters", "Tijdschrift voor gezinsstudies", "45-60"):
        assert text in html
    assert 'href="https://doi.org/10.1234/gezin.2021.045"' in html
    assert response.context["citation"] == (
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
    assert [p.title for p in response.context["related_practices"]] == ["Gepubliceerde praktijk"]
    assert shared.get_absolute_url() in response.content.decode()
    unrelated = PublicationFactory()
    assert client.get(unrelated.get_absolute_url()).context["related_practices"] == []


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
    client.get(small.get_absolute_url())  # warm what every page shares (menu, site settings)

    with django_assert_max_num_queries(5) as small_queries:
        assert client.get(small.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(5) as large_queries:
        response = client.get(large.get_absolute_url())
    assert len(response.context["related_practices"]) == 3 and len(response.context["authors"]) == 4
    assert "settings 2" in response.content.decode() and "Chloë Maes" in response.content.decode()
    assert len(large_queries) == len(small_queries)
