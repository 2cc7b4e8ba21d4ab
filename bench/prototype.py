"""Bench-only prototypes of a faster databank and practice page, to measure what a rewrite gains.

Not used by the site. Same templates, same parameters, same visibility rule
(Practice.objects.public()); what changes:

Databank (FastPracticeSearch):
  * Text: one raw query on the search index Wagtail already keeps, used as a SQL *subquery*
    (no list of up to 2,000 ids in Python): SQLite FTS5 `MATCH` joined by rowid, ranked with
    `bm25()`; PostgreSQL `title @@ q OR body @@ q` per term (the GIN indexes are used), ranked
    with `ts_rank` on the 'dutch' configuration. No 2,000-hit cap: every match counts.
  * Results: filtered, ordered and paginated in SQL (LIMIT 20 OFFSET n, and one COUNT), so the
    page never holds all matching ids.
  * Facets: one GROUP BY per facet straight on the link table (practice_themes, ...) over a pk
    subquery of the other filters; no DISTINCT over joined rows, and without Meta.ordering's
    `title` sneaking into GROUP BY (see README: the site's counts are wrong because of it).
    Filters on a term go through the link table by id, not through joins on slug.
  * Taxonomy, provinces: read once per process (a real version would cache with invalidation).
  * Organisation facet: the 15 with most results (plus the selected one), not every organisation.

Practice page (practice_fast): "related practices" as an EXISTS on the link table walking
published_at (newest first, stops after 4), instead of DISTINCT over every practice sharing a
theme followed by a sort; the organisation chain prefetched in one query instead of four.
"""

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from organisations.models import Organisation, Province
from practices.models import Practice, PracticeOrganisation
from practices.search import SORTS, Facet, PracticeSearch, text_sql
from practices.views.public import PAGE_SIZE, practice_context
from practices.workflow import PUBLISHED_LEVELS, Level, PublicView

ORGANISATION_FACET_SIZE = 15
_cache = {}


def _once(key, load):
    if key not in _cache:
        _cache[key] = load()
    return _cache[key]


# The text path was adopted by the site (practices.search.text_sql); the prototype reuses it.
text_subquery = text_sql


class RankedResults:
    """What Paginator needs (count() and slicing), computed in SQL one page at a time."""

    def __init__(self, search):
        self.search = search

    def count(self):
        return self.search.filtered().count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        return self.search.page_ids(item.start or 0, item.stop)


