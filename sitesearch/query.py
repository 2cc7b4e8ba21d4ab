"""Searching the index: the site-wide search with facets, ids for one kind, and highlighting.

A query is cleaned (core.search.clean_query: no syntax ever reaches an engine), analysed like the
documents, and becomes a tree: every word must match, each word as (its stem OR its compound
parts OR, for a word no document has, the closest known word); a word or phrase of an editors'
synonym group matches any member of the group.
"""

import bisect
import functools
import re
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core import versions
from core.lru import LRU
from core.search import clean_query

from . import engine, registry, synonyms, vocabulary, warm
from .analysis import Term, all_of, any_of, content_tokens, stem, tokens
from .cache import stamps
from .models import SearchDocument

SNIPPET_CHARS = 260
_WORD = re.compile(r"\w+")


@dataclass
class ParsedQuery:
    tree: object | None  # None: nothing to search for
    units: list = field(default_factory=list)  # one node per word or synonym phrase (the tree is all of them)
    stems: set = field(default_factory=set)  # every stem the query can match: for highlighting
    corrections: dict = field(default_factory=dict)  # typed word -> the indexed word searched too
    suggestion: str = ""  # the query with its corrections, when there are any
    analyzer: object = None  # the analysis the query was made with (for highlighting)


def _word(word: str, vocab, corrections: dict | None):
    alternatives = [Term(stem(word))]
    parts = vocab.decompounder.split(word)
    if parts:
        alternatives.append(all_of(_word(p, vocab, None) for p in parts))
    if corrections is not None and not vocab.knows(word):
        correction = vocab.correct(word)
        if correction:
            corrections[word] = correction
            alternatives.append(_word(correction, vocab, None))
    return any_of(alternatives)


def parse(query: str, vocab=None, groups=None) -> ParsedQuery:
    """The query tree of a cleaned query, with the corrections it made."""
    if vocab is None or groups is None:
        stamp = versions.current(vocabulary.STAMP)
        vocab = vocab or vocabulary.current(stamp)
        groups = groups or synonyms.current(stamp)
    words = content_tokens(query)
    if not words:
        return ParsedQuery(None, analyzer=vocab.analyzer)
    stems = [stem(w) for w in words]
    units, corrections = [], {}
    i = 0
    while i < len(words):
        matched, length = groups.match(stems, i)
        if matched:
            own = all_of(_word(w, vocab, None) for w in words[i : i + length])  # a synonym is no typo
            members = [all_of(_word(w, vocab, None) for w in member) for group in matched for member in group.members]
            units.append(any_of([own, *members]))
            i += length
        else:
            units.append(_word(words[i], vocab, corrections))
            i += 1
    tree = all_of(units)
    suggestion = " ".join(corrections.get(t, t) for t in tokens(query)) if corrections else ""
    return ParsedQuery(tree, units, tree.stems(), corrections, suggestion, vocab.analyzer)


# Highlighting ----------------------------------------------------------------------------------


def _matches(text: str, stems: set, analyzer) -> list[tuple[int, int, frozenset]]:
    """(start, end, matched stems) of every word of the text that matches one of the stems.

    The distinct words are analysed (a long text repeats most of its words), then only the
    matching ones are looked for, by one expression: a publication's 50,000 characters are
    scanned in C instead of word by word in Python."""
    hits = {}
    for word in set(_WORD.findall(text)):
        terms = analyzer.surface_terms(word) & stems
        if terms:
            hits[word] = terms
    if not hits:
        return []
    pattern = _words_pattern(tuple(sorted(hits, key=lambda w: (-len(w), w))))
    return [(m.start(), m.end(), hits[m.group()]) for m in pattern.finditer(text)]


