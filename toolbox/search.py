"""The Toolbox's faceted search: one object, one method per facet (like practices/search.py).

Facets combine: each facet is counted with every *other* selected filter applied, so a visitor
sees how many results each option would give. Filters and counts come from the in-memory
PublicationIndex (toolbox/facets.py) of Publication.objects.public(), the single visibility rule
for publications; the words are one query on the site's search index.
"""

from dataclasses import dataclass, field

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core import taxonomy
from core.facets import Results
from core.models import Theme
from core.search import clean_param, clean_query
from sitesearch import listing

from .facets import PublicationIndex
from .models import FIRST_YEAR, PublicationType, latest_year

KIND = "publication"  # in the site search (toolbox/search_index.py)
AUTHOR_FACET_SIZE = 15
SORTS = {
    "relevantie": _("Relevance"),
    "jaar": _("Newest"),
    "titel": _("Title"),
}


def text_matches(query: str) -> list[int]:
    """Ids of the publications matching the cleaned query, best first, through the site's Dutch
    search (stems, compounds, accents, typos, synonyms: sitesearch). Visibility is the caller's job;
    the search index only ever holds published publications."""
    from sitesearch import match_ids

    return match_ids(KIND, query) if query.split() else []


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

    def __init__(self, params):
        self.params = params
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
        self._text = None
        self._candidates = {}

    @cached_property
    def index(self) -> PublicationIndex:
        return PublicationIndex.current()

    @cached_property
    def tree(self):
        return listing.tree(self.query)

    # One method per filter: each gives the bitset of the publications it lets through --------
    def filter_type(self):
        return self.index.type.get(self.selected["type"], 0)

    def filter_year(self):
        return self.index.year.get(self.selected["jaar"], 0)

    def filter_year_range(self):
        low, high = self.selected["van"] or FIRST_YEAR, self.selected["tot"] or latest_year()
        mask = 0
        for year, bits in self.index.year.items():
            if low <= year <= high:
                mask |= bits
        return mask

    def filter_theme(self):
        return self.index.theme.get(self.index.theme_ids.get(self.selected["thema"]), 0)

    def filter_author(self):
        return self.index.author(self.selected["auteur"])

    def filter_expoo(self):
        return self.index.expoo

    def filters(self):
        return {
            "type": self.filter_type,
            "jaar": self.filter_year,
            "van": self.filter_year_range,
            "thema": self.filter_theme,
            "auteur": self.filter_author,
            "expoo": self.filter_expoo,
        }

    def active(self, param) -> bool:
        if param == "van":
            return bool(self.selected["van"] or self.selected["tot"])
        return bool(self.selected[param])

    def text_mask(self) -> int:
        """Bitset of the public publications matching every word (all of them without words)."""
        if self._text is None:
            if not self.query:
                self._text = self.index.everything
            else:
                self._text = listing.text_mask(self.index, KIND, self.tree)
        return self._text

    def candidates(self, skip=None) -> int:
        """The bitset of the results with every selected filter applied except `skip`."""
        if skip not in self._candidates:
            mask = self.text_mask()
            for param, apply in self.filters().items():
                if param != skip and self.active(param):
                    mask &= apply()
            self._candidates[skip] = mask
        return self._candidates[skip]

    def ranked(self, candidates: int, stop: int) -> list[int]:
        """The first `stop` of `candidates`, best match first (sitesearch.listing.ranked)."""
        return listing.ranked(self.index, KIND, self.tree, self.text_mask().bit_count(), candidates, stop)

    def run(self) -> Results:
        """The results in display order, as a lazy sequence of primary keys (cheap to count and to
        paginate; a slice sorts or ranks only what it needs)."""
        return Results(self)

    def ids(self, start: int, stop: int) -> list[int]:
        mask = self.candidates()
        if self.sort == "titel":
            return self.index.sorted_by(mask, self.index.title_rank)[start:stop]
        if self.sort == "jaar" or not self.query:
            return self.index.in_order(mask, stop)[start:stop]
        return self.ranked(mask, stop)[start:stop]

    # Facet counts: each facet counted with every *other* selected filter applied -------------
    def _options(self, param, masks, choices):
        base = self.candidates(param)
        return [
            {
                "value": str(value),
                "label": label,
                "count": (base & masks.get(value, 0)).bit_count(),
                "selected": value == self.selected[param],
            }
            for value, label in choices
        ]

    def type_facet(self):
        return Facet("type", _("Type"), self._options("type", self.index.type, PublicationType.choices))

    def year_facet(self):
        """The years with results within the other filters and the chosen range."""
        base = self.candidates("jaar")
        counts = {year: n for year, mask in self.index.year.items() if (n := (base & mask).bit_count())}
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
        base, masks = self.candidates("thema"), self.index.theme
        return Facet(
            "thema",
            _("Theme"),
            [
                {
                    "value": t.slug,
                    "label": t.label,
                    "count": (base & masks.get(t.pk, 0)).bit_count(),
                    "selected": t.slug == self.selected["thema"],
                }
                for t in taxonomy.active_terms(Theme)
            ],
        )

    def author_facet(self):
        # The authors with the most results (and the selected one): the page must not grow with the library.
        top = dict(self.index.top_authors(self.candidates("auteur"), AUTHOR_FACET_SIZE))
        chosen = self.selected["auteur"]
        if chosen and chosen not in top:
            top[chosen] = (self.candidates("auteur") & self.index.author(chosen)).bit_count()
        labels = self.index.author_labels
        return Facet(
            "auteur",
            _("Author"),
            [
                {"value": key, "label": labels.get(key, key), "count": n, "selected": key == chosen}
                for key, n in sorted(top.items(), key=lambda item: item[0].lower())
            ],
        )

    def expoo_facet(self):
        count = (self.candidates("expoo") & self.index.expoo).bit_count()
        return Facet(
            "expoo",
            _("Published by EXPOO"),
            [{"value": "1", "label": _("EXPOO publications only"), "count": count, "selected": bool(self.selected["expoo"])}],
        )

    def facets(self, total: int | None = None):
        """The facets in the order the page shows them."""
        return [self.type_facet(), self.year_facet(), self.theme_facet(), self.author_facet(), self.expoo_facet()]

    @property
    def is_filtered(self):
        return bool(self.query or any(self.selected.values()))
