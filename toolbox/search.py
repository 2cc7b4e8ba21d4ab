"""The Toolbox's faceted search: one object, one method per facet (like practices/search.py).

Facets combine: each facet is counted with every *other* selected filter applied, so a visitor
sees how many results each option would give. Counting is one GROUP BY query per facet over the
ids of the filtered publications, never a loop over model instances. Everything starts from
Publication.objects.public(), the single visibility rule for publications.
"""

import json
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from core.models import Theme
from core.search import clean_param, clean_query

from .models import FIRST_YEAR, Publication, PublicationAuthor, PublicationType, author_key, latest_year

AUTHOR_FACET_SIZE = 15
SORTS = {
    "relevantie": _("Relevance"),
    "jaar": _("Newest"),
    "titel": _("Title"),
}
# Beyond this many ids a text match travels as one JSON parameter instead of one per id
# (SQLite allows a limited number of parameters per statement).
_MAX_LISTED_IDS = 500


def text_matches(query: str) -> list[int]:
    """Ids of the publications matching the cleaned query, best first, through the site's Dutch
    search (stems, compounds, accents, typos, synonyms: sitesearch). Visibility is the caller's job;
    the search index only ever holds published publications."""
    from sitesearch import match_ids

    return match_ids("publication", query) if query.split() else []


def among(ids: list[int]) -> Q:
    """A filter on a list of ids of any length, one parameter when the list is long."""
    if len(ids) <= _MAX_LISTED_IDS:
        return Q(pk__in=ids)
    if connection.vendor == "postgresql":
        return Q(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [list(ids)]))  # noqa: S611 - ids travel as a parameter
    return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))]))  # noqa: S611 - idem


@dataclass
class Facet:
    param: str
    title: str
    options: list = field(default_factory=list)


def _int_param(raw, low: int, high: int) -> int | None:
    try:
        value = int(clean_param(raw, 6))
    except ValueError:
        return None
    return value if low <= value <= high else None


