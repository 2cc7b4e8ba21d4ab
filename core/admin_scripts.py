"""The Wagtail admin without inline scripts, so it runs under the site's Content-Security-Policy
(script-src 'self', no 'unsafe-inline').

Wagtail 7.4 still starts a few widgets with an inline <script>: the date and time pickers,
InlinePanel and MultipleChooserPanel (templates), and every chooser widget (BaseChooser.render, in
Python). A nonce would not do: Wagtail inserts forms later (an inline panel's "Add", chooser
modals) by copying script elements attribute by attribute, and browsers hide the nonce attribute,
so those copies would be blocked. Instead each initialiser becomes inert JSON,

    <script type="application/json" data-expoo-init>{"call": "InlinePanel", "new": true, "args": [...]}</script>

and core/static/core/js/admin-init.js (added to every admin page by core/wagtail_hooks.py) runs
them in document order once the page is parsed, and for HTML inserted later.
"""

import json
import re

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# Initialisers admin-init.js agrees to run; anything else in the data is refused there too.
ALLOWED_CALL = re.compile(
    r"^(init(Date|Time|DateTime)Chooser|InlinePanel|MultipleChooserPanel|create[A-Za-z]*Chooser|[A-Z][A-Za-z]*Chooser)$"
)

# What BaseChooser.render_js_init returns: `new DocumentChooser("id_file", {...});` or `createTaskChooser("id");`
_JS_CALL = re.compile(r"^\s*(new\s+)?([A-Za-z_$][\w$]*)\((.*)\);?\s*$", re.DOTALL)
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def init_script(call: str, args: list, new: bool = False) -> SafeString:
    """The inert element that admin-init.js turns into `[new] call(...args)`."""
    if not ALLOWED_CALL.match(call):
        raise ValueError(f"Not an admin initialiser: {call!r}")
    data = json.dumps({"call": call, "new": new, "args": args}).translate(_JSON_ESCAPES)
    return format_html('<script type="application/json" data-expoo-init>{}</script>', mark_safe(data))  # noqa: S308 - JSON with <, >, & escaped


def init_script_from_js(js: str) -> SafeString | None:
    """The same, read from the JavaScript a chooser widget would have inlined; None when the code
    is not a plain call with JSON arguments (then it is left as Wagtail wrote it)."""
    match = _JS_CALL.match(js)
    if not match or not ALLOWED_CALL.match(match.group(2)):
        return None
    try:
        args = json.loads(f"[{match.group(3)}]")
    except ValueError:
        return None
    return init_script(match.group(2), args, new=bool(match.group(1)))


def patch_chooser_widgets() -> None:
    """Make BaseChooser.render end with the JSON element instead of its inline <script>."""
    from wagtail.admin.widgets.chooser import BaseChooser

    original = BaseChooser.render
    if getattr(original, "expoo_csp", False):
        return

    def render(self, name, value, attrs=None, renderer=None):
        html = original(self, name, value, attrs, renderer)
        # Wagtail appends "<script>{js}</script>" to the escaped widget HTML: the last one is it.
        head, tag, tail = str(html).rpartition("<script>")
        replacement = init_script_from_js(tail.removesuffix("</script>")) if tag and tail.endswith("</script>") else None
        return mark_safe(head + replacement) if replacement else html  # noqa: S308 - Wagtail's own HTML

    render.expoo_csp = True
    BaseChooser.render = render