@functools.lru_cache(maxsize=256)
def _words_pattern(words: tuple) -> re.Pattern:
    """Any of these words as a whole word (as _WORD splits a text), longest first."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def _window(text: str, found: list, length: int) -> tuple[int, int]:
    """The stretch of `length` characters with the most distinct matched terms (then the most matches)."""
    if len(text) <= length:
        return 0, len(text)
    ends = [f[1] for f in found]
    best, best_key = 0, None
    for i, (start, _end, _terms) in enumerate(found[:500]):
        begin = max(0, start - 60)
        covered = found[i : bisect.bisect_right(ends, begin + length)]
        key = (len(frozenset().union(*(f[2] for f in covered))), len(covered), -begin)
        if best_key is None or key > best_key:
            best, best_key = begin, key
    start = best
    if start > 0:  # begin at a word
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def mark(text: str, stems: set, analyzer=None, length: int | None = SNIPPET_CHARS) -> SafeString:
    """Escape the text, wrap the words matching the stems in <mark>, cut to `length` around the best passage."""
    analyzer = analyzer or vocabulary.current().analyzer
    text = " ".join((text or "").split())
    found = _matches(text, stems, analyzer) if stems else []
    start, end = (0, len(text)) if length is None else _window(text, found, length)
    out, position = [], start
    for s, e, _terms in found:
        if s < start or e > end:
            continue
        out.append(escape(text[position:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        position = e
    out.append(escape(text[position:end]))
    html = "".join(out)
    if start > 0:
        html = "…" + html
    if end < len(text):
        html += "…"
    return mark_safe(html)  # noqa: S308 - every piece of text is escaped above


def highlight(text: str, query: str, length: int = SNIPPET_CHARS) -> SafeString:
    """An HTML-safe snippet of `text` around the best passage for `query`, matching words in <mark>
    (matched by stem: "ouders" marks "ouder", and compounds by their parts)."""
    parsed = parse(clean_query(query))
    return mark(text, parsed.stems, parsed.analyzer, length=length)


# Searching -------------------------------------------------------------------------------------


@dataclass
class Hit:
    kind: str
    label: object
    object: object
    score: float
    url: str
    title: SafeString
    snippet: SafeString
    date: object = None

    def __getitem__(self, key):  # older callers read hit["object"]
        return getattr(self, key)

    @property
    def templates(self) -> list[str]:
        """The kind's own result template if it has one, else the shared one."""
        return [f"sitesearch/hit_{self.kind}.html", "sitesearch/hit.html"]


@dataclass
class Results:
    query: str
    hits: list = field(default_factory=list)
    total: int = 0
    page: Page | None = None
    kinds: list = field(default_factory=list)  # [{value, label, count, selected}] for the kind facet
    themes: list = field(default_factory=list)  # [{value, label, count, selected}] for the theme facet
    suggestion: str = ""
    relaxed: bool = False  # no document had every word: these have some of them


def _theme_id(theme):
    from core.models import Theme

    if not theme:
        return None, None
    found = Theme.objects.filter(slug=str(theme)).first()
    return (found.pk, found) if found else (None, None)


def _load(rows, stems: set, analyzer) -> list[Hit]:
    """The hits of one page: each object through its kind's public queryset (a second check)."""
    by_kind: dict[str, list[int]] = {}
    for _id, kind, object_id, _score in rows:
        by_kind.setdefault(kind, []).append(object_id)
    objects = {}
    for kind, ids in by_kind.items():
        # Only the rows: what a kind prefetches to build its documents, a result does not show.
        entry = registry.get(kind)
        public = entry.queryset().prefetch_related(None)
        for obj in (entry.hit(public) if entry.hit else public).filter(pk__in=ids):
            objects[kind, obj.pk] = obj
    documents = SearchDocument.objects.defer("text").in_bulk([row[0] for row in rows])
    marked = _marked(documents.values(), stems, analyzer)
    hits, stale = [], []
    for doc_id, kind, object_id, score in rows:
        obj, doc = objects.get((kind, object_id)), documents.get(doc_id)
        if obj is None or doc is None:
            stale.append((kind, object_id))
            continue
        entry = registry.get(kind)
        hits.append(
            Hit(
                kind=kind,
                label=entry.label,
                object=obj,
                score=score,
                url=entry.url(obj) if entry.url else doc.url,
                title=marked[doc.pk][0],
                snippet=marked[doc.pk][1],
                date=doc.date,
            )
        )
    if stale:  # an index entry the public may no longer see: take it out after this request
        from .tasks import schedule

        for kind, object_id in stale:
            schedule(kind, object_id)
    return hits


# The marked title and snippet of a document for a query's stems, per process: the first page of a
# frequent search shows the same documents again and again, and finding the best passage in a text
# of up to 50,000 characters costs about a millisecond a document. The key holds what they depend
# on: the document as indexed (its time), the stems and the vocabulary (compound parts).
_snippets = LRU(2048)


