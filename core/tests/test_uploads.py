"""Uploads: a body larger than the path accepts is refused with 413 before it is read; files are
judged by their content, never by their name, and SVG is never an image; documents are served as
downloads by a view that checks who may see them.

Where files come in: Wagtail documents and images (the lists, the multiple uploader and the
choosers, all through core/uploads.py), Wagtail's own profile picture, practice materials
(practices/tests/test_uploads.py) and the Toolbox import (toolbox/tests/test_import.py).
"""

import io
import socket
import threading
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.admin.forms.account import AvatarPreferencesForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.users.models import UserProfile

from core.factories import UserFactory
from core.security import RequestBodyLimitMiddleware, upload_limit
from core.uploads import document_matches_extension
from toolbox.tests.factories import PDF_BYTES, PublicationFactory, pdf_document

MB = 1024 * 1024
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(document.cookie)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (16, 12), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def broken_png_bytes() -> bytes:
    """A PNG whose header is fine (Wagtail reads the size) but whose image data is damaged."""
    data = bytearray(png_bytes())
    idat = data.index(b"IDAT")
    data[idat + 6] ^= 0xFF  # a byte of the compressed pixels: the chunk's checksum no longer fits
    return bytes(data)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"})


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.fixture
def editor(db):
    return UserFactory(email="beheerder@voorbeeld.be", is_superuser=True, is_staff=True)


@pytest.fixture
def admin_client(editor):
    client = Client()
    client.force_login(editor)
    return client


# Size: refused before the body is read ---------------------------------------------------------


class UnreadableBody(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    read_attempts = 0

    def readable(self):
        return True

    def read(self, *args):
        type(self).read_attempts += 1
        raise AssertionError("the request body was read")

    readline = readinto = read


def test_an_oversized_upload_gets_413_in_dutch_without_its_body_being_read(client, dutch):
    UnreadableBody.read_attempts = 0

    response = client.generic(
        "POST",
        "/werkruimte/praktijk/1/materiaal/",
        CONTENT_TYPE="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(200 * MB),
        **{"wsgi.input": UnreadableBody()},
    )

    assert response.status_code == 413
    page = response.content.decode()
    assert '<html lang="nl-BE">' in page
    assert dutch("The file is too large") in page
    assert (
        dutch(
            "What you sent is larger than %(limit)s, the most this form accepts. Nothing was saved. Make the file smaller (or split it) and try again.",
            limit="11,0\xa0MB",
        )
        in page
    )
    assert UnreadableBody.read_attempts == 0
    assert response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_the_413_page_speaks_english_under_en():
    response = Client().generic("POST", "/en/account/inloggen/", CONTENT_LENGTH=str(20 * MB), **{"wsgi.input": UnreadableBody()})

    assert response.status_code == 413
    assert '<html lang="en">' in response.content.decode()
    assert "The file is too large" in response.content.decode()


def test_documents_may_be_larger_than_other_uploads_but_not_unbounded(client):
    assert upload_limit("/werkruimte/praktijk/1/materiaal/") == settings.EXPOO_REQUEST_BODY_MAX == 11 * MB
    assert upload_limit("/beheer/images/multiple/add/") == 11 * MB
    assert upload_limit("/beheer/documents/multiple/add/") == settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + MB == 51 * MB

    response = client.generic(
        "POST", "/beheer/documents/multiple/add/", CONTENT_LENGTH=str(52 * MB), **{"wsgi.input": UnreadableBody()}
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("path", "length", "passed_on"),
    [
        ("/account/inloggen/", 11 * MB, True),
        ("/account/inloggen/", 11 * MB + 1, False),
        ("/beheer/documents/add/", 40 * MB, True),
        ("/beheer/documents/add/", 51 * MB + 1, False),
        ("/account/inloggen/", None, True),  # no body
        ("/account/inloggen/", "veel", True),  # unreadable: Django reads nothing either
    ],
)
def test_the_limit_decides_before_the_view(path, length, passed_on):
    reached = []
    middleware = RequestBodyLimitMiddleware(lambda request: reached.append(request) or HttpResponse("ok"))
    request = RequestFactory().post(path)
    request.META.pop("CONTENT_LENGTH", None)
    if length is not None:
        request.META["CONTENT_LENGTH"] = str(length)

    response = middleware(request)

    assert bool(reached) == passed_on
    assert response.status_code == (200 if passed_on else 413)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def test_a_real_server_answers_413_while_the_client_is_still_sending():
    """Against a running server over a socket: a header announcing 1 GB and a few bytes of body.
    If anything read the body, the answer would never come (the client sends no more)."""
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with socket.create_connection(server.server_address, timeout=10) as conn:
            conn.sendall(
                b"POST /beheer/images/multiple/add/ HTTP/1.1\r\n"
                b"Host: 127.0.0.1\r\n"
                b"Content-Type: multipart/form-data; boundary=grens\r\n"
                b"Content-Length: 1073741824\r\n\r\n"
                b'--grens\r\nContent-Disposition: form-data; name="files[]"; filename="groot.png"\r\n\r\n'
            )
            answer = b""
            while b"\r\n\r\n" not in answer:
                chunk = conn.recv(4096)
                assert chunk, "the server closed without answering"
                answer += chunk
    finally:
        server.shutdown()
        server.server_close()

    status_line = answer.split(b"\r\n", 1)[0]
    assert status_line == b"HTTP/1.1 413 Request Entity Too Large"


# Content: images ---------------------------------------------------------------------------------


def add_image(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    collection = Collection.get_first_root_node()
    return client.post("/beheer/images/add/", {"title": "Logo", "file": upload, "collection": collection.pk})


def test_a_real_png_is_accepted(admin_client, media):
    response = add_image(admin_client, "logo.png", png_bytes())

    assert response.status_code == 302
    assert get_image_model().objects.get().title == "Logo"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.png", SVG),  # an SVG renamed
        ("logo.png", HTML),  # a web page renamed
        ("logo.svg", SVG),  # an SVG by name
        ("logo.png", broken_png_bytes()),  # a PNG header over damaged data
        ("logo.png", PDF_BYTES),
    ],
)
def test_an_image_that_is_not_what_it_says_is_refused_in_dutch(admin_client, media, dutch, name, content):
    response = add_image(admin_client, name, content)

    assert response.status_code == 200  # the form again, with the error
    message = dutch("This file is not a valid PNG, JPEG, GIF or WebP image. SVG files are not accepted as images.")
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()
    assert stored_files(media) == []


