import html
from urllib.parse import quote_plus

from django import template
from django.core.exceptions import DisallowedHost
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

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
    prefix = html.escape(f"{without}&" if without else "")
    key = quote_plus(param)
    remove_hint = html.escape(gettext("selected, choose to remove"))
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