class FastPracticeSearch(PracticeSearch):
    def __init__(self, params, base=None):
        super().__init__(params, base)
        self._terms = {
            param: {t.slug: t for t in _once(param, lambda m=model: list(m.objects.active()))}
            for param, (_rel, model, _title) in self.TERM_FACETS.items()
        }

    # Filters: by id through the link table, text as a subquery ---------------------------------
    def filter_term(self, qs, param):
        slug = self.selected[param]
        if not slug:
            return qs
        term = self._terms[param].get(slug)
        relation = self.TERM_FACETS[param][0]
        field = Practice._meta.get_field(relation)
        through = field.remote_field.through
        if term is None:
            return qs.none()
        links = through.objects.filter(**{f"{field.m2m_reverse_field_name()}_id": term.pk}).values(field.m2m_field_name())
        return qs.filter(pk__in=links)

    def filter_province(self, qs):
        slug = self.selected["provincie"]
        if not slug:
            return qs
        links = PracticeOrganisation.objects.filter(organisation__municipality__province__slug=slug).values("practice_id")
        return qs.filter(pk__in=links)

    def filter_organisation(self, qs):
        slug = self.selected["organisatie"]
        if not slug:
            return qs
        return qs.filter(pk__in=PracticeOrganisation.objects.filter(organisation__slug=slug).values("practice_id"))

    def filtered(self, skip=None, text=True):
        qs = self.base.order_by()
        if self.query and text:
            sql, params = text_subquery(self.query)
            qs = qs.filter(pk__in=RawSQL(f"SELECT id FROM ({sql}) AS t", params))
        for param, apply in self.filters().items():
            if param != skip:
                qs = apply(qs)
        return qs

    def run(self):
        return RankedResults(self)

    def page_ids(self, start, stop):
        qs = self.filtered()
        if self.sort == "titel":
            qs = qs.order_by("title", "pk")
        elif self.sort == "nieuwste" or not self.query:
            qs = qs.order_by("-published_at", "-created_at", "pk")
        else:
            # Driven by the text index: rank the matches, keep those passing the other filters.
            sql, params = text_subquery(self.query, ranked=True)
            others, other_params = self.filtered(text=False).values("pk").query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT t.id FROM ({sql}) AS t WHERE t.id IN ({others}) ORDER BY t.rank, t.id DESC LIMIT %s OFFSET %s",
                    [*params, *other_params, stop - start, start],
                )
                return [row[0] for row in cursor.fetchall()]
        return list(qs.values_list("pk", flat=True)[start:stop])

    # Facet counts: one GROUP BY per facet over a pk subquery ---------------------------------
    def _link_counts(self, param):
        field = Practice._meta.get_field(self.TERM_FACETS[param][0])
        through = field.remote_field.through
        source, target = field.m2m_field_name(), f"{field.m2m_reverse_field_name()}_id"
        rows = (
            through.objects.filter(**{f"{source}__in": self.filtered(skip=param).values("pk")})
            .values(target)
            .annotate(n=Count("pk"))
            .order_by()
            .values_list(target, "n")
        )
        return dict(rows)

    def facets(self):
        facets = []
        levels = dict(self.filtered(skip="niveau").values("level").annotate(n=Count("pk")).order_by().values_list("level", "n"))
        facets.append(
            Facet(
                "niveau",
                _level_title(),
                [
                    {"value": v, "label": label, "count": levels.get(v, 0), "selected": v == self.selected["niveau"]}
                    for v, label in Level.choices
                ],
            )
        )
        for param, (_relation, _model, title) in self.TERM_FACETS.items():
            counts = self._link_counts(param)
            facets.append(
                Facet(
                    param,
                    title,
                    [
                        {
                            "value": t.slug,
                            "label": t.label,
                            "count": counts.get(t.pk, 0),
                            "selected": t.slug == self.selected[param],
                        }
                        for t in self._terms[param].values()
                    ],
                )
            )
        links = PracticeOrganisation.objects.filter(practice__in=self.filtered(skip="provincie").values("pk"))
        provinces = dict(
            links.values("organisation__municipality__province_id")
            .annotate(n=Count("practice_id", distinct=True))
            .order_by()
            .values_list("organisation__municipality__province_id", "n")
        )
        facets.append(
            Facet(
                "provincie",
                _province_title(),
                [
                    {
                        "value": p.slug,
                        "label": p.label,
                        "count": provinces.get(p.pk, 0),
                        "selected": p.slug == self.selected["provincie"],
                    }
                    for p in _once("provinces", lambda: list(Province.objects.all()))
                ],
            )
        )
        # (practice, organisation) is unique, so COUNT(*) is the number of practices; the status
        # check is done on the few rows kept (a join on status makes SQLite walk every organisation).
        top = (
            PracticeOrganisation.objects.filter(practice_id__in=self.filtered(skip="organisatie").values("pk"))
            .values("organisation_id")
            .annotate(n=Count("pk"))
            .order_by("-n", "organisation_id")[: ORGANISATION_FACET_SIZE * 2]
        )
        counts = {row["organisation_id"]: row["n"] for row in top}
        organisations = list(Organisation.objects.public().filter(pk__in=list(counts)).only("pk", "name", "slug"))
        organisations = sorted(organisations, key=lambda o: (-counts[o.pk], o.pk))[:ORGANISATION_FACET_SIZE]
        if self.selected["organisatie"] and self.selected["organisatie"] not in {o.slug for o in organisations}:
            organisations += list(
                Organisation.objects.public().filter(slug=self.selected["organisatie"]).only("pk", "name", "slug")
            )
        facets.append(
            Facet(
                "organisatie",
                _organisation_title(),
                [
                    {
                        "value": o.slug,
                        "label": o.name,
                        "count": counts.get(o.pk, 0),
                        "selected": o.slug == self.selected["organisatie"],
                    }
                    for o in sorted(organisations, key=lambda o: o.name)
                ],
            )
        )
        return facets


def _level_title():
    from django.utils.translation import gettext as _

    return _("Level of description")


def _province_title():
    from django.utils.translation import gettext as _

    return _("Province")


def _organisation_title():
    from django.utils.translation import gettext as _

    return _("Organisation")


@require_GET
def databank_fast(request):
    search = FastPracticeSearch(request.GET)
    paginator = Paginator(search.run(), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "search": search,
        "page_obj": page_obj,
        "practices": PracticeSearch.load(list(page_obj.object_list)),
        "facets": search.facets(),
        "sorts": SORTS,
        "total": paginator.count,
    }
    return render(request, "practices/databank.html", context)


def _public_practice_fast(slug):
    """As the site's, but the organisation chain (link, organisation, municipality, province) in one
    query instead of four."""
    links = PracticeOrganisation.objects.select_related("organisation__municipality__province")
    return get_object_or_404(
        Practice.objects.public()
        .select_related("published_description__template", "trajectory")
        .prefetch_related(
            "themes",
            "target_groups",
            "age_groups",
            "support_functions",
            "settings",
            Prefetch("organisation_links", queryset=links),
        ),
        slug=slug,
    )


@require_GET
def practice_fast(request, slug):
    practice = _public_practice_fast(slug)
    context = practice_context(practice)
    if context["view"] == PublicView.DESCRIPTION:
        themes = [t.pk for t in practice.themes.all()]  # prefetched already
        through = Practice.themes.through
        context["related"] = list(
            Practice.objects.public()
            .filter(level__in=PUBLISHED_LEVELS, published_at__isnull=False)
            .filter(Exists(through.objects.filter(practice_id=OuterRef("pk"), theme_id__in=themes)))
            .exclude(pk=practice.pk)
            .order_by("-published_at", "-pk")
            .only("pk", "title", "slug")[:4]
        )
    return render(request, "practices/practice_detail.html", context)
