"""Materials: only real PDFs are stored, and they are served as downloads, never displayed inline."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from practices import actions
from practices.models import Material

from .conftest import PDF_BYTES, register

pytestmark = pytest.mark.django_db

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
HTML_BYTES = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture
def practice(cast, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    practice = register(cast["writer"], cast["org"], "Praktijk met materiaal")
    actions.accept_registration(practice, by=cast["team"])
    return practice


def _files(root):
    return [p for p in root.rglob("*") if p.is_file()]


def _upload(client, user, practice, name, content, **extra):
    client.force_login(user)
    upload = SimpleUploadedFile(name, content, content_type=extra.pop("content_type", "application/pdf"))
    data = {"title": "Handleiding", "file": upload, "is_public": "on", **extra}
    return client.post(reverse("practices:materials", args=[practice.pk]), data)


def test_a_writer_adds_a_real_pdf(client, cast, practice, tmp_path):
    response = _upload(client, cast["writer"], practice, "handleiding.pdf", PDF_BYTES)
    assert response.status_code == 302
    material = Material.objects.get(practice=practice)
    assert material.title == "Handleiding" and material.size == len(PDF_BYTES)
    assert [f.read_bytes() for f in _files(tmp_path)] == [PDF_BYTES]


NOT_A_PDF = "This is not a PDF file. Only PDF files can be added."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("foto.pdf", PNG_BYTES, NOT_A_PDF, id="png_renamed_pdf"),
        pytest.param("pagina.pdf", HTML_BYTES, NOT_A_PDF, id="html_renamed_pdf"),
        pytest.param("bijna.pdf", b"%PDF", NOT_A_PDF, id="truncated_header"),
        pytest.param("leeg.pdf", b"", "The submitted file is empty.", id="empty_file"),
    ],
)
def test_a_file_that_is_not_a_pdf_is_refused_and_nothing_is_stored(
    client, cast, practice, tmp_path, dutch, name, content, message
):
    response = _upload(client, cast["writer"], practice, name, content)
    assert response.status_code == 400
    assert dutch(message) in response.content.decode()
    assert not Material.objects.exists()
    assert _files(tmp_path) == []


def test_a_pdf_over_the_size_limit_is_refused_and_nothing_is_stored(client, cast, practice, tmp_path, dutch, monkeypatch):
    monkeypatch.setattr("practices.forms.MAX_PDF_BYTES", 1024)
    response = _upload(client, cast["writer"], practice, "groot.pdf", PDF_BYTES + b"0" * 1024)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Het bestand is groter dan 1,0\xa0KB" in page, "the message names the limit"
    assert not Material.objects.exists()
    assert _files(tmp_path) == []


def test_someone_outside_the_practice_cannot_add_material(client, cast, practice, tmp_path):
    response = _upload(client, cast["outsider"], practice, "handleiding.pdf", PDF_BYTES)
    assert response.status_code == 404
    assert not Material.objects.exists() and _files(tmp_path) == []


def test_a_material_is_downloaded_as_a_pdf_attachment(client, cast, practice):
    _upload(client, cast["writer"], practice, "handleiding.pdf", PDF_BYTES, is_public="")
    material = Material.objects.get()
    response = client.get(reverse("practices:material", args=[material.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="Handleiding.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"], "an internal document is not kept in shared caches"
    assert b"".join(response.streaming_content) == PDF_BYTES
    client.logout()
    assert client.get(reverse("practices:material", args=[material.pk])).status_code == 404
