"""OAI-PMH 2.0: harvested with a real client library (sickle) over the site's real responses, and every error
code of the protocol checked on the XML itself."""

import datetime
import re

import pytest
import requests
from django.urls import reverse
from django.utils import timezone
from lxml import etree
from sickle import Sickle, oaiexceptions

from toolbox import oai
from toolbox.models import Publication

from .factories import PublicationFactory

OAI = "{http://www.openarchives.org/OAI/2.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"
UTC_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


class ThroughDjango:
    """What `requests` answers, made by Django's test client: sickle harvests the site in-process
    (every byte of its HTTP exchange is the site's real response), without a live server."""

    def __init__(self, client):
        self.client = client

    def __call__(self, method):
        def send(url, params=None, data=None, **kwargs):
            path = url.split("testserver", 1)[1]
            answer = self.client.get(path, params) if method == "get" else self.client.post(path, data)
            response = requests.Response()
            response.status_code = answer.status_code
            response._content = answer.content
            response.headers.update(dict(answer.items()))
            response.encoding = answer.charset
            response.url = url
            return response

        return send


@pytest.fixture
def harvester(client, monkeypatch):
    transport = ThroughDjango(client)
    monkeypatch.setattr(requests, "get", transport("get"))
    monkeypatch.setattr(requests, "post", transport("post"))
    return Sickle("http://testserver" + reverse("toolbox:oai"), max_retries=0, timeout=20)


def test_a_harvester_identifies_the_repository_and_its_formats_and_sets(harvester, library):
    identify = harvester.Identify()
    assert identify.repositoryName == "EXPOO Toolbox"
    assert identify.protocolVersion == "2.0"
    assert identify.baseURL.endswith("/toolbox/oai/")
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ" and identify.deletedRecord == "no"
    assert UTC_SECOND.match(identify.earliestDatestamp)
    assert [f.metadataPrefix for f in harvester.ListMetadataFormats()] == ["oai_dc"]
    specs = {s.setSpec: s.setName for s in harvester.ListSets()}
    assert specs["type-journal-article"] and specs["thema-tieners"] == "Tieners"


