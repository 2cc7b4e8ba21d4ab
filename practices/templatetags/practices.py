from django import template

from ..text import plain, render

register = template.Library()


@register.filter
def markdown(text):
    """A section's text as sanitised HTML."""
    return render(text)


@register.filter
def plaintext(text):
    """A section's text without Markdown markers, for previews."""
    return plain(text)
