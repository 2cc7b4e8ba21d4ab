"""Citation exports: RIS, BibTeX and CSL-JSON of one publication or of the current result list,
read back with the libraries reference managers use."""

import json

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares
from django.urls import reverse

from toolbox import views
from toolbox.citations import TYPES
from toolbox.models import PublicationType

from .factories import PublicationFactory

pytestmark = pytest.mark.django_db

# The item types of the CSL-JSON schema (csl-data.json, CSL 1.0.2).
CSL_TYPES = {
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
    "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
    "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
    "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
    "thesis", "treaty", "webpage",
}  # fmt: skip
RIS_TYPES = {"JOUR", "BOOK", "CHAP", "RPRT", "SLIDE", "PAMP", "GOVDOC", "SOUND", "VIDEO", "GEN"}


def _export(client, fmt, slug=None, **params):
    url = reverse("toolbox:export_one", args=[slug, fmt]) if slug else reverse("toolbox:export_list", args=[fmt])
    response = client.get(url, params)
    assert response.status_code == 200
    return response


def test_every_type_maps_to_a_type_of_each_format():
    assert set(TYPES) == set(PublicationType)
    for names in TYPES.values():
        assert names.csl in CSL_TYPES and names.ris in RIS_TYPES and names.bibtex


def test_ris_of_one_publication_reads_back_with_its_fields(client, library):
    response = _export(client, "ris", "co-ouderschap")
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="co-ouderschap.ris"'
    [entry] = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "JOUR"
    assert entry["title"] == "Co-ouderschap na een scheiding"
    assert entry["authors"] == ["Janssens, Bram", "Peeters, An"]
    assert (entry["year"], entry["volume"], entry["number"]) == ("2021", "12", "3")
    assert (entry["start_page"], entry["end_page"]) == ("45", "60")
    assert entry["secondary_title"] == "Tijdschrift voor gezinsstudies"
    assert entry["doi"] == "10.1234/gezin.2021.045"
    assert entry["keywords"] == ["Scheiding"]
    assert entry["urls"] == ["http://testserver/toolbox/co-ouderschap/"]
    podcast = rispy.loads(_export(client, "ris", "praten-met-pubers").content.decode())[0]
    assert podcast["urls"] == ["https://podcast.example.org/pubers", "http://testserver/toolbox/praten-met-pubers/"]


def test_bibtex_reads_back_with_names_and_special_characters(client):
    PublicationFactory(
        slug="speciaal",
        title="Ouders & kinderen: 50% minder stress_{echt}",
        publication_type="chapter",
        journal="Gezin in Vlaanderen",
        pages="1-9",
        isbn="978-94-014-0039-8",
        authors=[("De Smet", "Koen"), "Huis van het Kind Gent – Brugse Poort"],
    )
    response = _export(client, "bibtex", "speciaal")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="speciaal.bib"'
    library = bibtexparser.parse_string(response.content.decode(), append_middleware=[middlewares.LatexDecodingMiddleware()])
    assert not library.failed_blocks
    [entry] = library.entries
    fields = {key: field.value for key, field in entry.fields_dict.items()}
    assert entry.entry_type == "incollection"
    assert fields["title"] == "Ouders & kinderen: 50% minder stress_{echt}"
    assert fields["booktitle"] == "Gezin in Vlaanderen"
    assert fields["pages"] == "1–9"  # "1--9" in the file, an en dash once decoded
    assert fields["isbn"] == "978-94-014-0039-8"
    raw_author = bibtexparser.parse_string(response.content.decode()).entries[0].fields_dict["author"].value
    assert raw_author == "De Smet, Koen and {Huis van het Kind Gent – Brugse Poort}", "an organisation stays one name"


def test_csl_json_follows_the_schemas_field_names(client, library):
    response = _export(client, "csl-json", "tieners-en-schermen")
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="tieners-en-schermen.json"'
    [item] = json.loads(response.content)
    assert item["type"] == "book"
    assert item["author"] == [{"family": "Maes", "given": "Chloë"}]
    assert item["issued"] == {"date-parts": [[2023]]}
    assert item["ISBN"] == "978-94-014-0039-8" and item["publisher"] == "Lannoo"
    podcast = json.loads(_export(client, "csl-json", "praten-met-pubers").content)[0]
    assert podcast["type"] == "broadcast" and podcast["author"] == [{"literal": "Opvoedingslijn"}]
    assert podcast["URL"] == "https://podcast.example.org/pubers"


def test_the_list_export_follows_the_filters_and_order_of_the_list(client, library):
    items = json.loads(_export(client, "csl-json", thema="tieners", sorteer="titel").content)
    assert [i["title"] for i in items] == ["Praten met pubers", "Tieners en schermen"]
    response = _export(client, "ris")
    assert response["Content-Disposition"] == 'attachment; filename="toolbox.ris"'
    assert len(rispy.loads(response.content.decode())) == 5
    bibtex = bibtexparser.parse_string(_export(client, "bibtex").content.decode())
    keys = [e.key for e in bibtex.entries]
    assert len(keys) == 5 == len(set(keys)), "every entry has its own key"


def test_the_list_export_is_capped(client, library, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_LIMIT", 3)
    assert len(json.loads(_export(client, "csl-json").content)) == 3


def test_an_unknown_format_is_404(client, library):
    assert client.get(reverse("toolbox:export_list", args=["docx"])).status_code == 404
    assert client.get(reverse("toolbox:export_one", args=["co-ouderschap", "docx"])).status_code == 404
