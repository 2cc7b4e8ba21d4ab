"""An OAI-PMH 2.0 repository of the public publications, with Dublin Core (oai_dc) records.

Verbs: Identify, ListMetadataFormats, ListSets (a set per type and per theme), ListIdentifiers,
ListRecords (paged with resumption tokens), GetRecord; selective harvesting by from/until and set.
Only Publication.objects.public() is ever disseminated. Resumption tokens are signed, so a token
that was altered or made up answers badResumptionToken.
"""

import datetime
import re

from django.conf import settings
from django.core import signing
from django.db.models import Min
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree

from core.models import Theme

from .models import Publication, PublicationType
from .oai_dc import dublin_core

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
METADATA_FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/"),
}
PAGE_SIZE = 50
TOKEN_SALT = "toolbox.oai.resumption"  # noqa: S105 - a signing salt, not a secret
# Verb: (required arguments, optional arguments). A resumptionToken is exclusive: nothing else but the verb.
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
}
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_SECOND = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
# Text the answer may echo: the characters XML 1.0 allows (lxml refuses the others, a 500).
_XML_TEXT = re.compile("^[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*$")
MAX_ARGUMENT_LENGTH = 2000
# The characters the schema allows in a metadataPrefix and a setSpec.
_SPEC = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def _q(tag: str) -> str:
    return f"{{{OAI_NS}}}{tag}"


def datestamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def repository_id() -> str:
    """The host of the site, so identifiers stay the same across requests and workers."""
    from urllib.parse import urlsplit

    return urlsplit(settings.BASE_URL).hostname or "expoo"


def oai_identifier(publication) -> str:
    return f"oai:{repository_id()}:publication:{publication.pk}"


def _pk_from_identifier(identifier: str) -> int | None:
    prefix = f"oai:{repository_id()}:publication:"
    number = identifier[len(prefix) :] if identifier.startswith(prefix) else ""
    if number.isascii() and number.isdigit() and len(number) <= 18:
        return int(number)
    return None


# Sets -------------------------------------------------------------------------------------------


def set_specs(publication) -> list[str]:
    return [f"type-{publication.publication_type}".replace("_", "-")] + [f"thema-{t.slug}" for t in publication.themes.all()]


def all_sets() -> list[tuple[str, str]]:
    with translation.override(settings.LANGUAGE_CODE):
        sets = [(f"type-{value}".replace("_", "-"), str(label)) for value, label in PublicationType.choices]
        sets += [(f"thema-{t.slug}", t.name) for t in Theme.objects.active()]
    return sets


def _filter_set(qs, spec: str):
    if spec.startswith("type-"):
        value = spec[len("type-") :].replace("-", "_")
        if value in PublicationType.values:
            return qs.filter(publication_type=value)
    if spec.startswith("thema-"):
        return qs.filter(themes__slug=spec[len("thema-") :])
    return qs.none()


# Arguments --------------------------------------------------------------------------------------


def _parse_date(value: str, end: bool) -> tuple[datetime.datetime, str]:
    """(a UTC datetime bound, its granularity); `until` of a day or second includes all of it."""
    if _DAY.match(value):
        granularity, fmt = "day", "%Y-%m-%d"
    elif _SECOND.match(value):
        granularity, fmt = "second", "%Y-%m-%dT%H:%M:%SZ"
    else:
        raise OAIError("badArgument", f"'{value}' is not a UTCdatetime (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).")
    try:
        moment = datetime.datetime.strptime(value, fmt).replace(tzinfo=datetime.UTC)
    except ValueError:
        raise OAIError("badArgument", f"'{value}' is not a valid date.")
    if end:
        try:
            moment += datetime.timedelta(days=1) if granularity == "day" else datetime.timedelta(seconds=1)
        except OverflowError:  # 9999-12-31: until the end of time
            moment = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    return moment, granularity


