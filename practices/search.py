"""The databank's faceted search: one object, one method per facet (after cfpb's documents.py).

Facets combine: each facet's counts are computed with every *other* selected facet applied, so a
visitor sees how many results each option would give. Everything goes through the FacetIndex of
Practice.objects.public(), the single visibility rule for practices.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core import taxonomy
from core.facets import Results
from core.models import AgeGroup, Setting, SupportFunction, TargetGroup, Theme
from core.search import clean_param, clean_query
from sitesearch import listing

from .models import Practice, PracticeOrganisation
from .workflow import Level

KIND = "practice"  # in the site search (practices/search_index.py)
ORGANISATION_FACET_SIZE = 15
SORTS = {
    "relevantie": _("Relevance"),
    "nieuwste": _("Newest"),
    "titel": _("Title"),
}


@dataclass
class Facet:
    param: str
    title: str
    options: list = field(default_factory=list)


class PracticeSearch:
    """Parse the query string, filter, count facets and sort; the view only renders.

    Filters and counts come from the in-memory FacetIndex (practices/facets.py) of the public
    practices; the text query is one SQL statement on the search index."""

    TERM_FACETS = {
        "thema": ("themes", Theme, _("Theme")),
        "doelgroep": ("target_groups", TargetGroup, _("Target group")),
        "leeftijd": ("age_groups", AgeGroup, _("Age of the child")),
        "functie": ("support_functions", SupportFunction, _("Function of parenting support")),
        "setting": ("settings", Setting, _("Setting or sector")),
    }

    def __init__(self, params):
        self.params = params
        self.query = clean_query(params.get("q"))
        self.sort = params.get("sorteer") if params.get("sorteer") in SORTS else ("relevantie" if self.query else "nieuwste")
        self.selected = {
            "niveau": params.get("niveau") if params.get("niveau") in Level.values else "",
            "provincie": clean_param(params.get("provincie"), 60),
            "organisatie": clean_param(params.get("organisatie"), 200),
            **{param: clean_param(params.get(param)) for param in self.TERM_FACETS},
        }
        self._index = None
        self._text = None
        self._candidates = {}

    @cached_property
    def tree(self):
        """The query as the site search parses it: Dutch stems, compounds, synonyms, typos."""
        return listing.tree(self.query)

    @property
    def index(self):
        if self._index is None:
            from .facets import FacetIndex

            self._index = FacetIndex.current()
        return self._index

    # One method per filter: each gives the bitset of the practices it lets through ---------
    def filter_level(self):
        return self.index.level.get(self.selected["niveau"], 0)

    def filter_province(self):
        return self.index.province_mask(self.selected["provincie"])

    def filter_organisation(self):
        return self.index.organisation_mask(self.selected["organisatie"])

    def filter_term(self, param):
        return self.index.term(param, self.selected[param])

    def filters(self):
        return {
            "niveau": self.filter_level,
            "provincie": self.filter_province,
            "organisatie": self.filter_organisation,
            **{param: (lambda p=param: self.filter_term(p)) for param in self.TERM_FACETS},
        }

    def text_mask(self) -> int:
        """Bitset of the public practices matching every word (all of them without a query)."""
        if self._text is None:
            if not self.query:
                self._text = self.index.everything
            else:
                self._text = listing.text_mask(self.index, KIND, self.tree)
        return self._text

    def ranked(self, candidates: int, stop: int) -> list[int]:
        """The first `stop` of `candidates`, best match first (sitesearch.listing.ranked)."""
        return listing.ranked(self.index, KIND, self.tree, self.text_mask().bit_count(), candidates, stop)

    def candidates(self, skip=None) -> int:
        """The bitset of the results with every selected filter applied except `skip`."""
        if skip not in self._candidates:
            mask = self.text_mask()
            for param, apply in self.filters().items():
                if param != skip and self.selected[param]:
                    mask &= apply()
            self._candidates[skip] = mask
        return self._candidates[skip]

    def run(self) -> Results:
        """The results in display order, as a sequence of primary keys that computes only the
        slices asked for (a page, an export batch): cheap to count and to paginate."""
        return Results(self)

    def ids(self, start: int, stop: int) -> list[int]:
        mask = self.candidates()
        if self.sort == "titel":
            return self.index.by_title(mask)[start:stop]
        if self.sort == "nieuwste" or not self.query:
            return self.index.newest_first(mask, stop)[start:stop]
        return self.ranked(mask, stop)[start:stop]

    @staticmethod
    def load(ids):
        """The practices for one page of ids, in that order, with what a result card shows: the
        organisation chain (link, organisation, municipality, province) in one join, and the
        themes and target groups as `practice.terms` (core.taxonomy: one query for both)."""
        links = PracticeOrganisation.objects.select_related("organisation__municipality__province")
        rows = Practice.objects.filter(pk__in=ids).prefetch_related(Prefetch("organisation_links", queryset=links))
        by_pk = {p.pk: p for p in rows}
        terms = taxonomy.terms_of_many(Practice, list(by_pk), ("themes", "target_groups"))
        for pk, practice in by_pk.items():
            practice.terms = terms[pk]
        return [by_pk[pk] for pk in ids if pk in by_pk]

    @staticmethod
    def load_cards(ids):
        """The practices for one page of result cards, in the order of `ids`, read lean: the
        columns a card shows, `practice.first_organisation` as (name, municipality) of the first
        link in the links' own order (the submitter first) from one plain query, and the terms as
        in `load`. Prefetching every link with its organisation as model instances cost about
        10 ms of Python a page for 20 cards."""
        rows = Practice.objects.filter(pk__in=ids).only("title", "slug", "level", "status", "published_description", "summary")
        by_pk = {p.pk: p for p in rows}
        links = PracticeOrganisation.objects.filter(practice_id__in=list(by_pk)).order_by(
            "practice_id", *PracticeOrganisation._meta.ordering
        )
        first = {}
        for pk, name, place in links.values_list("practice_id", "organisation__name", "organisation__municipality__name"):
            first.setdefault(pk, (name, place))
        terms = taxonomy.terms_of_many(Practice, list(by_pk), ("themes", "target_groups"))
        for pk, practice in by_pk.items():
            practice.terms = terms[pk]
            practice.first_organisation = first.get(pk)
        return [by_pk[pk] for pk in ids if pk in by_pk]

    # Facet counts: each facet counted with every *other* selected filter applied -------------
    def facets(self):
        index = self.index
        facets = []
        base = self.candidates("niveau")
        facets.append(
            Facet(
                "niveau",
                _("Level of description"),
                [
                    {
                        "value": v,
                        "label": label,
                        "count": (base & index.level.get(v, 0)).bit_count(),
                        "selected": v == self.selected["niveau"],
                    }
                    for v, label in Level.choices
                ],
            )
        )
        for param, (_relation, _model, title) in self.TERM_FACETS.items():
            base, masks = self.candidates(param), index.terms[param]
            facets.append(
                Facet(
                    param,
                    title,
                    [
                        {
                            "value": o.slug,
                            "label": o.label,
                            "count": (base & masks.get(o.pk, 0)).bit_count(),
                            "selected": o.slug == self.selected[param],
                        }
                        for o in index.term_options[param]
                    ],
                )
            )
        base = self.candidates("provincie")
        facets.append(
            Facet(
                "provincie",
                _("Province"),
                [
                    {
                        "value": o.slug,
                        "label": o.label,
                        "count": (base & index.province.get(o.pk, 0)).bit_count(),
                        "selected": o.slug == self.selected["provincie"],
                    }
                    for o in index.province_options
                ],
            )
        )
        # The organisations with the most results (and the selected one): the page must not grow
        # with the number of organisations (1,400 links at 10,000 practices, bench/).
        tally = index.organisation_tally(self.candidates("organisatie"))
        top = dict(tally.most_common(ORGANISATION_FACET_SIZE))
        selected = index.organisation_by_slug.get(self.selected["organisatie"])
        if selected:
            top.setdefault(selected, tally.get(selected, 0))
        names = index.organisation_names
        facets.append(
            Facet(
                "organisatie",
                _("Organisation"),
                [
                    {"value": index.organisation_slugs[pk], "label": names[pk], "count": n, "selected": pk == selected}
                    for pk, n in sorted(top.items(), key=lambda item: names[item[0]].casefold())
                ],
            )
        )
        return facets

    @property
    def is_filtered(self):
        return bool(self.query or any(self.selected.values()))
