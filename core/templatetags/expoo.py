from django import template

register = template.Library()


@register.filter
def in_section(page, section) -> bool:
    """True when `page` is `section` or lies below it in the page tree (for aria-current)."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))


@register.simple_tag(takes_context=True)
def facet_url(context, param: str, value: str = "") -> str:
    """The current URL's query with `param` set to `value` (or removed when empty), back on page 1."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if value:
        query[param] = value
    else:
        query.pop(param, None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


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
