"""The two engines behind one interface: FTS5 with bm25 on SQLite, a tsvector with ts_rank on
PostgreSQL. Both index the same analysed terms (sitesearch.analysis); the query is a tree of
terms rendered in each engine's syntax and always passed as a parameter.

Scores are "lower is better" on both engines so callers sort the same way.
"""

from django.db import connection

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
    f"ALTER TABLE {DOC_TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, coalesce(title_terms, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(body_terms, '')), 'B')) STORED",
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


def match_clause(tree, join: str = "") -> tuple[str, str, list]:
    """(FROM ... WHERE match, score expression, params) for a query tree."""
    if connection.vendor == "sqlite":
        return (
            # CROSS JOIN keeps the join order: the full-text index drives the query.
            f"FROM {FTS_TABLE} CROSS JOIN {DOC_TABLE} d ON d.id = {FTS_TABLE}.rowid{join} WHERE {FTS_TABLE} MATCH %s",
            f"bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0)",
            [tree.fts5()],
        )
    return (
        f"FROM {DOC_TABLE} d{join} CROSS JOIN to_tsquery('simple', %s) q WHERE d.search_vector @@ q",
        f"-ts_rank_cd('{PG_WEIGHTS}', d.search_vector, q, 1)",
        [tree.tsquery()],
    )


def filter_clause(kinds=None, theme_id=None) -> tuple[str, list]:
    sql, params = "", []
    if kinds:
        sql += f" AND d.kind IN ({', '.join(['%s'] * len(kinds))})"
        params += list(kinds)
    if theme_id is not None:
        sql += f" AND EXISTS (SELECT 1 FROM {THEMES_TABLE} t WHERE t.searchdocument_id = d.id AND t.theme_id = %s)"
        params.append(theme_id)
    return sql, params


def fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ranked(tree, *, kinds=None, theme_id=None, limit=None, offset=0) -> list[tuple[int, str, int, float]]:
    """(document id, kind, object id, score) of the matching documents, best first."""
    base, score, params = match_clause(tree)
    where, extra = filter_clause(kinds, theme_id)
    sql = f"SELECT d.id, d.kind, d.object_id, {score} AS score {base}{where} ORDER BY score, d.id"
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        extra += [limit, offset]
    return fetch(sql, params + extra)


def count_by_kind(tree, *, theme_id=None) -> dict[str, int]:
    base, _score, params = match_clause(tree)
    where, extra = filter_clause(theme_id=theme_id)
    return dict(fetch(f"SELECT d.kind, COUNT(*) {base}{where} GROUP BY d.kind", params + extra))


def count_by_theme(tree, *, kinds=None) -> dict[int, int]:
    base, _score, params = match_clause(tree, join=f" JOIN {THEMES_TABLE} t ON t.searchdocument_id = d.id")
    where, extra = filter_clause(kinds=kinds)
    return dict(fetch(f"SELECT t.theme_id, COUNT(*) {base}{where} GROUP BY t.theme_id", params + extra))
