"""A draft publication never leaves the admin, whatever the door: list, search, page, feeds,
OAI-PMH, exports, sitemap, and the URL of its PDF (only editors may fetch that)."""

import pytest
from django.urls import reverse

from .factories import PublicationFactory, pdf_document

pytestmark = pytest.mark.django_db

MARK = "mrkdraftqz"


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


DOORS = [
    reverse("toolbox:list"),
    reverse("toolbox:feed_atom"),
    reverse("toolbox:feed_rss"),
    reverse("toolbox:feed_atom") + "?thema=armoede",
    reverse("toolbox:oai") + "?verb=ListRecords&metadataPrefix=oai_dc",
    reverse("toolbox:oai") + "?verb=ListIdentifiers&metadataPrefix=oai_dc&set=thema-armoede",
    reverse("toolbox:export_list", args=["ris"]),
    reverse("toolbox:export_list", args=["bibtex"]),
    reverse("toolbox:export_list", args=["csl-json"]) + "?expoo=1",
    "/sitemap.xml",
]


@pytest.mark.parametrize("url", DOORS)
def test_a_draft_is_in_no_public_list(client, library, url):
    response = client.get(url)
    assert response.status_code == 200
    body = _body(response)
    assert MARK.lower() not in body.lower()
    assert "geheim-concept" not in body


@pytest.mark.parametrize("params", [{"q": MARK}, {"auteur": "Geheim, Mrkdraftqz"}, {"jaar": "2024"}])
def test_searching_for_a_draft_finds_nothing(client, library, params):
    response = client.get(reverse("toolbox:list"), params)
    assert response.context["total"] == 0
    assert "geheim-concept" not in response.content.decode()


def test_published_publications_do_appear_where_drafts_do_not(client, library):
    assert "opgroeien-in-armoede" in _body(client.get("/sitemap.xml"))
    assert "Opgroeien in armoede" in _body(client.get(reverse("toolbox:feed_atom")))


@pytest.mark.parametrize(
    "url",
    [
        reverse("toolbox:detail", args=["geheim-concept"]),
        reverse("toolbox:export_one", args=["geheim-concept", "ris"]),
        reverse("toolbox:export_one", args=["geheim-concept", "csl-json"]),
    ],
)
def test_a_drafts_own_addresses_answer_404(client, library, url):
    assert client.get(url).status_code == 404


def test_oai_get_record_of_a_draft_says_it_does_not_exist(client, library):
    from toolbox.oai import oai_identifier

    body = _body(
        client.get(
            reverse("toolbox:oai"),
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": oai_identifier(library["draft"])},
        )
    )
    assert 'code="idDoesNotExist"' in body and MARK not in body.lower()


def test_the_pdf_of_a_draft_is_404_for_visitors_and_served_to_editors(client, library, editor):
    draft = library["draft"]
    draft.document = pdf_document(filename="concept.pdf")
    draft.save()
    url = draft.document.url
    assert client.get(url).status_code == 404
    client.force_login(editor)
    assert client.get(url).status_code == 200
    client.logout()
    revision = draft.save_revision(user=editor)
    revision.publish(user=editor)
    assert client.get(url).status_code == 200, "published, the PDF is public"


def test_a_pdf_only_in_a_newer_draft_of_a_published_publication_stays_hidden(client, library, editor):
    publication = library["armoede_rapport"]
    document = pdf_document(filename="nieuw.pdf")
    publication.document = document
    publication.save_revision(user=editor)  # a draft: the live row keeps the published content
    publication.refresh_from_db()
    assert publication.document is None and publication.has_unpublished_changes
    assert client.get(document.url).status_code == 404
    client.force_login(editor)
    assert client.get(document.url).status_code == 200


def test_a_withdrawn_publication_disappears_everywhere(client, library, editor):
    publication = library["tieners_boek"]
    publication.unpublish()  # as the admin's unpublish view does
    assert client.get(publication.get_absolute_url()).status_code == 404
    assert "tieners-en-schermen" not in _body(client.get("/sitemap.xml"))
    assert "Tieners en schermen" not in _body(client.get(reverse("toolbox:export_list", args=["ris"])))


def test_a_document_on_a_page_keeps_wagtails_behaviour(client, db):
    PublicationFactory(draft=True)
    document = pdf_document(filename="los.pdf")
    assert client.get(document.url).status_code == 200
