"""The taxonomy terms of one object (a practice, an event) in one query.

A detail page shows an object's themes, target groups, ages, support functions and settings:
five prefetches, each a query and a set of model instances. Here the link tables are read with
one UNION ALL, and the terms themselves (a few dozen rows, changed by editors now and then) are
kept per process under the "taxonomy" version stamp, which core.pagecache renews in the
transaction that changes a term.
"""

import functools

from django.db import connection

from . import versions
from .models import AgeGroup, Setting, SupportFunction, TargetGroup, Theme

STAMP = "taxonomy"
MODELS = (Theme, TargetGroup, AgeGroup, SupportFunction, Setting)


def all_terms() -> dict:
    """{model: {pk: term}} of every term, active or not (an object keeps a retired term)."""
    return versions.per_stamp(
        "taxonomy-terms", STAMP, lambda: {model: {t.pk: t for t in model.objects.all()} for model in MODELS}
    )


def active_terms(model) -> list:
    """The terms of one taxonomy that are offered (in use), in the editors' order: from the terms
    kept per process, no query."""
    return [term for term in all_terms()[model].values() if term.is_active]


@functools.cache
def _link_tables(model, relations: tuple) -> tuple:
    """(table, object column, term column) of each relation, quoted, from the models' metadata."""
    quote = connection.ops.quote_name
    tables = []
    for relation in relations:
        field = model._meta.get_field(relation)
        through = field.remote_field.through._meta
        source = through.get_field(field.m2m_field_name()).column
        target = through.get_field(field.m2m_reverse_field_name()).column
        tables.append((quote(through.db_table), quote(source), quote(target)))
    return tuple(tables)


def _links(model, pks: list, relations: tuple) -> list:
    """(relation number, object pk, term pk) of every link of these objects, in one query."""
    if not pks:
        return []
    marks = ", ".join(["%s"] * len(pks))
    # Names from the models' metadata, quoted; the objects' keys are parameters.
    sql = " UNION ALL ".join(
        f"SELECT {number}, {source}, {target} FROM {table} WHERE {source} IN ({marks})"  # noqa: S608
        for number, (table, source, target) in enumerate(_link_tables(model, relations))
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(pks) * len(relations))
        return cursor.fetchall()


def terms_of_many(model, pks: list, relations: tuple) -> dict:
    """{pk: {relation: [term, ...]}} of several objects of one model, in one query; each list in
    the terms' own order (sort order, name)."""
    every = all_terms()
    targets = [every[model._meta.get_field(relation).related_model] for relation in relations]
    found = {pk: {relation: [] for relation in relations} for pk in pks}
    for number, pk, term_pk in _links(model, pks, relations):
        term = targets[number].get(term_pk)
        if term is not None and pk in found:
            found[pk][relations[number]].append(term)
    for terms in found.values():
        for listed in terms.values():
            listed.sort(key=lambda t: (t.sort_order, t.name))
    return found


def terms_of(instance, relations: tuple) -> dict:
    """{relation: [term, ...]} of one object, each list in the terms' own order (sort order, name)."""
    return terms_of_many(type(instance), [instance.pk], relations)[instance.pk]