def test_a_harvester_pages_through_every_public_record_with_resumption_tokens(harvester, library, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    assert len(records) == 5, "three pages of two, two and one"
    titles = {r.metadata["title"][0] for r in records}
    assert titles == {p.title for p in library.values() if p.live}
    article = next(r for r in records if r.metadata["title"] == ["Co-ouderschap na een scheiding"])
    assert article.metadata["creator"] == ["Janssens, Bram", "Peeters, An"]
    assert article.metadata["date"] == ["2021"]
    assert "https://doi.org/10.1234/gezin.2021.045" in article.metadata["identifier"]
    assert article.header.setSpecs == ["type-journal-article", "thema-scheiding"]
    identifiers = [h.identifier for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", set="thema-tieners")]
    assert sorted(identifiers) == sorted(oai.oai_identifier(library[k]) for k in ("tieners_boek", "podcast"))


def test_a_harvester_gets_one_record_and_harvests_selectively_by_date(harvester, library):
    record = harvester.GetRecord(identifier=oai.oai_identifier(library["tieners_boek"]), metadataPrefix="oai_dc")
    assert record.metadata["title"] == ["Tieners en schermen"]
    assert "urn:isbn:9789401400398" in record.metadata["identifier"]
    old = library["folder"]
    Publication.objects.filter(pk=old.pk).update(last_published_at=datetime.datetime(2015, 3, 1, 12, tzinfo=datetime.UTC))
    until = [r.metadata["title"][0] for r in harvester.ListRecords(metadataPrefix="oai_dc", until="2015-03-01")]
    assert until == ["Folder voor ouders in armoede"], "a day's until includes that whole day"
    since = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": "2015-03-01T12:00:01Z"}))
    assert len(since) == 4
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        list(harvester.ListRecords(metadataPrefix="oai_dc", until="2000-01-01"))
    with pytest.raises(oaiexceptions.IdDoesNotExist):
        harvester.GetRecord(identifier=oai.oai_identifier(library["draft"]), metadataPrefix="oai_dc")
    with pytest.raises(oaiexceptions.CannotDisseminateFormat):
        list(harvester.ListRecords(metadataPrefix="marc21"))


# The XML, verb by verb and error by error ---------------------------------------------------------

pytestmark_db = pytest.mark.django_db


def _oai(client, method="get", **params):
    response = getattr(client, method)(reverse("toolbox:oai"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = etree.fromstring(response.content)
    assert root.tag == f"{OAI}OAI-PMH"
    assert [child.tag for child in root][:2] == [f"{OAI}responseDate", f"{OAI}request"]
    assert UTC_SECOND.match(root.findtext(f"{OAI}responseDate"))
    return root


def _error(root):
    errors = root.findall(f"{OAI}error")
    return errors[0].get("code") if errors else None


@pytestmark_db
@pytest.mark.parametrize(
    "params,code",
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "gisteren"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01", "until": "2021-01-01T00:00:00Z"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai dc"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "verzonnen"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "verzonnen"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "mods"}, "cannotDisseminateFormat"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:elders:1"}, "idDoesNotExist"),
        ({"verb": "ListMetadataFormats", "identifier": "oai:testserver:publication:999999"}, "idDoesNotExist"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "thema-bestaat-niet"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2100-01-01"}, "noRecordsMatch"),
    ],
)
def test_each_error_code_of_the_protocol(client, library, params, code):
    root = _oai(client, **params)
    assert _error(root) == code
    request = root.find(f"{OAI}request")
    assert request.text == "http://testserver/toolbox/oai/"
    if code in ("badVerb", "badArgument"):
        assert request.attrib == {}, "no attributes echoed for a bad verb or argument"
    else:
        assert request.get("verb") == params["verb"]


@pytestmark_db
def test_a_record_is_valid_dublin_core(client, library):
    root = _oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=oai.oai_identifier(library["armoede_rapport"]))
    assert _error(root) is None
    record = root.find(f"{OAI}GetRecord/{OAI}record")
    header = record.find(f"{OAI}header")
    assert [c.tag for c in header] == [f"{OAI}identifier", f"{OAI}datestamp", f"{OAI}setSpec", f"{OAI}setSpec"]
    assert [c.text for c in header][2:] == ["type-report", "thema-armoede"]
    dc = record.find(f"{OAI}metadata/{{http://www.openarchives.org/OAI/2.0/oai_dc/}}dc")
    allowed = {
        f"{DC}{name}"
        for name in [
            "title",
            "creator",
            "subject",
            "description",
            "publisher",
            "contributor",
            "date",
            "type",
            "format",
            "identifier",
            "source",
            "language",
            "relation",
            "coverage",
            "rights",
        ]
    }
    assert {child.tag for child in dc} <= allowed
    assert dc.findtext(f"{DC}title") == "Opgroeien in armoede: wat gezinnen vertellen"
    assert [c.text for c in dc.findall(f"{DC}creator")] == ["Peeters, An", "EXPOO"]
    assert dc.findtext(f"{DC}language") == "nl"


@pytestmark_db
def test_post_works_like_get_and_the_last_page_has_an_empty_token(client, library, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 3)
    first = _oai(client, "post", verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.find(f"{OAI}ListIdentifiers/{OAI}resumptionToken")
    assert (token.get("completeListSize"), token.get("cursor")) == ("5", "0") and token.text
    second = _oai(client, verb="ListIdentifiers", resumptionToken=token.text)
    last = second.find(f"{OAI}ListIdentifiers/{OAI}resumptionToken")
    assert (last.get("cursor"), last.text) == ("3", None)
    assert len(second.findall(f"{OAI}ListIdentifiers/{OAI}header")) == 2
    tampered = _oai(client, verb="ListIdentifiers", resumptionToken=token.text[:-2] + "xx")
    assert _error(tampered) == "badResumptionToken"


@pytestmark_db
def test_the_earliest_datestamp_is_the_oldest_public_change(client, library):
    Publication.objects.filter(pk=library["draft"].pk).update(last_published_at=timezone.now() - datetime.timedelta(days=9000))
    PublicationFactory(last_published_at=datetime.datetime(2013, 5, 6, 7, 8, 9, tzinfo=datetime.UTC))
    root = _oai(client, verb="Identify")
    assert root.findtext(f"{OAI}Identify/{OAI}earliestDatestamp") == "2013-05-06T07:08:09Z"