def _marked(documents, stems: set, analyzer) -> dict:
    """{document id: (marked title, marked snippet)}; the texts are read only for those not kept."""
    wanted = (tuple(sorted(stems)), versions.current(vocabulary.STAMP))
    found, missing = {}, {}
    for doc in documents:
        key = (doc.pk, doc.indexed_at, wanted)
        kept = _snippets.peek(key)
        if kept is None:
            missing[doc.pk] = (key, doc.title)
        else:
            found[doc.pk] = kept
    if missing:
        for pk, text in SearchDocument.objects.filter(pk__in=list(missing)).values_list("pk", "text"):
            key, title = missing[pk]
            found[pk] = (mark(title, stems, analyzer, length=None), mark(text, stems, analyzer))
            _snippets.put(key, found[pk])
    return found


def search(query: str, *, kinds=None, theme=None, page=1, per_page: int = 20) -> Results:
    """Search every registered kind (or `kinds`), optionally within a theme (slug): one page of
    hits, the total, counts per kind and per theme, and a spelling suggestion."""
    query = clean_query(query)
    parsed = parse(query)
    known = registry.names()
    kinds = [k for k in (kinds or []) if k in known] or None
    theme_id, _theme = _theme_id(theme)
    results = Results(query=query, suggestion=parsed.suggestion)
    if parsed.tree is None:
        results.kinds = _kind_facet({}, kinds)
        return results
    tree = parsed.tree
    key_stamps = stamps()
    per_kind = _counted(warm.count_by_kind, tree, key_stamps, theme_id=theme_id)
    if not any(per_kind.values()) and len(parsed.units) > 1:
        tree, results.relaxed = any_of(parsed.units), True
        per_kind = _counted(warm.count_by_kind, tree, key_stamps, theme_id=theme_id)
    results.total = sum(n for k, n in per_kind.items() if k in (kinds or known))
    results.kinds = _kind_facet(per_kind, kinds)
    results.themes = _theme_facet(_counted(warm.count_by_theme, tree, key_stamps, kinds=tuple(kinds or known)), theme_id)
    paginator = Paginator(range(results.total), per_page)
    page_number = _page_number(page, paginator)
    start = (page_number - 1) * per_page
    filters = {"kinds": tuple(kinds or known), "theme_id": theme_id}
    if start + per_page <= BEST_CACHED:
        best = _answers.get(
            ("best", tree.fts5(), key_stamps, *filters.items()), lambda: warm.ranked(tree, **filters, limit=BEST_CACHED)
        )
        rows = best[start : start + per_page]
    else:
        rows = engine.ranked(tree, **filters, limit=per_page, offset=start)
    results.hits = _load(rows, parsed.stems, parsed.analyzer)
    results.page = Page(results.hits, page_number, paginator)
    return results


# The counts and the best matches of recent searches, per process (sitesearch.cache): the site
# search counts every match by kind and by theme, which for a word in a third of 110,000
# documents costs tens of milliseconds; a visitor who then pages or filters pays it once.
BEST_CACHED = 200
_answers = LRU(256)


def forget() -> None:
    _answers.clear()
    _snippets.clear()


def _counted(count, tree, key_stamps, **filters):
    return _answers.get((count.__name__, tree.fts5(), key_stamps, *sorted(filters.items())), lambda: count(tree, **filters))


def _page_number(page, paginator) -> int:
    """Like Paginator.get_page: the first page for nonsense, the last for a number past the end."""
    try:
        return paginator.validate_number(page)
    except PageNotAnInteger:
        return 1
    except EmptyPage:
        return paginator.num_pages


def _kind_facet(per_kind: dict, selected) -> list[dict]:
    return [
        {
            "value": k.name,
            "label": k.label_plural,
            "count": per_kind.get(k.name, 0),
            "selected": bool(selected) and k.name in selected,
        }
        for k in registry.kinds()
    ]


def _theme_facet(per_theme: dict, selected_id) -> list[dict]:
    from core.models import Theme

    ids = {pk for pk, n in per_theme.items() if n} | ({selected_id} if selected_id else set())
    return [
        {"value": t.slug, "label": t.label, "count": per_theme.get(t.pk, 0), "selected": t.pk == selected_id}
        for t in Theme.objects.filter(pk__in=ids)
    ]


def match_ids(kind: str, query: str) -> list[int]:
    """Ids of the objects of one kind that match the query, best first (for a capability's own
    listing and facets; combine with its public queryset)."""
    parsed = parse(clean_query(query))
    if parsed.tree is None:
        return []
    return [object_id for _id, _kind, object_id, _score in engine.ranked(parsed.tree, kinds=[kind])]
