"""Read a library of references (RIS or BibTeX) and check every record before anything is stored.

`read_library(data, filename)` gives (prepared publications, errors). Each error is a Dutch line
that names the record (its number and title) and the field, so an editor can fix the file; the
import itself (actions.import_publications) runs only when there are none.
"""

import re
from dataclasses import dataclass, field

import bibtexparser
import rispy
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from django.core.exceptions import ValidationError
from django.utils import translation
from pylatexenc.latex2text import LatexNodes2Text

from core.models import Theme

from .citations import TYPES
from .identifiers import normalise_doi, normalise_isbn
from .models import RESERVED_SLUGS, AuthorKind, Language, Publication, PublicationType, unique_slug

MAX_RECORDS = 5000

RIS_TYPES = {names.ris: value for value, names in TYPES.items()} | {
    "JFULL": PublicationType.JOURNAL_ARTICLE,
    "EJOUR": PublicationType.JOURNAL_ARTICLE,
    "MGZN": PublicationType.JOURNAL_ARTICLE,
    "EBOOK": PublicationType.BOOK,
    "EDBOOK": PublicationType.BOOK,
    "ECHAP": PublicationType.CHAPTER,
    "MPCT": PublicationType.VIDEO,
}
BIBTEX_TYPES = {
    "article": PublicationType.JOURNAL_ARTICLE,
    "book": PublicationType.BOOK,
    "incollection": PublicationType.CHAPTER,
    "inbook": PublicationType.CHAPTER,
    "techreport": PublicationType.REPORT,
    "report": PublicationType.REPORT,
    "booklet": PublicationType.BROCHURE,
    "audio": PublicationType.PODCAST,
    "video": PublicationType.VIDEO,
}
# The `type` field of a BibTeX entry names our type for @misc and refines @techreport.
SUBTYPES = {names.subtype.lower(): value for value, names in TYPES.items() if names.subtype} | {
    value.replace("_", " "): value for value in PublicationType.values
}
LANGUAGES = {
    **{code: code for code in Language.values},
    "dut": "nl", "nld": "nl", "dutch": "nl", "nederlands": "nl", "nl-be": "nl", "nl-nl": "nl",
    "eng": "en", "english": "en", "engels": "en", "en-gb": "en", "en-us": "en",
    "fre": "fr", "fra": "fr", "french": "fr", "frans": "fr", "français": "fr",
    "ger": "de", "deu": "de", "german": "de", "duits": "de", "deutsch": "de",
}  # fmt: skip

# Our field → how the error report names it (Dutch, with the tag in the file).
FIELD_NAMES = {
    "publication_type": "type",
    "title": "titel",
    "year": "jaar",
    "authors": "auteurs",
    "description": "beschrijving",
    "publisher": "uitgever",
    "journal": "tijdschrift of boek",
    "volume": "jaargang",
    "issue": "nummer",
    "pages": "pagina's",
    "isbn": "ISBN",
    "doi": "DOI",
    "external_url": "link",
    "language": "taal",
    "slug": "slug",
}
_latex = LatexNodes2Text()


@dataclass
class Record:
    """One reference as read from the file, in our field names."""

    number: int
    values: dict = field(default_factory=dict)
    authors: list = field(default_factory=list)  # (kind, name, given_names)
    keywords: list = field(default_factory=list)
    raw_type: str = ""
    tags: dict = field(default_factory=dict)  # our field → the file's tag, for error messages

    @property
    def label(self) -> str:
        title = self.values.get("title", "")
        short = title if len(title) <= 60 else title[:57] + "…"
        return f"record {self.number} (“{short}”)" if short else f"record {self.number}"


@dataclass
class Prepared:
    """A validated publication (unsaved) with its authors and themes, ready for the import."""

    publication: Publication
    authors: list
    themes: list


class LibraryError(ValueError):
    """The file as a whole cannot be read (not RIS or BibTeX, not text, no records)."""


# Reading ----------------------------------------------------------------------------------------


