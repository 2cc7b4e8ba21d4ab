"""A publication as unqualified Dublin Core (oai_dc), the format every OAI-PMH harvester reads."""

from django.conf import settings
from django.utils import translation
from lxml import etree

from .citations import TYPES
from .models import PublicationType

OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

# The DCMI Type Vocabulary term for each type (dc:type carries it next to our own label).
DCMI_TYPES = {
    PublicationType.PODCAST: "Sound",
    PublicationType.VIDEO: "MovingImage",
    PublicationType.PRESENTATION: "Text",
}


def dublin_core(publication, base_url: str):
    """The <oai_dc:dc> element of one public publication."""
    root = etree.Element(f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", OAI_DC_SCHEMA)

    def add(tag, text):
        if text:
            etree.SubElement(root, f"{{{DC_NS}}}{tag}").text = str(text)

    page_url = base_url.rstrip("/") + publication.get_absolute_url()
    add("title", publication.title)
    for author in publication.authors.all():
        add("creator", author.key)
    for theme in publication.themes.all():
        add("subject", theme.name)
    add("type", DCMI_TYPES.get(publication.publication_type, "Text"))
    add("type", TYPES[publication.publication_type].csl)
    add("description", publication.description)
    add("publisher", publication.publisher)
    add("date", publication.year)
    if publication.document_id:
        add("format", "application/pdf")
    add("identifier", page_url)
    add("identifier", publication.doi_url)
    if publication.isbn:
        add("identifier", f"urn:isbn:{publication.isbn.replace('-', '')}")
    add("relation", publication.external_url)
    source = ", ".join(part for part in (publication.journal, publication.volume, publication.issue, publication.pages) if part)
    add("source", source)
    add("language", publication.language)
    with translation.override(settings.LANGUAGE_CODE):
        add("rights", publication.licence_url or publication.get_licence_display())
    return root
