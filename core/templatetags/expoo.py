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
