"""The corpus of hostile query strings that the security suite sends to every public GET endpoint
(core/tests/test_hostile_input.py with Django's test client on both engines, and
e2e/test_security_input.py over real HTTP against the live server).

The parameter names below were read from the code, not guessed:

- databank `/praktijken/` and its CSV `/praktijken/export.csv` (practices/search.py PracticeSearch):
  q, sorteer, niveau, provincie, organisatie, thema, doelgroep, leeftijd, functie, setting; page.
- Toolbox `/toolbox/` and the citation export of a result list `/toolbox/export/<ris|bibtex|csl-json>/`
  (toolbox/search.py PublicationSearch): q, sorteer, type, jaar, van, tot, thema, auteur, expoo; page.
- agenda `/agenda/`, `/agenda/archief/`, `/agenda/maand/<y>/<m>/`, `/agenda/ical/` (events/views.py,
  events/search.py EventSearch): weergave, maand, periode, van, tot, thema, doelgroep, provincie, vorm,
  gratis, organisator, soort; page.
- organisation directory `/organisaties/` and `/organisaties/export.csv` (organisations/views.py):
  q, soort, provincie, page; regional offer `/aanbod-in-de-regio/` (organisations/forms.py): gemeente.
- site search `/zoeken/` (core/views.py): q, soort, thema, page.
- feeds: `/toolbox/feed/atom/`, `/toolbox/feed/rss/`, `/agenda/feed/` take thema;
  `/praktijken/feed/` takes none.
- OAI-PMH `/toolbox/oai/` (toolbox/oai.py VERBS): verb, identifier, metadataPrefix, from, until, set,
  resumptionToken.
- sitemap `/sitemap.xml` (django.contrib.sitemaps): p.
- news listing (pages/models.py NewsIndexPage): page.
- JSON API (practices/api.py, organisations/api.py): `/api/v1/praktijken/` the databank's filters plus
  page and per_pagina; `/api/v1/organisaties/`: q, soort, provincie, gemeente, postcode, page,
  per_pagina. There is no ordering parameter and no autocomplete or suggest endpoint.
- login `/account/inloggen/` (Django's LoginView) and Wagtail's `/beheer/login/`: next.
"""

from dataclasses import dataclass
from urllib.parse import quote

LONG = 10_000
# The longest request line a server here reads (Django's development server, the tests' live server,
# reads 65,536 bytes; gunicorn's default is 4,094 and nginx's 8k).
LINE_LIMIT = 65_536


@dataclass(frozen=True)
class Endpoint:
    path: str
    params: tuple[str, ...]

    def __str__(self) -> str:
        return self.path


PRACTICE_FILTERS = ("q", "sorteer", "niveau", "provincie", "organisatie", "thema", "doelgroep", "leeftijd", "functie", "setting")
TOOLBOX_FILTERS = ("q", "sorteer", "type", "jaar", "van", "tot", "thema", "auteur", "expoo")
AGENDA_FILTERS = ("periode", "van", "tot", "thema", "doelgroep", "provincie", "vorm", "gratis", "organisator", "soort")

ENDPOINTS = [
    Endpoint("/praktijken/", (*PRACTICE_FILTERS, "page")),
    Endpoint("/praktijken/export.csv", PRACTICE_FILTERS),
    Endpoint("/praktijken/feed/", ("thema",)),
    Endpoint("/toolbox/", (*TOOLBOX_FILTERS, "page")),
    Endpoint("/toolbox/export/ris/", TOOLBOX_FILTERS),
    Endpoint("/toolbox/export/bibtex/", TOOLBOX_FILTERS),
    Endpoint("/toolbox/export/csl-json/", TOOLBOX_FILTERS),
    Endpoint("/toolbox/feed/atom/", ("thema",)),
    Endpoint("/toolbox/feed/rss/", ("thema",)),
    Endpoint("/agenda/", ("weergave", "maand", *AGENDA_FILTERS, "page")),
    Endpoint("/agenda/archief/", (*AGENDA_FILTERS, "page")),
    Endpoint("/agenda/maand/2026/12/", AGENDA_FILTERS),
    Endpoint("/agenda/ical/", AGENDA_FILTERS),
    Endpoint("/agenda/feed/", ("thema",)),
    Endpoint("/organisaties/", ("q", "soort", "provincie", "page")),
    Endpoint("/organisaties/export.csv", ("q", "soort", "provincie")),
    Endpoint("/aanbod-in-de-regio/", ("gemeente",)),
    Endpoint("/zoeken/", ("q", "soort", "thema", "page")),
    Endpoint("/en/zoeken/", ("q", "soort", "thema", "page")),
    Endpoint("/sitemap.xml", ("p",)),
    Endpoint("/nieuws/", ("page",)),
    Endpoint("/api/v1/praktijken/", (*PRACTICE_FILTERS, "page", "per_pagina")),
    Endpoint("/api/v1/organisaties/", ("q", "soort", "provincie", "gemeente", "postcode", "page", "per_pagina")),
    Endpoint("/account/inloggen/", ("next",)),
    Endpoint("/beheer/login/", ("next",)),
]

