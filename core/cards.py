"""Result cards kept in the cache: the HTML of one result in a listing, per object and version.

A listing page (the databank, the Toolbox) shows twenty results; rendering them means loading
twenty rows with their authors and themes and running a template twenty times. The card of an
object only changes when the listing's public content changes, which renews its version stamp
(core.versions), so the version is part of the key and a warm page loads no rows at all.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# A new version makes a new key; the timeout only bounds what a stale key keeps in the cache.
CARD_CACHE_SECONDS = 3600


def fragments():
    """The cache alias "fragments" where settings define one (embedded: a bounded local memory of
    its own, so a stream of cards never pushes a rate-limit counter out of the default cache), else
    the default cache (Redis)."""
    return caches["fragments"] if "fragments" in settings.CACHES else caches["default"]


def from_template(template: str, variable: str) -> Callable[[object], str]:
    """A card renderer that renders `template` with the object as `variable`."""
    found = []

    def render(obj) -> str:
        if not found:
            found.append(get_template(template))  # looked up once for the page, not once per card
        return found[0].render({variable: obj})

    return render


def cached_cards(
    name: str,
    ids: list[int],
    version,
    load: Callable[[list[int]], Iterable],
    render: Callable[[object], str],
    variant: Callable[[int], object] | None = None,
) -> list[str]:
    """The cards of `ids`, in that order. `load(missing_ids)` gives the objects not in the cache,
    made into HTML by `render(object)` (a function of the app's cards module, or `from_template`);
    an id that no longer loads is left out. A card that also depends on something outside the
    version (the clock) names it with `variant(id)`."""
    prefix = f"{name}-card:{version}:{get_language()}:"
    key_of = {pk: f"{prefix}{pk}" if variant is None else f"{prefix}{pk}:{variant(pk)}" for pk in ids}
    keys = [key_of[pk] for pk in ids]
    cache = fragments()
    cached = cache.get_many(keys)
    missing = [pk for pk in ids if key_of[pk] not in cached]
    if missing:
        fresh = {key_of[obj.pk]: render(obj) for obj in load(missing)}
        cache.set_many(fresh, timeout=CARD_CACHE_SECONDS)
        cached.update(fresh)
    return [mark_safe(cached[key]) for key in keys if key in cached]  # noqa: S308 - our own rendering
