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
) -> Kind:
    """Add a kind to the site search.

    `queryset()` returns exactly the objects the public may see (the one visibility rule of the kind);
    `document(obj)` returns {"title", "text", "url", "date", "themes", "language"} for one of them
    (text: plain text; themes: core.Theme objects or ids). `url(obj)`, when given, is used for links
    instead of the stored url (for pages, whose address follows their parents). Lower `order` first."""
    entry = Kind(kind, label, label_plural or label, queryset, document, url, order)
    _kinds[kind] = entry
    return entry


def get(kind: str) -> Kind:
    return _kinds[kind]


def kinds() -> list[Kind]:
    """The registered kinds, in their order."""
    return sorted(_kinds.values(), key=lambda k: (k.order, k.name))


def names() -> list[str]:
    return [k.name for k in kinds()]
