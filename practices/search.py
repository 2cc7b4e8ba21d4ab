"""The databank's faceted search: one object, one method per facet (after cfpb's documents.py).

Facets combine: each facet's counts are computed with every *other* selected facet applied, so a
visitor sees how many results each option would give. Everything goes through
Practice.objects.public(), the single visibility rule for practices.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from core.models import AgeGroup, Setting, SupportFunction, TargetGroup, Theme
from core.search import clean_param, clean_query
from organisations.models import Organisation, Province

from .models import Practice
from .workflow import Level

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
    """Parse the query string, filter, count facets and sort; the view only renders."""

    TERM_FACETS = {
        "thema": ("themes", Theme, _("Theme")),
        "doelgroep": ("target_groups", TargetGroup, _("Target group")),
        "leeftijd": ("age_groups", AgeGroup, _("Age of the child")),
        "functie": ("support_functions", SupportFunction, _("Function of parenting support")),
        "setting": ("settings", Setting, _("Setting or sector")),
    }

    def __init__(self, params, base=None):
        self.params = params
        self.base = base if base is not None else Practice.objects.public()
        self.query = clean_query(params.get("q"))
        self._text_ids = None
        self.sort = params.get("sorteer") if params.get("sorteer") in SORTS else ("relevantie" if self.query else "nieuwste")
        self.selected = {
            "niveau": params.get("niveau") if params.get("niveau") in Level.values else "",
            "provincie": clean_param(params.get("provincie"), 60),
            "organisatie": clean_param(params.get("organisatie"), 200),
            **{param: clean_param(params.get(param)) for param in self.TERM_FACETS},
        }

    # One method per filter --------------------------------------------------------------
    def filter_level(self, qs):
        return qs.filter(level=self.selected["niveau"]) if self.selected["niveau"] else qs

    def filter_province(self, qs):
        slug = self.selected["provincie"]
        return qs.filter(organisations__municipality__province__slug=slug) if slug else qs

    def filter_organisation(self, qs):
        slug = self.selected["organisatie"]
        return qs.filter(organisations__slug=slug) if slug else qs

    def filter_term(self, qs, param):
        slug = self.selected[param]
        relation = self.TERM_FACETS[param][0]
        return qs.filter(**{f"{relation}__slug": slug}) if slug else qs

    def filters(self):
        return {
            "niveau": self.filter_level,
            "provincie": self.filter_province,
            "organisatie": self.filter_organisation,
            **{param: (lambda qs, p=param: self.filter_term(qs, p)) for param in self.TERM_FACETS},
        }

    def text_matches(self):
        """Practice ids matching every word (title, public summary, published description), best first.

        Straight on Wagtail's own search index: its ORM path ranks with a correlated subquery per
        practice, which took 54 s for a common word over 10,000 practices on SQLite (bench/)."""
        if not self.query:
            return None
        sql, params = text_sql(self.query, ranked=True)
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} ORDER BY rank", params)
            return [row[0] for row in cursor.fetchall()]

    def filtered(self, skip=None):
        qs = self.base
        if self.query:
            sql, params = text_sql(self.query)
            qs = qs.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - the visitor's words travel as parameters
        for param, apply in self.filters().items():
            if param != skip:
                qs = apply(qs)
        return qs.distinct()

    def run(self) -> list[int]:
        """Primary keys of the results in display order (cheap to paginate; the page loads its rows)."""
        self._text_ids = self.text_matches()
        results = self.filtered()
        if self.sort == "titel":
            return list(results.order_by("title").values_list("pk", flat=True))
        if self.sort == "nieuwste" or self._text_ids is None:
            return list(results.order_by("-published_at", "-created_at", "pk").values_list("pk", flat=True))
        rank = {pk: i for i, pk in enumerate(self._text_ids)}
        return sorted(results.values_list("pk", flat=True), key=lambda pk: rank.get(pk, len(rank)))

    @staticmethod
    def load(ids):
        """The practices for one page of ids, in that order, with what a result card shows."""
        rows = Practice.objects.filter(pk__in=ids).prefetch_related(
            "themes", "target_groups", "organisation_links__organisation__municipality__province"
        )
        by_pk = {p.pk: p for p in rows}
        return [by_pk[pk] for pk in ids if pk in by_pk]

    # Facet counts -----------------------------------------------------------------------
    def _counts(self, param, field_name):
        qs = self.filtered(skip=param)
        # order_by(): the model's default ordering would otherwise join the GROUP BY and split the counts.
        return dict(qs.order_by().values_list(field_name).annotate(n=Count("pk", distinct=True)))

    def facets(self):
        facets = []
        counts = self._counts("niveau", "level")
        facets.append(
            Facet(
                "niveau",
                _("Level of description"),
                [
                    {"value": v, "label": label, "count": counts.get(v, 0), "selected": v == self.selected["niveau"]}
                    for v, label in Level.choices
                ],
            )
        )
        for param, (relation, model, title) in self.TERM_FACETS.items():
            counts = self._counts(param, f"{relation}__slug")
            facets.append(
                Facet(
                    param,
                    title,
                    [
                        {
                            "value": t.slug,
                            "label": t.label,
                            "count": counts.get(t.slug, 0),
                            "selected": t.slug == self.selected[param],
                        }
                        for t in model.objects.active()
                    ],
                )
            )
        counts = self._counts("provincie", "organisations__municipality__province__slug")
        facets.append(
            Facet(
                "provincie",
                _("Province"),
                [
                    {
                        "value": p.slug,
                        "label": p.label,
                        "count": counts.get(p.slug, 0),
                        "selected": p.slug == self.selected["provincie"],
                    }
                    for p in Province.objects.all()
                ],
            )
        )
        counts = self._counts("organisatie", "organisations__slug")
        # The organisations with the most results (and the selected one): the page must not grow
        # with the number of organisations (1,400 links at 10,000 practices, bench/).
        top = sorted((n, s) for s, n in counts.items() if n and s)[-ORGANISATION_FACET_SIZE:]
        organisations = Organisation.objects.public().filter(slug__in=[s for _n, s in top] + [self.selected["organisatie"]])
        facets.append(
            Facet(
                "organisatie",
                _("Organisation"),
                [
                    {
                        "value": o.slug,
                        "label": o.name,
                        "count": counts.get(o.slug, 0),
                        "selected": o.slug == self.selected["organisatie"],
                    }
                    for o in organisations.order_by("name")
                ],
            )
        )
        return facets

    @property
    def is_filtered(self):
        return bool(self.query or any(self.selected.values()))


def text_sql(query: str, ranked: bool = False) -> tuple[str, list]:
    """(sql, params) selecting the ids (and a rank, lower is better) of indexed practices matching
    every word of a cleaned query. The caller filters on visibility: the index also holds titles of
    practices that are not public."""
    terms = query.split()
    content_type = ContentType.objects.get_for_model(Practice).pk
    if connection.vendor == "sqlite":
        table = "wagtailsearch_indexentry"
        match = "{title body} : (" + " AND ".join(f'"{t}"' for t in terms) + ")"  # clean_query removed quotes
        rank = f", bm25({table}_fts, 0.0, 1.0, 4.0) AS rank" if ranked else ""
        # CROSS JOIN keeps the join order so the full-text index drives the query.
        sql = (  # noqa: S608 - fixed table names; the visitor's words travel as parameters
            f"SELECT CAST(ie.object_id AS INTEGER) AS id{rank} FROM {table}_fts "
            f"CROSS JOIN {table} ie ON ie.id = {table}_fts.rowid "
            f"WHERE {table}_fts MATCH %s AND ie.content_type_id = %s"
        )
        return sql, [match, content_type]
    conditions, params = [], []
    for term in terms:
        conditions.append("(ie.title @@ plainto_tsquery('dutch', %s) OR ie.body @@ plainto_tsquery('dutch', %s))")
        params += [term, term]
    rank, rank_params = "", []
    if ranked:
        rank = (
            ", -(ts_rank(ie.title, plainto_tsquery('dutch', %s)) * ie.title_norm"
            " + ts_rank(ie.body, plainto_tsquery('dutch', %s))) AS rank"
        )
        rank_params = [query, query]
    sql = (  # noqa: S608 - fixed table names; the visitor's words travel as parameters
        f"SELECT ie.object_id::bigint AS id{rank} FROM wagtailsearch_indexentry ie "
        f"WHERE ie.content_type_id = %s AND {' AND '.join(conditions)}"
    )
    return sql, rank_params + [content_type, *params]


def site_search(query: str, limit: int) -> list:
    """Public practices for the site-wide search, best first."""
    ranked = PracticeSearch({"q": query, "sorteer": "relevantie"}).run()[:limit]
    return PracticeSearch.load(ranked)
