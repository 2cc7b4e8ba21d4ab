"""Result cards kept in the cache: the HTML of one result in a listing, per object and version.

A listing page (the databank, the Toolbox) shows twenty results; rendering them means loading
twenty rows with their authors and themes and running a template twenty times. The card of an
object only changes when the listing's public content changes, which renews its version stamp
(core.versions), so the version is part of the key and a warm page loads no rows at all.
"""

from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# A new version makes a new key; the timeout only bounds what a stale key keeps in the cache.
CARD_CACHE_SECONDS = 3600


def cached_cards(
    name: str, ids: list[int], version: int, load: Callable[[list[int]], Iterable], template: str, variable: str
) -> list[str]:
    """The cards of `ids`, in that order. `load(missing_ids)` gives the objects not in the cache,
    rendered with `template` as `variable`; an id that no longer loads is left out."""
    prefix = f"{name}-card:{version}:{get_language()}:"
    keys = [f"{prefix}{pk}" for pk in ids]
    cached = cache.get_many(keys)
    missing = [pk for pk, key in zip(ids, keys, strict=True) if key not in cached]
    if missing:
        card = get_template(template)  # looked up once for the page, not once per card
        fresh = {f"{prefix}{obj.pk}": card.render({variable: obj}) for obj in load(missing)}
        cache.set_many(fresh, timeout=CARD_CACHE_SECONDS)
        cached.update(fresh)
    return [mark_safe(cached[key]) for key in keys if key in cached]  # noqa: S308 - our own rendering
