import html
from urllib.parse import quote_plus

from django import template
from django.core.exceptions import DisallowedHost
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from core import versions
from core.context_processors import PAGES_VERSION
from core.lru import LRU

register = template.Library()
FILTER_VALUE_MAX = 400


@register.filter
def in_section(page, section) -> bool:
    """True when `page` is `section` or lies below it in the page tree (for aria-current)."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))


_option_parts = LRU(20_000)


def _option_html(param_key: str, value, label: str) -> tuple[str, str]:
    """An option's escaped label and escaped `param=value`, kept per process: the same few hundred
    options are on every listing page, and escaping them again was most of the tag's time."""
    key = (param_key, value, label)
    parts = _option_parts.peek(key)
    if parts is None:
        parts = (html.escape(label), html.escape(f"{param_key}={quote_plus(str(value))}"))
        _option_parts.put(key, parts)
    return parts


def _other_filters(request, param: str) -> str:
    """The request's query string without `param` and the page number, as the facet's links keep it
    (the same encoding as QueryDict.urlencode). Kept on the request: a page has up to ten facets."""
    kept = request.__dict__.setdefault("_expoo_other_filters", {})
    if param not in kept:
        # No filter reads more than a few hundred characters of a value (core.search.clean_param): an
        # oversized one is cut before it is repeated in every option's link.
        kept[param] = "&".join(
            f"{quote_plus(key)}={quote_plus(value[:FILTER_VALUE_MAX])}"
            for key, values in request.GET.lists()
            if key not in ("page", param)
            for value in values
        )
    return kept[param]


def _facet_options(options, param: str, without: str, remove_hint: str) -> str:
    """The <li> of each option: a link that sets (or, when selected, removes) the option and keeps
    the other filters; an option without results is plain text."""
    prefix = html.escape(f"{without}&" if without else "")
    key = quote_plus(param)
    items = []
    for option in options:
        label, value_html = _option_html(key, option["value"], str(option["label"]))
        count = int(option["count"])
        if option["selected"]:
            items.append(
                f'<li><a href="?{html.escape(without)}" aria-current="true" class="facet__option facet__option--selected">{label} '
                f'<span class="facet__count">{count}</span><span class="visually-hidden"> ({remove_hint})</span></a></li>'
            )
        elif count:
            items.append(
                f'<li><a href="?{prefix}{value_html}" class="facet__option">{label} <span class="facet__count">{count}</span></a></li>'
            )
        else:
            items.append(
                f'<li><span class="facet__option facet__option--empty">{label} <span class="facet__count">0</span></span></li>'
            )
    return "\n".join(items)


