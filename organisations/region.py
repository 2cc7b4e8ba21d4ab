"""Finding a municipality from what a visitor types: a name (Dutch or French, any case, with or
without accents or hyphens), a postcode, or a NIS code. A postcode shared by several municipalities,
or a name that matches several, gives a choice; an unknown one gives suggestions."""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import Municipality, Postcode

MAX_LENGTH = 100
MAX_CHOICES = 20
MAX_SUGGESTIONS = 5


def normalise(text: str) -> str:
    """'Sint-Genesius-Rode ' → 'sint genesius rode', 'Biévène' → 'bievene': what visitors mean alike compares alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


@dataclass
class Lookup:
    """The outcome of a lookup: one municipality, a choice between several, or an error with suggestions."""

    query: str
    municipality: Municipality | None = None
    choices: list[Municipality] = field(default_factory=list)
    suggestions: list[Municipality] = field(default_factory=list)
    error: str = ""


def find_municipality(query: str) -> Lookup:
    """Resolve what a visitor typed into a municipality of Flanders or Brussels."""
    query = " ".join((query or "").split())
    if not query:
        return Lookup(query)
    postcode = re.search(r"\b(\d{4})\b", query)
    rest = normalise(re.sub(r"\b\d{4}\b", " ", query)) if postcode else normalise(query)
    if re.fullmatch(r"\d{5}", query):
        municipality = Municipality.objects.select_related("province").filter(nis_code=query).first()
        if municipality:
            return Lookup(query, municipality=municipality)
    if postcode:
        return _by_postcode(query, postcode.group(1), rest)
    if not rest:
        return Lookup(query, error=_("Type the name of a municipality or a postcode of four digits."))
    return _by_name(query, rest)


def _all_municipalities() -> list[Municipality]:
    return list(Municipality.objects.select_related("province").order_by("name"))


def _by_postcode(query: str, code: str, rest: str) -> Lookup:
    found = list(Municipality.objects.select_related("province").filter(postcodes__code=code).distinct().order_by("name"))
    if rest and len(found) > 1:
        # "1640 Sint-Genesius-Rode": the name picks one of the municipalities sharing the postcode.
        named = [m for m in found if rest in (normalise(m.name), normalise(m.name_fr))]
        found = named or found
    if len(found) == 1:
        return Lookup(query, municipality=found[0])
    if found:
        return Lookup(query, choices=found)
    if rest:
        by_name = _by_name(query, rest)
        if by_name.municipality or by_name.choices:
            return by_name
    nearest = sorted(Postcode.objects.select_related("municipality__province"), key=lambda p: abs(int(p.code) - int(code)))
    suggestions = list(dict.fromkeys(p.municipality for p in nearest[:12]))[:MAX_SUGGESTIONS]
    return Lookup(
        query,
        suggestions=suggestions,
        error=_("%(postcode)s is not a postcode in Flanders or Brussels. Check the number, or type the name of the municipality.")
        % {"postcode": code},
    )


def _by_name(query: str, wanted: str) -> Lookup:
    municipalities = _all_municipalities()
    names = {m.pk: {normalise(m.name), normalise(m.name_fr)} - {""} for m in municipalities}
    exact = [m for m in municipalities if wanted in names[m.pk]]
    if len(exact) == 1:
        return Lookup(query, municipality=exact[0])
    starts = exact or [m for m in municipalities if any(n.startswith(wanted) for n in names[m.pk])]
    if not starts:
        # 'molenbeek' finds 'Sint-Jans-Molenbeek': a whole word of the name.
        starts = [m for m in municipalities if any(f" {wanted}" in f" {n}" for n in names[m.pk])]
    if len(starts) == 1:
        return Lookup(query, municipality=starts[0])
    if starts:
        return Lookup(query, choices=starts[:MAX_CHOICES])
    by_name = {}
    for m in municipalities:
        for n in names[m.pk]:
            by_name.setdefault(n, m)
    close = difflib.get_close_matches(wanted, list(by_name), n=MAX_SUGGESTIONS * 2, cutoff=0.6)
    suggestions = list(dict.fromkeys(by_name[n] for n in close))[:MAX_SUGGESTIONS]
    return Lookup(
        query,
        suggestions=suggestions,
        error=_("We do not know a municipality “%(name)s” in Flanders or Brussels. Check the spelling, or type the postcode.")
        % {"name": query},
    )
