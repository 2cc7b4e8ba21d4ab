from django import template

from ..text import render

register = template.Library()


@register.filter
def markdown(text):
    """A section's text as sanitised HTML."""
    return render(text)
