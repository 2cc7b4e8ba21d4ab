"""The kinds of content the site search holds. Each capability registers its own in its app's
ready() (or in a `search_index` module that sitesearch imports), with the rule of who may see it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Kind:
    name: str
    label: object  # a (lazy) translatable string: "Practice"
    label_plural: object
    queryset: Callable[[], QuerySet]
    document: Callable[[Model], dict]
    url: Callable[[Model], str] | None = None
    order: int = 50
    code: int = 0  # stable number of the kind inside a document id (see document_id)
    hit: Callable[[QuerySet], QuerySet] | None = None  # narrows queryset() to what a result shows


# A document's id is its object's id and its kind's code in one number: `object_id << KIND_BITS |
# code`. The engines' match lists (FTS5 rowids, PostgreSQL ids) then name the object and its kind
# without a join, re-indexing an object keeps its id, and a listing can rank among its own
# candidates by id. Codes are fixed by each kind's registration and must never be reused.
KIND_BITS = 5
KIND_MASK = (1 << KIND_BITS) - 1

_kinds: dict[str, Kind] = {}


def register(
    kind: str,
    *,
    label,
    queryset: Callable[[], QuerySet],
    document: Callable[[Model], dict],
    label_plural=None,
    url: Callable[[Model], str] | None = None,
    order: int = 50,
    code: int,
    hit: Callable[[QuerySet], QuerySet] | None = None,
) -> Kind:
    """Add a kind to the site search.

    `queryset()` returns exactly the objects the public may see (the one visibility rule of the kind);
    `document(obj)` returns {"title", "text", "url", "date", "themes", "language"} for one of them
    (text: plain text; themes: core.Theme objects or ids). `url(obj)`, when given, is used for links
    instead of the stored url (for pages, whose address follows their parents). Lower `order` first.
    `code` (1 to 31) is the kind's part of its documents' ids: fixed once chosen. `hit(queryset)`,
    when given, narrows the public queryset to the columns a result on the search page reads (the
    rule of who may see it stays the queryset's): a page of hits then loads no long texts."""
    if not 0 < code <= KIND_MASK:
        raise ValueError(f"sitesearch: code {code} of {kind!r} is not between 1 and {KIND_MASK}")
    taken = {k.code: k.name for k in _kinds.values() if k.name != kind}
    if code in taken:
        raise ValueError(f"sitesearch: code {code} of {kind!r} is already the code of {taken[code]!r}")
    entry = Kind(kind, label, label_plural or label, queryset, document, url, order, code, hit)
    _kinds[kind] = entry
    return entry


def get(kind: str) -> Kind:
    return _kinds[kind]


def kinds() -> list[Kind]:
    """The registered kinds, in their order."""
    return sorted(_kinds.values(), key=lambda k: (k.order, k.name))


def names() -> list[str]:
    return [k.name for k in kinds()]


def document_id(kind: str, object_id: int) -> int:
    """The id of the search document of one object."""
    return int(object_id) << KIND_BITS | _kinds[kind].code


def object_id(document_id: int) -> int:
    return document_id >> KIND_BITS


def documents_stamp(kind: str) -> str:
    """The name of the version stamp (core.versions) renewed whenever a document of `kind` is
    written or removed: what is cached about a kind's matches is keyed on it."""
    return f"search:{kind}"
