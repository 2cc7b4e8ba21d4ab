from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.filter
def in_section(page, section) -> bool:
    """True when `page` is `section` or lies below it in the page tree (for aria-current)."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))


@register.simple_tag(takes_context=True)
def facet_options(context, options, param: str):
    """The <li> of each facet option: a link that sets (or, when selected, removes) the option and
    keeps the other filters; an option without results is plain text. Built in Python: a page has
    up to a hundred of them, and an {% include %} per option cost more than the rest of the page."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    query.pop(param, None)
    without = query.urlencode()
    remove_hint = gettext("selected, choose to remove")
    items = []
    for option in options:
        if option["selected"]:
            items.append(
                format_html(
                    '<li><a href="?{}" aria-current="true" class="facet__option facet__option--selected">{} '
                    '<span class="facet__count">{}</span><span class="visually-hidden"> ({})</span></a></li>',
                    without,
                    option["label"],
                    option["count"],
                    remove_hint,
                )
            )
        elif option["count"]:
            query[param] = option["value"]
            items.append(
                format_html(
                    '<li><a href="?{}" class="facet__option">{} <span class="facet__count">{}</span></a></li>',
                    query.urlencode(),
                    option["label"],
                    option["count"],
                )
            )
        else:
            items.append(
                format_html(
                    '<li><span class="facet__option facet__option--empty">{} <span class="facet__count">0</span></span></li>',
                    option["label"],
                )
            )
    return mark_safe("\n".join(items))  # noqa: S308 - every piece went through format_html


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
