"""The two engines behind one interface: FTS5 with bm25 on SQLite, a tsvector with ts_rank on
PostgreSQL. Both index the same analysed terms (sitesearch.analysis); the query is a tree of
terms rendered in each engine's syntax and always passed as a parameter.

Scores are "lower is better" on both engines so callers sort the same way.
"""

import json

from django.db import connection, transaction

from . import registry
from .registry import KIND_BITS, KIND_MASK

FTS_TABLE = "sitesearch_fts"
DOC_TABLE = "sitesearch_searchdocument"
THEMES_TABLE = "sitesearch_searchdocument_themes"
TITLE_WEIGHT = 5.0  # a word in the title counts as much as five in the body (bm25 column weight)
# ts_rank_cd weights for D, C, B (body), A (title): the same ratio of five. Cover density (with
# length normalisation 1) ranked the judged queries best (bench/search_quality.py: nDCG@10 0.889
# against 0.844 for ts_rank on PostgreSQL).
PG_WEIGHTS = "{0.04, 0.1, 0.2, 1.0}"

SQLITE_CREATE = [
    # External content: the terms live in SearchDocument; triggers keep the index in step with
    # every insert, update and delete, whoever makes it (the indexer, a flush, a cascade).
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title_terms, body_terms, content='{DOC_TABLE}', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON {DOC_TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms); END",
    f"CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON {DOC_TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_terms, body_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.body_terms); END",
    f"CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF title_terms, body_terms ON {DOC_TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_terms, body_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.body_terms); "
    f"INSERT INTO {FTS_TABLE}(rowid, title_terms, body_terms) VALUES (new.id, new.title_terms, new.body_terms); END",
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{t}" for t in ("ai", "ad", "au")] + [f"DROP TABLE IF EXISTS {FTS_TABLE}"]

POSTGRES_CREATE = [
    # The analysis is done in Python: 'simple' only splits on spaces and keeps the terms as they are.
    # The kind is a lexeme of its own (KIND_LEXEME), so the GIN index finds "this word in a
    # practice" by intersecting two posting lists instead of reading every document with the word.
    f"ALTER TABLE {DOC_TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, coalesce(title_terms, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(body_terms, '')), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, 'sitesearchkind' || kind), 'D')) STORED",
    f"CREATE INDEX sitesearch_document_vector ON {DOC_TABLE} USING gin (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS sitesearch_document_vector",
    f"ALTER TABLE {DOC_TABLE} DROP COLUMN IF EXISTS search_vector",
]


def create_index(schema_editor) -> None:
    """The engine's index beside SearchDocument (called by migration 0002)."""
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}.get(vendor, []):
        schema_editor.execute(sql)


def drop_index(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, []):
        schema_editor.execute(sql)


def _codes(kinds) -> list[int]:
    return [registry.get(k).code for k in kinds]


KIND_LEXEME = "sitesearchkind"  # + the kind's name: a lexeme in every PostgreSQL document vector


def match_clause(tree, join: str = "", kinds=None) -> tuple[str, str, str, list]:
    """(FROM ... WHERE match, document id expression, score expression, params) for a query tree,
    matching documents of `kinds` (all kinds when None); filter_clause then checks the kinds.

    On SQLite the full-text index alone answers: its rowids are the document ids, which name the
    kind and the object (registry.document_id), so no row of the documents table is read. On
    PostgreSQL the kinds join the query as lexemes: the ranking still uses the words alone."""
    if connection.vendor == "sqlite":
        return (
            # CROSS JOIN keeps the join order: the full-text index drives the query.
            f"FROM {FTS_TABLE}{join.format(id=f'{FTS_TABLE}.rowid')} WHERE {FTS_TABLE} MATCH %s",
            f"{FTS_TABLE}.rowid",
            f"bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0)",
            [tree.fts5()],
        )
    words = tree.tsquery()
    wanted = f"{words} & ({' | '.join(KIND_LEXEME + registry.get(k).name for k in kinds)})" if kinds else words
    return (
        f"FROM {DOC_TABLE} d{join.format(id='d.id')} CROSS JOIN to_tsquery('simple', %s) q "
        "CROSS JOIN to_tsquery('simple', %s) m WHERE d.search_vector @@ m",
        "d.id",
        f"-ts_rank_cd('{PG_WEIGHTS}', d.search_vector, q, 1)",
        [words, wanted],
    )


def filter_clause(id_column: str, kinds=None, theme_id=None) -> tuple[str, list]:
    sql, params = "", []
    if kinds:
        codes = _codes(kinds)
        sql += f" AND ({id_column} & {KIND_MASK}) IN ({', '.join(['%s'] * len(codes))})"
        params += codes
    if theme_id is not None:
        sql += f" AND EXISTS (SELECT 1 FROM {THEMES_TABLE} t WHERE t.searchdocument_id = {id_column} AND t.theme_id = %s)"
        params.append(theme_id)
    return sql, params


