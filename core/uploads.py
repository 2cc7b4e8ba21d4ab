"""Uploads are judged by their content, not by their name.

Every file editors add in the Wagtail admin goes through these forms (settings:
WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILIMAGES_IMAGE_FORM_BASE), whatever the door: the
documents and images lists, the multiple uploader and the upload tab of the choosers.

- A document must be what its extension says: a PDF starts with %PDF-, an Office Open XML file
  is a ZIP with the parts of a Word, Excel or PowerPoint file, an OpenDocument file is a ZIP that
  names its own type, and CSV or text is text (no binary, no HTML, SVG or XML markup).
- An image must open and verify in Pillow as one of the raster formats we allow, before Wagtail
  looks at it. SVG is never an image here: it can carry scripts, whatever its name.

Practice materials (PDF only) are checked in practices/forms.py the same way.
"""

import zipfile

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

SNIFF_BYTES = 64 * 1024
OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
MARKUP_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml", b"<!--", b"<iframe", b"<object")
IMAGE_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}


def _head(upload, size: int = SNIFF_BYTES) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _zip_names(upload) -> list[str] | None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
        return [*names, f"mimetype:{mimetype.decode('ascii', 'replace')}"]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        return None
    finally:
        upload.seek(0)


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if error.start < len(head) - 4:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not start.startswith(MARKUP_STARTS)


def document_matches_extension(upload, extension: str) -> bool:
    """True when the file's content is what `extension` promises (see the module's docstring)."""
    extension = extension.lower()
    head = _head(upload)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in OOXML_PARTS:
        names = _zip_names(upload) if head.startswith(b"PK\x03\x04") else None
        return bool(names) and "[Content_Types].xml" in names and any(n.startswith(OOXML_PARTS[extension]) for n in names)
    if extension in OPENDOCUMENT_TYPES:
        names = _zip_names(upload) if head.startswith(b"PK\x03\x04") else None
        return bool(names) and f"mimetype:{OPENDOCUMENT_TYPES[extension].decode()}" in names
    if extension in ("csv", "txt"):
        return _is_text(head)
    return False  # an extension we do not know how to check is not accepted


def verified_image_format(upload) -> str | None:
    """The Pillow format of an image that opens and verifies, else None."""
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
        return image_format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        upload.seek(0)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content does not match its extension."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            extension = upload.name.rpartition(".")[2] if "." in upload.name else ""
            if not document_matches_extension(upload, extension):
                raise forms.ValidationError(
                    _(
                        "The content of this file does not match its name (.%(extension)s). "
                        "Choose the original PDF, Word, Excel, PowerPoint, OpenDocument, CSV or text file."
                    ),
                    code="content_mismatch",
                    params={"extension": extension.lower() or "?"},
                )
        return upload


class VerifiedImageField(WagtailImageField):
    """Wagtail's image field, refusing first whatever Pillow cannot open and verify as one of the
    allowed raster formats: SVG and HTML under any name, damaged or disguised files (Wagtail
    itself would fail on some of these with a server error). Wagtail's checks follow: the
    extension matches the format, the size, the number of pixels."""

    def to_python(self, data):
        if isinstance(data, UploadedFile) and verified_image_format(data) not in IMAGE_FORMATS:
            raise forms.ValidationError(
                _("This file is not a valid PNG, JPEG, GIF or WebP image. SVG files are not accepted as images."),
                code="not_a_raster_image",
            )
        return super().to_python(data)


class ImageForm(BaseImageForm):
    """Wagtail's image form with the file field above (its widget and label kept)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = VerifiedImageField(label=field.label, required=field.required, widget=field.widget)