class PublicationSearch:
    """Parse the query string, filter, count facets and sort; the view only renders."""

    def __init__(self, params, base=None):
        self.params = params
        self.base = base if base is not None else Publication.objects.public()
        self.query = clean_query(params.get("q"))
        self.sort = params.get("sorteer") if params.get("sorteer") in SORTS else ("relevantie" if self.query else "jaar")
        if self.sort == "relevantie" and not self.query:
            self.sort = "jaar"
        last = latest_year()
        year_from, year_to = _int_param(params.get("van"), FIRST_YEAR, last), _int_param(params.get("tot"), FIRST_YEAR, last)
        if year_from and year_to and year_from > year_to:
            year_from, year_to = year_to, year_from
        self.selected = {
            "type": params.get("type") if params.get("type") in PublicationType.values else "",
            "jaar": _int_param(params.get("jaar"), FIRST_YEAR, last) or "",
            "van": year_from or "",
            "tot": year_to or "",
            "thema": clean_param(params.get("thema")),
            "auteur": clean_param(params.get("auteur"), 330),
            "expoo": "1" if params.get("expoo") == "1" else "",
        }
        self._text_ids = text_matches(self.query) if self.query else None

    # One method per filter --------------------------------------------------------------
    def filter_text(self, qs):
        return qs if self._text_ids is None else qs.filter(among(self._text_ids))

    def filter_type(self, qs):
        return qs.filter(publication_type=self.selected["type"]) if self.selected["type"] else qs

    def filter_year(self, qs):
        return qs.filter(year=self.selected["jaar"]) if self.selected["jaar"] else qs

    def filter_year_range(self, qs):
        if self.selected["van"]:
            qs = qs.filter(year__gte=self.selected["van"])
        if self.selected["tot"]:
            qs = qs.filter(year__lte=self.selected["tot"])
        return qs

    def filter_theme(self, qs):
        slug = self.selected["thema"]
        if not slug:
            return qs
        links = Publication.themes.through.objects.filter(theme__slug=slug)
        return qs.filter(pk__in=links.values("publication_id"))

    def filter_author(self, qs):
        value = self.selected["auteur"]
        if not value:
            return qs
        match = Q(name=value, given_names="")
        family, comma, given = value.partition(", ")
        if comma and given:
            match |= Q(name=family, given_names=given)
        return qs.filter(pk__in=PublicationAuthor.objects.filter(match).values("publication_id"))

    def filter_expoo(self, qs):
        return qs.filter(is_expoo=True) if self.selected["expoo"] else qs

    def filters(self):
        return {
            "type": self.filter_type,
            "jaar": self.filter_year,
            "van": self.filter_year_range,
            "thema": self.filter_theme,
            "auteur": self.filter_author,
            "expoo": self.filter_expoo,
        }

    def filtered(self, skip=None):
        """The public publications matching the words and every filter but `skip`."""
        qs = self.filter_text(self.base)
        for param, apply in self.filters().items():
            if param != skip:
                qs = apply(qs)
        return qs

    def run(self) -> list[int]:
        """Primary keys of the results in display order (cheap to paginate; the page loads its rows)."""
        results = self.filtered().order_by()
        if self.sort == "titel":
            return list(results.order_by("title", "pk").values_list("pk", flat=True))
        if self.sort == "jaar" or self._text_ids is None:
            return list(results.order_by("-year", "-first_published_at", "pk").values_list("pk", flat=True))
        rank = {pk: i for i, pk in enumerate(self._text_ids)}
        return sorted(results.values_list("pk", flat=True), key=lambda pk: rank.get(pk, len(rank)))

    @staticmethod
    def load(ids):
        """The publications for one page of ids, in that order, with what a result shows."""
        rows = Publication.objects.filter(pk__in=ids).prefetch_related("authors", "themes")
        by_pk = {p.pk: p for p in rows}
        return [by_pk[pk] for pk in ids if pk in by_pk]

    # Facet counts -----------------------------------------------------------------------
    def _ids(self, skip):
        # order_by(): the model's default ordering would otherwise join the GROUP BY and split the counts.
        return self.filtered(skip=skip).order_by().values("pk")

    def _counts(self, skip, column):
        return dict(self.filtered(skip=skip).order_by().values_list(column).annotate(n=Count("pk")))

    def type_facet(self):
        counts = self._counts("type", "publication_type")
        return Facet(
            "type",
            _("Type"),
            [
                {"value": v, "label": label, "count": counts.get(v, 0), "selected": v == self.selected["type"]}
                for v, label in PublicationType.choices
            ],
        )

    def year_counts(self):
        """{year: count} within the other filters and the chosen range (the range narrows the years)."""
        return self._counts("jaar", "year")

    def year_facet(self, counts):
        years = sorted(set(counts) | ({self.selected["jaar"]} if self.selected["jaar"] else set()), reverse=True)
        return Facet(
            "jaar",
            _("Year of publication"),
            [
                {"value": str(y), "label": str(y), "count": counts.get(y, 0), "selected": y == self.selected["jaar"]}
                for y in years
            ],
        )

    def theme_facet(self):
        links = Publication.themes.through.objects.filter(publication_id__in=self._ids("thema"))
        counts = dict(links.values_list("theme__slug").annotate(n=Count("publication_id")))
        return Facet(
            "thema",
            _("Theme"),
            [
                {"value": t.slug, "label": t.label, "count": counts.get(t.slug, 0), "selected": t.slug == self.selected["thema"]}
                for t in Theme.objects.active()
            ],
        )

    def author_facet(self, total: int):
        rows = (
            PublicationAuthor.objects.filter(publication_id__in=self._ids("auteur"))
            .values_list("name", "given_names", "kind")
            .annotate(n=Count("publication_id", distinct=True))
            .order_by("-n", "name", "given_names")
        )
        # The authors with the most results (and the selected one): the page must not grow with the library.
        top = list(rows[:AUTHOR_FACET_SIZE])
        options = {author_key(name, given): (name, given, n) for name, given, _kind, n in top}
        chosen = self.selected["auteur"]
        if chosen and chosen not in options:
            # Selected, its count is the number of results.
            family, _comma, given = chosen.partition(", ")
            options[chosen] = (family, given, total)
        return Facet(
            "auteur",
            _("Author"),
            [
                {
                    "value": key,
                    "label": f"{given} {name}" if given else name,
                    "count": n,
                    "selected": key == chosen,
                }
                for key, (name, given, n) in sorted(options.items(), key=lambda item: item[0].lower())
            ],
        )

    def expoo_facet(self):
        count = self.filtered(skip="expoo").filter(is_expoo=True).count()
        return Facet(
            "expoo",
            _("Published by EXPOO"),
            [{"value": "1", "label": _("EXPOO publications only"), "count": count, "selected": bool(self.selected["expoo"])}],
        )

    def facets(self, total: int):
        """The facets in the order the page shows them; `total` is the number of results."""
        return [
            self.type_facet(),
            self.year_facet(self.year_counts()),
            self.theme_facet(),
            self.author_facet(total),
            self.expoo_facet(),
        ]

    @property
    def is_filtered(self):
        return bool(self.query or any(self.selected.values()))