def test_a_png_named_jpg_is_refused_by_wagtails_own_check(admin_client, media):
    response = add_image(admin_client, "logo.jpg", png_bytes())

    assert response.status_code == 200
    assert "Geen geldige .jpeg afbeelding" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_the_multiple_uploader_refuses_an_svg_renamed_to_png(admin_client, media):
    upload = SimpleUploadedFile("foto.png", SVG, content_type="image/png")

    response = admin_client.post("/beheer/images/multiple/add/", {"files[]": upload, "title": "Foto"})

    assert response.json()["success"] is False
    assert "SVG-bestanden worden niet aanvaard" in response.json()["error_message"]
    assert not get_image_model().objects.exists()
    assert stored_files(media) == []


def test_the_image_chooser_upload_refuses_an_svg_renamed_to_png(admin_client, media):
    upload = SimpleUploadedFile("foto.png", SVG, content_type="image/png")
    collection = Collection.get_first_root_node()

    response = admin_client.post(
        "/beheer/images/chooser/create/",
        {
            "image-chooser-upload-title": "Foto",
            "image-chooser-upload-file": upload,
            "image-chooser-upload-collection": collection.pk,
        },
    )

    assert "SVG-bestanden worden niet aanvaard" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("name", ["ik.png", "ik.svg"])
def test_a_profile_picture_must_be_a_raster_image(editor, media, name):
    form = AvatarPreferencesForm(
        data={},
        files={"avatar": SimpleUploadedFile(name, SVG, content_type="image/png")},
        instance=UserProfile.get_for_user(editor),
    )

    assert not form.is_valid()
    assert "avatar" in form.errors