def _check_arguments(params) -> tuple[str, dict]:
    verbs = params.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OAIError("badVerb", "The verb is missing, repeated or not an OAI-PMH verb.")
    verb = verbs[0]
    required, optional = VERBS[verb]
    args = {}
    for key in params:
        if not all(_XML_TEXT.match(text) and len(text) <= MAX_ARGUMENT_LENGTH for text in [key, *params.getlist(key)]):
            raise OAIError("badArgument", "An argument is too long or holds characters that XML does not allow.")
        if key == "verb":
            continue
        if key not in required | optional:
            raise OAIError("badArgument", f"'{key}' is not an argument of {verb}.")
        values = params.getlist(key)
        if len(values) > 1:
            raise OAIError("badArgument", f"'{key}' is repeated.")
        if key in ("metadataPrefix", "set") and not _SPEC.match(values[0]):
            raise OAIError("badArgument", f"'{values[0]}' is not a valid {key}.")
        args[key] = values[0]
    if "resumptionToken" in args:
        if len(args) > 1:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
        return verb, args
    missing = required - set(args)
    if missing:
        raise OAIError("badArgument", f"Missing: {', '.join(sorted(missing))}.")
    return verb, args


# The verbs --------------------------------------------------------------------------------------


def identify(root, args, request):
    node = etree.SubElement(root, _q("Identify"))
    earliest = Publication.objects.public().aggregate(first=Min("last_published_at"))["first"] or timezone.now()
    for tag, text in (
        ("repositoryName", "EXPOO Toolbox"),
        ("baseURL", base_url(request)),
        ("protocolVersion", "2.0"),
        ("adminEmail", settings.EXPOO_TEAM_EMAIL),
        ("earliestDatestamp", datestamp(earliest)),
        ("deletedRecord", "no"),
        ("granularity", "YYYY-MM-DDThh:mm:ssZ"),
    ):
        etree.SubElement(node, _q(tag)).text = text


def list_metadata_formats(root, args, request):
    if "identifier" in args:
        _get_public(args["identifier"])
    node = etree.SubElement(root, _q("ListMetadataFormats"))
    for prefix, (schema, namespace) in METADATA_FORMATS.items():
        fmt = etree.SubElement(node, _q("metadataFormat"))
        etree.SubElement(fmt, _q("metadataPrefix")).text = prefix
        etree.SubElement(fmt, _q("schema")).text = schema
        etree.SubElement(fmt, _q("metadataNamespace")).text = namespace


def list_sets(root, args, request):
    if "resumptionToken" in args:
        raise OAIError("badResumptionToken", "This repository gives no resumption tokens for ListSets.")
    node = etree.SubElement(root, _q("ListSets"))
    for spec, name in all_sets():
        entry = etree.SubElement(node, _q("set"))
        etree.SubElement(entry, _q("setSpec")).text = spec
        etree.SubElement(entry, _q("setName")).text = name


def _get_public(identifier: str):
    pk = _pk_from_identifier(identifier)
    publication = (
        Publication.objects.public().prefetch_related("authors", "themes").select_related("document").filter(pk=pk).first()
        if pk
        else None
    )
    if publication is None:
        raise OAIError("idDoesNotExist", f"No public record has the identifier '{identifier}'.")
    return publication


def _check_prefix(prefix: str):
    if prefix not in METADATA_FORMATS:
        raise OAIError("cannotDisseminateFormat", f"'{prefix}' is not a metadata format of this repository.")


def get_record(root, args, request):
    _check_prefix(args["metadataPrefix"])
    publication = _get_public(args["identifier"])
    node = etree.SubElement(root, _q("GetRecord"))
    _record(node, publication, request)