@register.simple_tag(takes_context=True)
def facet_list(context, title, param: str, options, visible: int = 8):
    """One facet as a titled list of links that keep the other filters; options are dicts of value,
    label, count and selected. A long facet folds all but its first `visible` options into a
    <details> that opens when a folded option is selected (no JavaScript). Built in Python: a
    listing shows up to ten facets and a hundred options, and the template for them cost about
    0.1 ms a facet."""
    options = list(options)
    head, tail = (options, []) if len(options) <= visible + 2 else (options[:visible], options[visible:])
    without = _other_filters(context["request"], param)
    remove_hint = html.escape(gettext("selected, choose to remove"))
    title = conditional_escape(title)
    param_id = conditional_escape(param)
    parts = [
        f'<section class="facet" aria-labelledby="facet-{param_id}">\n'
        f'  <h3 class="facet__title" id="facet-{param_id}">{title}</h3>\n'
        f'  <ul class="facet__options">\n{_facet_options(head, param, without, remove_hint)}\n  </ul>'
    ]
    if tail:
        is_open = " open" if any(option["selected"] for option in tail) else ""
        more = html.escape(ngettext("Show %(counter)s more", "Show %(counter)s more", len(tail)) % {"counter": len(tail)})
        parts.append(
            f'\n  <details class="facet__more"{is_open}>\n'
            f'    <summary>{more}<span class="visually-hidden"> ({title})</span></summary>\n'
            f'    <ul class="facet__options">\n{_facet_options(tail, param, without, remove_hint)}\n    </ul>\n'
            f"  </details>"
        )
    parts.append("\n</section>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


@register.simple_tag(takes_context=True)
def pagination(context, page_obj):
    """The pages of a listing as links that keep the other parameters (as Django's `querystring`
    does: `page` stays where it was in the address, or comes last): the first and last pages, those
    around the current one, and the previous and next. Built in Python: a listing's pages took some
    forty template nodes and a query string each."""
    paginator = getattr(page_obj, "paginator", None)  # none on a page that refused its filters (400)
    if paginator is None or paginator.num_pages <= 1:
        return ""
    before, after, seen_page = [], [], False
    for key, values in context["request"].GET.lists():
        if key == "page":
            seen_page = True
            continue
        (after if seen_page else before).extend(f"{quote_plus(key)}={quote_plus(value)}" for value in values)
    head = html.escape("&".join(before) + "&" if before else "")
    tail = html.escape("&" + "&".join(after) if after else "")

    def href(number) -> str:
        return f"?{head}page={number}{tail}"

    items = []
    if page_obj.has_previous():
        items.append(
            f'<li><a href="{href(page_obj.previous_page_number())}" rel="prev">{html.escape(gettext("Previous"))}</a></li>'
        )
    for number in paginator.get_elided_page_range(page_obj.number):
        if number == page_obj.number:
            items.append(f'<li><span aria-current="page">{number}</span></li>')
        elif number == paginator.ELLIPSIS:
            items.append("<li><span>…</span></li>")
        else:
            items.append(f'<li><a href="{href(number)}">{number}</a></li>')
    if page_obj.has_next():
        items.append(f'<li><a href="{href(page_obj.next_page_number())}" rel="next">{html.escape(gettext("Next"))}</a></li>')
    label = html.escape(gettext("Pages"))
    return mark_safe(f'<nav class="pagination" aria-label="{label}">\n  <ul>\n    ' + "\n    ".join(items) + "\n  </ul>\n</nav>")  # noqa: S308 - escaped above


@register.filter
def lookup(mapping, key):
    """mapping[key] in a template, or the key itself when absent."""
    return mapping.get(key, key) if hasattr(mapping, "get") else key


# {% kept "name" key ... [stamps="taxonomy toolbox"] %}…{% endkept %}: parts of pages that are the
# same on most requests, such as the layout's header, menu and footer.

_kept = LRU(1024)


def forget_kept() -> None:
    _kept.clear()


class KeptNode(template.Node):
    """Renders its contents once per process for its name, the `vary_on` values, the language, the
    host, the page tree's version stamp and the other `stamps` named, and answers the kept HTML
    afterwards. The header, menu and footer cost about 2 ms of template rendering on every page, for
    HTML that changes only when an editor changes the menu or the footer (both renew the "pages"
    stamp) or a release is deployed (a new process). Whatever else the contents show must be among
    the `vary_on` values or follow one of the stamps. A preview (an editor's unsaved draft) is always
    rendered and never kept."""

    def __init__(self, nodelist, name: str, vary_on, stamps=()):
        self.nodelist, self.name, self.vary_on, self.stamps = nodelist, name, vary_on, tuple(stamps)

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        try:
            host = request.get_host() if request is not None else ""
        except DisallowedHost:  # the 400 page for a host the site does not serve
            return self.nodelist.render(context)
        key = (
            self.name,
            get_language(),
            host,
            versions.current(PAGES_VERSION),
            *(versions.current(stamp) for stamp in self.stamps),
            *(str(value.resolve(context)) for value in self.vary_on),
        )
        html = _kept.peek(key)
        if html is None:
            html = self.nodelist.render(context)
            _kept.put(key, html)
        return html


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError("{% kept %} takes a quoted name and then what the contents vary on.")
    stamps, vary_on = (), []
    for bit in bits[2:]:
        if bit.startswith("stamps="):
            stamps = bit[len("stamps=") :].strip("\"'").split()
        else:
            vary_on.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1][1:-1], vary_on, stamps)