def test_svg_is_not_an_allowed_image_format():
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


# Content: documents -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extension", "content", "matches"),
    [
        ("pdf", PDF_BYTES, True),
        ("pdf", HTML, False),
        ("pdf", b"PK\x03\x04" + b"\x00" * 30, False),
        ("docx", DOCX, True),
        ("docx", XLSX, False),  # a spreadsheet renamed
        ("xlsx", XLSX, True),
        ("pptx", DOCX, False),
        ("docx", PDF_BYTES, False),
        ("docx", b"PK\x03\x04 not really a zip", False),
        ("odt", ODT, True),
        ("ods", ODT, False),
        ("csv", b"naam;gemeente\nHuis van het Kind;Gent\n", True),
        ("csv", "naam;gemeente\nCrèche Zonnestraal;Liège\n".encode(), True),
        ("csv", "naam;gemeente\nCréche;Liège\n".encode("cp1252"), True),
        ("txt", b"Gewoon wat tekst.\n", True),
        ("txt", HTML, False),
        ("txt", b"  \n<svg onload=alert(1)>", False),
        ("csv", b"a;b\x00c", False),
        ("exe", b"MZ\x90\x00", False),
    ],
)
def test_a_document_must_be_what_its_extension_says(extension, content, matches):
    assert document_matches_extension(io.BytesIO(content), extension) is matches


def add_document(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    collection = Collection.get_first_root_node()
    return client.post("/beheer/documents/add/", {"title": "Jaarverslag", "file": upload, "collection": collection.pk})


@pytest.mark.parametrize(
    ("name", "content"), [("jaarverslag.pdf", PDF_BYTES), ("verslag.docx", DOCX), ("lijst.csv", b"a;b\n1;2\n")]
)
def test_a_real_document_is_accepted(admin_client, media, name, content):
    response = add_document(admin_client, name, content)

    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Jaarverslag"


@pytest.mark.parametrize(("name", "content"), [("jaarverslag.pdf", HTML), ("verslag.docx", SVG), ("notities.txt", HTML)])
def test_a_document_whose_content_does_not_match_its_name_is_refused_in_dutch(admin_client, media, dutch, name, content):
    response = add_document(admin_client, name, content)

    assert response.status_code == 200
    message = dutch(
        "The content of this file does not match its name (.%(extension)s). "
        "Choose the original PDF, Word, Excel, PowerPoint, OpenDocument, CSV or text file.",
        extension=name.rpartition(".")[2],
    )
    assert message in response.content.decode()
    assert not get_document_model().objects.exists()
    assert stored_files(media) == []


def test_the_document_multiple_uploader_checks_the_content_too(admin_client, media):
    upload = SimpleUploadedFile("jaarverslag.pdf", HTML, content_type="application/pdf")

    response = admin_client.post("/beheer/documents/multiple/add/", {"files[]": upload, "title": "Jaarverslag"})

    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


# Serving: downloads through a view that checks permission ----------------------------------------


def test_a_document_is_served_as_an_attachment_that_browsers_do_not_sniff(client, db, media):
    publication = PublicationFactory(document=pdf_document(filename="jaarverslag.pdf"))

    response = client.get(publication.document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "jaarverslag.pdf" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_the_file_of_a_draft_publication_answers_404(client, db, media):
    draft = PublicationFactory(draft=True, document=pdf_document(filename="concept.pdf"))

    assert client.get(draft.document.url).status_code == 404


def test_a_document_in_a_private_collection_is_not_served_to_visitors(client, admin_client, media):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Intern verslag", collection=private, file=SimpleUploadedFile("intern.pdf", PDF_BYTES)
    )

    visitor = client.get(document.url)
    editor = admin_client.get(document.url)

    # To the site's login first (the one with the second step for staff), no file.
    assert visitor.status_code == 302 and visitor["Location"].startswith(reverse("accounts:login") + "?next=")
    assert editor.status_code == 200 and editor["Content-Disposition"].startswith("attachment;")
