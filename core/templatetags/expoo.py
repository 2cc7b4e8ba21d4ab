from urllib.parse import quote_plus

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()
FILTER_VALUE_MAX = 400


@register.filter
def in_section(page, section) -> bool:
    """True when `page` is `section` or lies below it in the page tree (for aria-current)."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))


@register.simple_tag(takes_context=True)
def facet_options(context, options, param: str):
    """The <li> of each facet option: a link that sets (or, when selected, removes) the option and
    keeps the other filters; an option without results is plain text. Built in Python with one
    encoding of the other filters per facet: a page has up to a hundred options."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    query.pop(param, None)
    # No filter reads more than a few hundred characters of a value (core.search.clean_param): an
    # oversized one is cut before it is repeated in every option's link.
    for key, values in query.lists():
        query.setlist(key, [value[:FILTER_VALUE_MAX] for value in values])
    without = query.urlencode()
    prefix = escape(f"{without}&" if without else "")
    key = quote_plus(param)
    remove_hint = escape(gettext("selected, choose to remove"))
    items = []
    for option in options:
        label, count = escape(option["label"]), escape(option["count"])
        if option["selected"]:
            items.append(
                f'<li><a href="?{escape(without)}" aria-current="true" class="facet__option facet__option--selected">{label} '
                f'<span class="facet__count">{count}</span><span class="visually-hidden"> ({remove_hint})</span></a></li>'
            )
        elif option["count"]:
            value = escape(f"{key}={quote_plus(str(option['value']))}")
            items.append(
                f'<li><a href="?{prefix}{value}" class="facet__option">{label} <span class="facet__count">{count}</span></a></li>'
            )
        else:
            items.append(
                f'<li><span class="facet__option facet__option--empty">{label} <span class="facet__count">0</span></span></li>'
            )
    return mark_safe("\n".join(items))  # noqa: S308 - every piece is escaped above


@register.simple_tag
def facet_split(options, visible: int = 8) -> dict:
    """The first options of a long facet, the rest to fold away, and whether a folded one is selected."""
    options = list(options)
    if len(options) <= visible + 2:
        return {"head": options, "tail": [], "tail_selected": False}
    tail = options[visible:]
    return {"head": options[:visible], "tail": tail, "tail_selected": any(o["selected"] for o in tail)}


@register.filter
def lookup(mapping, key):
    """mapping[key] in a template, or the key itself when absent."""
    return mapping.get(key, key) if hasattr(mapping, "get") else key
