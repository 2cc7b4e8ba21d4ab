"""Bench-only prototype 2: facet counts from an in-memory index, text from one raw query.

Public practices get a bit position each (0 = newest, in the databank's "newest" order). Every
facet option (level, term, province, organisation) is a Python int used as a bitset over those
positions. A request then needs one SQL query for the text (the ids of the index entries that
match, straight from FTS5 / the GIN indexes) and, when sorting by relevance, one for the ranked
page; counting a facet option is `(candidates & option).bit_count()`, microseconds each, and
the number of queries does not depend on the data or on the number of facets.

The index is built once per process here (its build time is printed by practices_bench). A real
version keeps a version number in the cache, bumped by signals on Practice, its link tables,
Organisation and the taxonomy, and rebuilds when it changes (about the cost printed).
"""

import threading
import time
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_GET

from organisations.models import Organisation, OrganisationStatus, Province
from practices.models import Practice, PracticeOrganisation
from practices.search import SORTS, Facet, PracticeSearch
from practices.views.public import PAGE_SIZE
from practices.workflow import Level

ORGANISATION_FACET_SIZE = 15
INDEX_TABLE = "wagtailsearch_indexentry"


def _mask(positions, nbits):
    data = bytearray((nbits + 7) // 8)
    for p in positions:
        data[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(data, "little")


def _bits(mask):
    """Set bit positions, lowest first."""
    text = bin(mask)[:1:-1]
    return [i for i, c in enumerate(text) if c == "1"]


class FacetIndex:
    _lock = threading.Lock()
    _current = None
    build_seconds = None

    @classmethod
    def get(cls):
        with cls._lock:
            if cls._current is None:
                started = time.perf_counter()
                cls._current = cls()
                cls.build_seconds = time.perf_counter() - started
            return cls._current

    @classmethod
    def reset(cls):
        with cls._lock:
            cls._current = None

    def __init__(self):
        rows = list(Practice.objects.public().order_by("-published_at", "-created_at", "pk").values_list("pk", "level", "title"))
        self.ids = [pk for pk, _level, _title in rows]
        self.bit = {pk: i for i, pk in enumerate(self.ids)}
        n = self.n = len(self.ids)
        self.all = (1 << n) - 1
        self.title_order = {pk: i for i, pk in enumerate(sorted(self.ids, key=lambda pk: rows[self.bit[pk]][2]))}
        by_level = {}
        for i, (_pk, level, _title) in enumerate(rows):
            by_level.setdefault(level, []).append(i)
        self.level = {level: _mask(pos, n) for level, pos in by_level.items()}
        self.terms = {}  # param -> {term id: mask}
        self.term_list = {}  # param -> [terms]
        for param, (relation, model, _title) in PracticeSearch.TERM_FACETS.items():
            field = Practice._meta.get_field(relation)
            through = field.remote_field.through
            source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            positions = {}
            for practice_id, term_id in through.objects.values_list(source, target).iterator(chunk_size=5000):
                i = self.bit.get(practice_id)
                if i is not None:
                    positions.setdefault(term_id, []).append(i)
            self.terms[param] = {term: _mask(pos, n) for term, pos in positions.items()}
            self.term_list[param] = list(model.objects.active())
        province_pos, org_pos = {}, {}
        self.orgs_of = [()] * n
        links = PracticeOrganisation.objects.values_list(
            "practice_id", "organisation_id", "organisation__status", "organisation__municipality__province_id"
        )
        orgs_of = {}
        for practice_id, org_id, status, province_id in links.iterator(chunk_size=5000):
            i = self.bit.get(practice_id)
            if i is None:
                continue
            org_pos.setdefault(org_id, []).append(i)
            if status == OrganisationStatus.APPROVED:  # only public organisations are offered as a facet
                orgs_of.setdefault(i, []).append(org_id)
            if province_id:
                province_pos.setdefault(province_id, set()).add(i)
        for i, orgs in orgs_of.items():
            self.orgs_of[i] = tuple(orgs)
        self.province = {pid: _mask(pos, n) for pid, pos in province_pos.items()}
        self.org = {oid: _mask(pos, n) for oid, pos in org_pos.items()}
        self.provinces = list(Province.objects.all())
        self.org_by_slug = dict(Organisation.objects.public().values_list("slug", "pk"))
        # Search index entries -> bit positions (entries of other models, or hidden practices, are absent).
        ct = ContentType.objects.get_for_model(Practice).pk
        self.entry_bit = {}
        self.bit_entry = {}
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, object_id FROM {INDEX_TABLE} WHERE content_type_id = %s", [ct])
            for entry_id, object_id in cursor.fetchall():
                i = self.bit.get(int(object_id))
                if i is not None:
                    self.entry_bit[entry_id] = i
                    self.bit_entry[i] = entry_id
        self.content_type = ct


def text_mask(index, query):
    """Bits of the public practices whose title, summary or published text has every word."""
    terms = query.split()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            match = "{title body} : (" + " AND ".join(f'"{t}"' for t in terms) + ")"
            cursor.execute(f"SELECT rowid FROM {INDEX_TABLE}_fts WHERE {INDEX_TABLE}_fts MATCH %s", [match])
            rows = cursor.fetchall()
        else:
            conditions = " AND ".join(
                "(title @@ plainto_tsquery('dutch', %s) OR body @@ plainto_tsquery('dutch', %s))" for _ in terms
            )
            with transaction.atomic():
                # The planner thinks @@ on these (TOASTed) vectors is cheap and scans every row;
                # the GIN bitmap is 4-5 times faster for common words.
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute("SET LOCAL enable_indexscan = off")
                cursor.execute(f"SELECT id FROM {INDEX_TABLE} WHERE {conditions}", [t for term in terms for t in (term, term)])
                rows = cursor.fetchall()
    entry_bit = index.entry_bit
    return _mask((entry_bit[r[0]] for r in rows if r[0] in entry_bit), index.n)


def ranked_page(index, query, candidates, start, stop):
    """Practice ids of one page of `candidates` (a mask), best match first."""
    entries = [index.bit_entry[i] for i in _bits(candidates)]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            match = "{title body} : (" + " AND ".join(f'"{t}"' for t in query.split()) + ")"
            cursor.execute(
                f"SELECT f.rowid FROM {INDEX_TABLE}_fts f WHERE {INDEX_TABLE}_fts MATCH %s "
                f"ORDER BY bm25({INDEX_TABLE}_fts, 0.0, 1.0, 4.0), f.rowid DESC",
                [match],
            )
            wanted = set(entries)
            ordered = [r[0] for r in cursor.fetchall() if r[0] in wanted]
            page = ordered[start:stop]
        else:
            cursor.execute(
                f"SELECT id FROM {INDEX_TABLE} WHERE id = ANY(%s) ORDER BY "
                "ts_rank(title, plainto_tsquery('dutch', %s)) * title_norm + ts_rank(body, plainto_tsquery('dutch', %s)) DESC, "
                "id DESC LIMIT %s OFFSET %s",
                [entries, query, query, stop - start, start],
            )
            page = [r[0] for r in cursor.fetchall()]
    return [index.ids[index.entry_bit[e]] for e in page]


class Results:
    def __init__(self, search):
        self.search = search

    def count(self):
        return self.search.candidates().bit_count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        return self.search.page_ids(item.start or 0, item.stop)


class IndexedPracticeSearch(PracticeSearch):
    def __init__(self, params, base=None):
        super().__init__(params, base)
        self.index = FacetIndex.get()
        self._text = None
        self._cache = {}

    def text(self):
        if self._text is None:
            self._text = text_mask(self.index, self.query) if self.query else self.index.all
        return self._text

    def filter_masks(self):
        index, masks = self.index, {}
        if self.selected["niveau"]:
            masks["niveau"] = index.level.get(self.selected["niveau"], 0)
        for param in self.TERM_FACETS:
            slug = self.selected[param]
            if slug:
                term = next((t for t in index.term_list[param] if t.slug == slug), None)
                masks[param] = index.terms[param].get(term.pk, 0) if term else 0
        if self.selected["provincie"]:
            province = next((p for p in index.provinces if p.slug == self.selected["provincie"]), None)
            masks["provincie"] = index.province.get(province.pk, 0) if province else 0
        if self.selected["organisatie"]:
            masks["organisatie"] = index.org.get(index.org_by_slug.get(self.selected["organisatie"]), 0)
        return masks

    def candidates(self, skip=None):
        if skip not in self._cache:
            mask = self.text()
            for param, m in self.filter_masks().items():
                if param != skip:
                    mask &= m
            self._cache[skip] = mask
        return self._cache[skip]

    def run(self):
        return Results(self)

    def page_ids(self, start, stop):
        candidates = self.candidates()
        if self.query and self.sort == "relevantie":
            return ranked_page(self.index, self.query, candidates, start, stop)
        if self.sort == "titel":
            ids = sorted((self.index.ids[i] for i in _bits(candidates)), key=self.index.title_order.__getitem__)
            return ids[start:stop]
        return [self.index.ids[i] for i in _bits(candidates)[start:stop]]

    def facets(self):
        index, facets = self.index, []
        base = self.candidates("niveau")
        facets.append(
            Facet(
                "niveau",
                _title("Level of description"),
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
            base = self.candidates(param)
            masks = index.terms[param]
            facets.append(
                Facet(
                    param,
                    title,
                    [
                        {
                            "value": t.slug,
                            "label": t.label,
                            "count": (base & masks.get(t.pk, 0)).bit_count(),
                            "selected": t.slug == self.selected[param],
                        }
                        for t in index.term_list[param]
                    ],
                )
            )
        base = self.candidates("provincie")
        facets.append(
            Facet(
                "provincie",
                _title("Province"),
                [
                    {
                        "value": p.slug,
                        "label": p.label,
                        "count": (base & index.province.get(p.pk, 0)).bit_count(),
                        "selected": p.slug == self.selected["provincie"],
                    }
                    for p in index.provinces
                ],
            )
        )
        tally = Counter()
        orgs_of = index.orgs_of
        for i in _bits(self.candidates("organisatie")):
            tally.update(orgs_of[i])
        top = dict(tally.most_common(ORGANISATION_FACET_SIZE))
        selected_pk = index.org_by_slug.get(self.selected["organisatie"])
        if selected_pk:
            top.setdefault(selected_pk, tally.get(selected_pk, 0))
        organisations = Organisation.objects.filter(pk__in=list(top)).only("pk", "name", "slug").order_by("name")
        facets.append(
            Facet(
                "organisatie",
                _title("Organisation"),
                [
                    {"value": o.slug, "label": o.name, "count": top[o.pk], "selected": o.slug == self.selected["organisatie"]}
                    for o in organisations
                ],
            )
        )
        return facets


def _title(text):
    from django.utils.translation import gettext

    return gettext(text)


def load_cards(ids):
    """What a result card shows, for one page of ids, in 4 queries instead of 7: the organisation
    chain (link -> organisation -> municipality -> province) comes in one join."""
    links = PracticeOrganisation.objects.select_related("organisation__municipality__province")
    rows = Practice.objects.filter(pk__in=ids).prefetch_related(
        "themes", "target_groups", Prefetch("organisation_links", queryset=links)
    )
    by_pk = {p.pk: p for p in rows}
    return [by_pk[pk] for pk in ids if pk in by_pk]


@require_GET
def databank_index(request):
    search = IndexedPracticeSearch(request.GET)
    paginator = Paginator(search.run(), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "search": search,
        "page_obj": page_obj,
        "practices": load_cards(list(page_obj.object_list)),
        "facets": search.facets(),
        "sorts": SORTS,
        "total": paginator.count,
    }
    return render(request, "practices/databank.html", context)