def _selection(args) -> dict:
    """The harvest's arguments, from the request or from the resumption token."""
    if "resumptionToken" in args:
        try:
            state = signing.loads(args["resumptionToken"], salt=TOKEN_SALT)
        except signing.BadSignature:
            raise OAIError("badResumptionToken", "The resumption token is not valid.")
        if not isinstance(state, dict) or not {"m", "f", "u", "s", "after", "cursor"} <= set(state):
            raise OAIError("badResumptionToken", "The resumption token is not valid.")
        return state
    _check_prefix(args["metadataPrefix"])
    granularities = set()
    for key, end in (("from", False), ("until", True)):
        if key in args:
            granularities.add(_parse_date(args[key], end)[1])
    if len(granularities) > 1:
        raise OAIError("badArgument", "from and until have different granularities.")
    return {
        "m": args["metadataPrefix"],
        "f": args.get("from"),
        "u": args.get("until"),
        "s": args.get("set"),
        "after": 0,
        "cursor": 0,
    }


def _harvest(state):
    qs = Publication.objects.public()
    if state["f"]:
        qs = qs.filter(last_published_at__gte=_parse_date(state["f"], end=False)[0])
    if state["u"]:
        qs = qs.filter(last_published_at__lt=_parse_date(state["u"], end=True)[0])
    if state["s"]:
        qs = _filter_set(qs, state["s"])
    return qs.order_by("pk")


def _list(root, args, request, verb: str):
    state = _selection(args)
    qs = _harvest(state)
    page = list(
        qs.filter(pk__gt=state["after"]).prefetch_related("authors", "themes").select_related("document")[: PAGE_SIZE + 1]
    )
    if not page:
        if "resumptionToken" in args:
            raise OAIError("badResumptionToken", "The resumption token no longer matches any records.")
        raise OAIError("noRecordsMatch", "No records match these arguments.")
    more, page = len(page) > PAGE_SIZE, page[:PAGE_SIZE]
    node = etree.SubElement(root, _q(verb))
    for publication in page:
        if verb == "ListRecords":
            _record(node, publication, request)
        else:
            _header(node, publication)
    if more or "resumptionToken" in args:
        token = etree.SubElement(node, _q("resumptionToken"))
        token.set("completeListSize", str(qs.count()))
        token.set("cursor", str(state["cursor"]))
        if more:
            token.text = signing.dumps(
                {**state, "after": page[-1].pk, "cursor": state["cursor"] + len(page)}, salt=TOKEN_SALT, compress=True
            )


def list_identifiers(root, args, request):
    _list(root, args, request, "ListIdentifiers")


def list_records(root, args, request):
    _list(root, args, request, "ListRecords")


def _header(parent, publication):
    header = etree.SubElement(parent, _q("header"))
    etree.SubElement(header, _q("identifier")).text = oai_identifier(publication)
    # A row made live outside the admin may lack a publication date; its last change stands in.
    etree.SubElement(header, _q("datestamp")).text = datestamp(publication.last_published_at or publication.updated_at)
    for spec in set_specs(publication):
        etree.SubElement(header, _q("setSpec")).text = spec


def _record(parent, publication, request):
    record = etree.SubElement(parent, _q("record"))
    _header(record, publication)
    metadata = etree.SubElement(record, _q("metadata"))
    metadata.append(dublin_core(publication, request.build_absolute_uri("/")))


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
    "GetRecord": get_record,
}


def base_url(request) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse("toolbox:oai"))


@csrf_exempt  # harvesters POST without a session; nothing changes state
@require_http_methods(["GET", "POST"])
def endpoint(request):
    """The OAI-PMH endpoint: every answer is an OAI-PMH document, errors included (HTTP 200)."""
    params = request.POST if request.method == "POST" else request.GET
    root = etree.Element(_q("OAI-PMH"), nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", OAI_SCHEMA)
    etree.SubElement(root, _q("responseDate")).text = datestamp(timezone.now())
    request_node = etree.SubElement(root, _q("request"))
    request_node.text = base_url(request)
    try:
        verb, args = _check_arguments(params)
        # The request's attributes are echoed only when verb and arguments are valid.
        request_node.set("verb", verb)
        for key, value in args.items():
            request_node.set(key, value)
        HANDLERS[verb](root, args, request)
    except OAIError as error:
        if error.code in ("badVerb", "badArgument"):
            request_node.attrib.clear()
        etree.SubElement(root, _q("error"), code=error.code).text = error.message
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
