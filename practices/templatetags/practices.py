from django import template
from django.utils.safestring import mark_safe

from .. import cards
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


@register.simple_tag
def level_badge(practice):
    """The practice's level as a badge ("" without one): the same HTML as on the databank's cards."""
    return mark_safe(cards.level_badge(practice))  # noqa: S308 - escaped in practices.cards