def fetch(sql: str, params: list) -> list[tuple]:
    """Run a query built on match_clause. On PostgreSQL the planner is told to use the GIN index:
    it prices a sequential scan by the table's pages alone, but every row it reads there has its
    tsvector fetched from TOAST storage and decompressed to be matched, while the index answers a
    match without reading a vector at all. For a word in nearly every document it chose the
    sequential scan at 3.5 times the cost (35 against 10 ms at 10,000 practices, bench/)."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(sql, params)
            return cursor.fetchall()
        with transaction.atomic():
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            cursor.execute("RESET enable_seqscan")
        return rows


def document_rows(rows) -> list[tuple[int, str, int, float]]:
    kind_of = {k.code: k.name for k in registry.kinds()}
    return [(doc_id, kind_of.get(doc_id & KIND_MASK), doc_id >> KIND_BITS, score) for doc_id, score in rows]


def ranked(tree, *, kinds=None, theme_id=None, limit=None, offset=0) -> list[tuple[int, str, int, float]]:
    """(document id, kind, object id, score) of the matching documents, best first."""
    base, doc_id, score, params = match_clause(tree, kinds=kinds)
    where, extra = filter_clause(doc_id, kinds, theme_id)
    sql = f"SELECT {doc_id}, {score} AS score {base}{where} ORDER BY score, {doc_id}"
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        extra += [limit, offset]
    return document_rows(fetch(sql, params + extra))


def ranked_among(tree, document_ids: list[int], limit: int) -> list[tuple[int, str, int, float]]:
    """The `limit` best of the given documents that match, best first: ranking only a listing's
    own candidates (those its other filters let through) instead of every match."""
    if not document_ids:
        return []
    base, doc_id, score, params = match_clause(tree)
    if connection.vendor == "sqlite":
        # "+rowid": a filter on the match, not a lookup per id (which FTS5 would do for "rowid IN").
        among, ids = f" AND +{doc_id} IN (SELECT value FROM json_each(%s))", json.dumps(document_ids)
    else:
        among, ids = f" AND {doc_id} = ANY(%s)", list(document_ids)
    sql = f"SELECT {doc_id}, {score} AS score {base}{among} ORDER BY score, {doc_id} LIMIT %s"
    return document_rows(fetch(sql, [*params, ids, limit]))


def matching(tree, kind: str) -> list[int]:
    """Object ids of one kind that match, in no order (nothing is ranked). They travel as one
    comma-separated string: tens of thousands of one-number rows cost more to fetch than to find."""
    base, doc_id, _score, params = match_clause(tree, kinds=[kind])
    where, extra = filter_clause(doc_id, kinds=[kind])
    joined = (
        f"group_concat({doc_id} >> {KIND_BITS})"
        if connection.vendor == "sqlite"
        else f"string_agg(({doc_id} >> {KIND_BITS})::text, ',')"
    )
    rows = fetch(f"SELECT {joined} {base}{where}", params + extra)
    text = rows[0][0] if rows else None
    return list(map(int, text.split(","))) if text else []


def count_by_kind(tree, *, theme_id=None) -> dict[str, int]:
    base, doc_id, _score, params = match_clause(tree)
    where, extra = filter_clause(doc_id, theme_id=theme_id)
    kind_of = {k.code: k.name for k in registry.kinds()}
    rows = fetch(f"SELECT {doc_id} & {KIND_MASK} AS code, COUNT(*) {base}{where} GROUP BY code", params + extra)
    return {kind_of[code]: n for code, n in rows if code in kind_of}


def _with_themes(tree, kinds) -> tuple[str, str, list]:
    """(FROM ... WHERE, document id expression, params): the matches of `kinds` joined to their themes."""
    # SQLite: CROSS JOIN keeps the full-text index first; PostgreSQL has no CROSS JOIN ... ON.
    join = "CROSS JOIN" if connection.vendor == "sqlite" else "JOIN"
    base, doc_id, _score, params = match_clause(
        tree, join=f" {join} {THEMES_TABLE} t ON t.searchdocument_id = {{id}}", kinds=kinds
    )
    where, extra = filter_clause(doc_id, kinds=kinds)
    return base + where, doc_id, params + extra


def count_by_theme(tree, *, kinds=None) -> dict[int, int]:
    base, _doc_id, params = _with_themes(tree, kinds)
    return dict(fetch(f"SELECT t.theme_id, COUNT(*) {base} GROUP BY t.theme_id", params))


def document_themes(tree, kind: str) -> list[tuple[int, int]]:
    """(document id, theme id) of every match of one kind in a theme (sitesearch.warm)."""
    base, doc_id, params = _with_themes(tree, [kind])
    return fetch(f"SELECT {doc_id}, t.theme_id {base}", params)
