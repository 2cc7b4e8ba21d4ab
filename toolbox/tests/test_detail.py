"""A publication's page: its metadata, the way to the text, the citation and related practices."""

import pytest
from django.urls import reverse

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