def _text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise LibraryError("Dit bestand is geen tekstbestand. Kies een RIS-bestand (.ris) of een BibTeX-bestand (.bib).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def detect_format(text: str, filename: str = "") -> str:
    name = filename.lower()
    if re.search(r"^\s*TY  - ", text, re.MULTILINE) and not name.endswith((".bib", ".bibtex")):
        return "ris"
    if re.search(r"^\s*@\w+\s*[{(]", text, re.MULTILINE) and not name.endswith(".ris"):
        return "bibtex"
    raise LibraryError(
        "Dit is geen RIS- of BibTeX-bestand: er staat geen enkele referentie in (RIS begint met ‘TY  - ’, BibTeX met ‘@’)."
    )


def _year(value: str) -> str:
    match = re.search(r"\b(\d{4})\b", value or "")
    return match.group(1) if match else (value or "").strip()


def _split_pages(start: str, end: str) -> str:
    return f"{start}-{end}" if start and end else start or end


def _ris_author(raw: str):
    raw = raw.strip()
    if "," in raw:
        family, _comma, given = raw.partition(",")
        return (AuthorKind.PERSON, family.strip(), given.strip())
    return (AuthorKind.ORGANISATION, raw, "")  # RIS writes people as "Family, Given"


def ris_records(text: str) -> list[Record]:
    records = []
    for number, entry in enumerate(rispy.loads(text, skip_unknown_tags=True), start=1):

        def first(*keys, entry=entry):
            return next((entry[k] for k in keys if entry.get(k)), "")

        record = Record(number=number, raw_type=entry.get("type_of_reference", ""))
        record.values = {
            "title": first("title", "primary_title"),
            "year": _year(first("year", "publication_year", "date")),
            "description": first("abstract", "notes_abstract"),
            "publisher": first("publisher"),
            "journal": first("secondary_title", "journal_name", "alternate_title3", "alternate_title1", "alternate_title2"),
            "volume": first("volume"),
            "issue": first("number"),
            "pages": _split_pages(first("start_page"), first("end_page")),
            "doi": first("doi"),
            "language": first("language"),
            "external_url": next(iter(entry.get("urls") or []), ""),
        }
        record.values["publication_type"] = RIS_TYPES.get(record.raw_type, "")
        if record.values["publication_type"] in (PublicationType.BOOK, PublicationType.CHAPTER, PublicationType.REPORT):
            record.values["isbn"] = first("issn")  # SN holds an ISBN for books, an ISSN for journals
        record.authors = [_ris_author(a) for a in (entry.get("authors") or []) + (entry.get("first_authors") or []) if a.strip()]
        record.keywords = entry.get("keywords") or []
        record.tags = {
            "publication_type": "TY",
            "title": "TI",
            "year": "PY",
            "authors": "AU",
            "doi": "DO",
            "isbn": "SN",
            "language": "LA",
            "external_url": "UR",
            "journal": "T2",
            "pages": "SP/EP",
        }
        records.append(record)
    return records


def _decode(value: str) -> str:
    return " ".join(_latex.latex_to_text(value).split()) if value else ""


def _bibtex_author(raw: str):
    raw = raw.strip()
    if raw.startswith("{") and raw.endswith("}") and raw.count("{") == 1:
        return (AuthorKind.ORGANISATION, _decode(raw[1:-1]), "")
    parts = parse_single_name_into_parts(raw)
    family = _decode(" ".join(parts.von + parts.last + ([", " + " ".join(parts.jr)] if parts.jr else [])))
    return (AuthorKind.PERSON, family, _decode(" ".join(parts.first)))


def bibtex_records(text: str) -> tuple[list[Record], list[str]]:
    library = bibtexparser.parse_string(text)
    errors = [
        f"record op regel {block.start_line + 1}: de BibTeX-syntaxis klopt niet ({block.error})."
        for block in library.failed_blocks
    ]
    records = []
    for number, entry in enumerate(library.entries, start=1):
        values = {key.lower(): f.value for key, f in entry.fields_dict.items() if isinstance(f.value, str)}

        def get(key, values=values):
            return _decode(values.get(key, ""))

        entry_type = entry.entry_type.lower()
        subtype = get("type").lower()
        kind = SUBTYPES.get(subtype) if entry_type in ("misc", "techreport", "report", "online") else None
        record = Record(number=number, raw_type=f"@{entry_type}" + (f" ({subtype})" if subtype else ""))
        record.values = {
            "publication_type": kind or BIBTEX_TYPES.get(entry_type, ""),
            "title": get("title"),
            "year": _year(get("year") or get("date")),
            "description": get("abstract"),
            "publisher": get("publisher") or get("institution") or get("organization"),
            "journal": get("journal") or get("journaltitle") or get("booktitle"),
            "volume": get("volume"),
            "issue": get("number"),
            "pages": get("pages").replace("--", "-").replace("–", "-"),
            "isbn": get("isbn"),
            "doi": get("doi"),
            "language": get("language") or get("langid"),
            "external_url": values.get("url", "").strip(),
        }
        record.authors = [_bibtex_author(a) for a in split_multiple_persons_names(values.get("author", "")) if a.strip()]
        record.keywords = [k.strip() for k in re.split(r"[,;]", get("keywords")) if k.strip()]
        record.tags = {
            "publication_type": "@type",
            "authors": "author",
            "journal": "journal/booktitle",
            "external_url": "url",
            **{name: name for name in ("title", "year", "doi", "isbn", "language", "pages", "publisher")},
        }
        records.append(record)
    return records, errors


# Checking ---------------------------------------------------------------------------------------


def _field(record: Record, name: str) -> str:
    tag = record.tags.get(name)
    label = FIELD_NAMES.get(name, name)
    return f"veld {label} ({tag})" if tag and tag != label else f"veld {label}"


def prepare(records: list[Record]) -> tuple[list[Prepared], list[str]]:
    """Check every record; return the publications to create, or the errors (Dutch, one per problem)."""
    themes = {}
    for theme in Theme.objects.all():
        themes[theme.name.lower()] = themes[theme.slug] = theme
    prepared, errors, slugs, dois = [], [], set(RESERVED_SLUGS), {}
    known_dois = set(Publication.objects.exclude(doi="").values_list("doi", flat=True))
    for record in records:
        problems = []

        def problem(name, text, record=record, problems=problems):
            problems.append(f"{record.label}, {_field(record, name)}: {text}")

        values = dict(record.values)
        if not values.get("publication_type"):
            problem("publication_type", f"het type ‘{record.raw_type or '(leeg)'}’ kennen we niet.")
        if not values.get("title"):
            problem("title", "ontbreekt.")
        if not values.get("year"):
            problem("year", "ontbreekt.")
        elif not values["year"].isdigit():
            problem("year", f"‘{values['year']}’ is geen jaartal.")
        if not record.authors:
            problem("authors", "er is geen enkele auteur.")
        for _kind, name, _given in record.authors:
            if not name:
                problem("authors", "een auteur heeft geen naam.")
            elif len(name) > 200:
                problem("authors", f"de naam ‘{name[:40]}…’ is langer dan 200 tekens.")
        if values.get("doi"):
            try:
                values["doi"] = normalise_doi(values["doi"])
            except ValueError:
                problem("doi", f"‘{values['doi']}’ is geen DOI (een DOI begint met 10. en bevat een schuine streep).")
            else:
                if values["doi"] in known_dois:
                    problem("doi", f"er staat al een publicatie met DOI {values['doi']} in de Toolbox.")
                elif values["doi"] in dois:
                    problem("doi", f"dezelfde DOI staat ook in record {dois[values['doi']]}.")
                dois.setdefault(values["doi"], record.number)
        if values.get("isbn"):
            try:
                values["isbn"] = normalise_isbn(values["isbn"])
            except ValueError:
                problem("isbn", f"‘{values['isbn']}’ is geen geldig ISBN (controleer de cijfers).")
        language = (values.get("language") or "nl").strip().lower()
        if language not in LANGUAGES:
            problem("language", f"de taal ‘{values['language']}’ kennen we niet (nl, en, fr of de).")
        values["language"] = LANGUAGES.get(language, "nl")
        if problems:
            errors.extend(problems)
            continue
        values["year"] = int(values["year"])
        publication = Publication(live=False, **{k: v for k, v in values.items() if v not in ("", None)})
        publication.slug = unique_slug(publication.title)
        number = 2
        while publication.slug in slugs:  # two records with the same title in one file
            publication.slug = f"{unique_slug(publication.title)}-{number}"
            number += 1
        slugs.add(publication.slug)
        try:
            with translation.override("nl-be"):
                publication.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    problem(name, message)
            errors.extend(problems)
            continue
        chosen = {themes[k.lower()].pk: themes[k.lower()] for k in record.keywords if k.lower() in themes}
        prepared.append(Prepared(publication, record.authors, list(chosen.values())))
    return prepared, errors


def read_library(data: bytes, filename: str = "") -> tuple[list[Prepared], list[str]]:
    """Read and check a whole RIS or BibTeX file: (publications to create, errors). Raises
    LibraryError when the file is not a library at all."""
    text = _text(data)
    fmt = detect_format(text, filename)
    if fmt == "ris":
        records, errors = ris_records(text), []
    else:
        records, errors = bibtex_records(text)
    if not records and not errors:
        raise LibraryError("Er staat geen enkele referentie in dit bestand.")
    if len(records) > MAX_RECORDS:
        raise LibraryError(f"Dit bestand bevat {len(records)} referenties; importeer er hoogstens {MAX_RECORDS} tegelijk.")
    prepared, problems = prepare(records)
    return prepared, errors + problems