OAI = "/toolbox/oai/"
# Each verb with valid values for its required arguments; the argument under attack replaces one.
OAI_VERBS = {
    "Identify": {},
    "ListMetadataFormats": {"identifier": None},
    "ListSets": {"resumptionToken": None},
    "ListIdentifiers": {"metadataPrefix": "oai_dc", "from": None, "until": None, "set": None, "resumptionToken": None},
    "ListRecords": {"metadataPrefix": "oai_dc", "from": None, "until": None, "set": None, "resumptionToken": None},
    "GetRecord": {"metadataPrefix": "oai_dc", "identifier": "oai:expoo:publication:1"},
}


def q(value: str) -> str:
    """Percent-encode a value for a query string (every reserved character)."""
    return quote(value, safe="")


# Values, already encoded as they go on the wire: most are text run through q(); the raw ones are
# byte sequences that are not UTF-8 once decoded, or shapes of a query string (arrays, repeats).
SQLISH = [
    "' OR 1=1--",
    '"; DROP TABLE practices_practice; --',
    "1'; SELECT pg_sleep(5)--",
    "%",
    "_",
    "%_%",
    "\\",
    "\\'",
    # FTS5 syntax
    "NEAR(ouders kinderen",
    '"',
    '"unterminated',
    "*",
    "-",
    "opvoeding AND OR NOT",
    "title:opvoeding",
    "{title body}: ouders",
    "^ouders",
    # PostgreSQL tsquery syntax
    "ouders & | ! :*",
    "!(ouders <-> kinderen):*",
    "ouders:*A",
]
CONTROL = [
    "\x00",
    "ouders\x00kinderen",
    "\x01\x02\x1b[31m\x7f",
    "a\r\nSet-Cookie: x=1",
    "\u202eright-to-left\ufeff",
    "\ufffe\uffff",
]
NUMBERS = ["-1", "0", "-99999999999999999999", str(10**9), "9" * 5000, "1e9", "NaN", "Infinity", "0x10", "1.5", "\u0663"]
DATES = ["0000-00-00", "9999-99-99", "9999-12-31", "0001-01-01", "31/02/2026", "2026-13-01", "99999-1", "-1--1"]
TEXT_VALUES = [*SQLISH, *CONTROL, *NUMBERS, *DATES, "x" * LONG, "é" * (LONG // 2)]
VALUES = [q(v) for v in TEXT_VALUES]
# Invalid UTF-8 in percent-encodings: a lone continuation byte, a truncated sequence, an encoded
# surrogate, an overlong NUL, a five-byte form.
JSONISH = '{"$gt": ""}'
RAW_VALUES = ["%FF", "%C3%28", "%E2%82", "%ED%A0%80", "%C0%80", "%F8%88%80%80%80"]


OAI_VALUES = [q(v) for v in [*SQLISH[:3], *CONTROL, *NUMBERS[2:5], *DATES, "x" * LONG]] + RAW_VALUES


def query(params, value: str) -> str:
    return "&".join(f"{param}={value}" for param in params)


def requests_for(endpoint: Endpoint) -> list[str]:
    """The URLs (path and query string) that attack one endpoint: every value in every parameter at
    once, then per parameter the shapes that hit it alone (the longest value after a NUL; repeated,
    as an array and as JSON)."""
    urls = []
    for value in [*VALUES, *RAW_VALUES]:
        url = f"{endpoint.path}?{query(endpoint.params, value)}"
        # No server in front accepts a longer request line: such a value goes to one parameter at a time.
        if len(url) < LINE_LIMIT:
            urls.append(url)
        else:
            urls += [f"{endpoint.path}?{param}={value}" for param in endpoint.params]
    for param in endpoint.params:
        urls += [
            f"{endpoint.path}?{param}={q(chr(0) + 'x' * LONG)}",
            f"{endpoint.path}?{param}=1&{param}[]=2&{param}[0]={q(JSONISH)}&{param}={q(chr(39) + ' OR 1=1--')}",
        ]
    return urls


def oai_requests() -> list[str]:
    """Every OAI-PMH verb with each of its arguments replaced by a hostile value of every kind."""
    urls = [f"{OAI}?verb={value}" for value in [*VALUES[:12], *RAW_VALUES]]
    urls += [f"{OAI}?verb=Identify&verb=ListSets", f"{OAI}?verb[]=Identify"]
    for verb, args in OAI_VERBS.items():
        valid = {key: value for key, value in args.items() if value}
        for arg in args:
            for value in OAI_VALUES:
                params = {**valid, arg: value}
                urls.append(f"{OAI}?verb={verb}&" + "&".join(f"{k}={v if k == arg else q(v)}" for k, v in params.items()))
    return urls


def all_requests() -> list[str]:
    return [url for endpoint in ENDPOINTS for url in requests_for(endpoint)] + oai_requests()


def url_near_limit(path: str, limit: int) -> str:
    """One URL whose request line is just under `limit` bytes (the server's longest)."""
    prefix = f"{path}?q="
    # "GET " + url + " HTTP/1.1\r\n"
    return prefix + "a" * (limit - len(prefix) - len("GET  HTTP/1.1\r\n") - 16)
