"""Rendering what writers type (simple Markdown) as safe HTML, and showing what changed."""

import difflib
import re

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# HTML in the source is never passed through; the sanitiser is a second line of defence.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(["image"])
_ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br", "h3", "h4", "blockquote", "code"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render(text: str) -> SafeString:
    """Markdown → sanitised HTML; headings are shifted down so a section's text never outranks its title."""
    html = _markdown.render(text or "")
    html = re.sub(r"<(/?)h[12]>", r"<\1h3>", html)
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def plain(text: str) -> str:
    """Text without Markdown markers, for snippets and the search index."""
    return re.sub(r"[*_#>`\[\]]", "", text or "")


def diff(old: str, new: str) -> SafeString:
    """Word-level difference as HTML with <del> and <ins>; everything else escaped."""
    a, b = (old or "").split(), (new or "").split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(out))  # noqa: S308 - every piece escaped above
