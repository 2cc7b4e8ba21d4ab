"""A practice's result card in the databank (from a practice read by PracticeSearch.load_cards) and
its level badge, which every page that names a practice's level shows ({% level_badge %}).

Built in Python: a page of twenty cards took about 6 ms through a template (mostly resolving
variables and the level badge's include), a fifth of that here (bench/). Every value is escaped.
"""

from html import escape

from django.utils.text import Truncator


def level_badge(practice) -> str:
    """The practice's level as a badge, "" without one."""
    if not practice.level:
        return ""
    return f'<span class="badge badge--level badge--{escape(practice.level)}">{escape(str(practice.get_level_display()))}</span>'


def card_html(practice) -> str:
    meta = level_badge(practice)
    if practice.first_organisation:
        name, place = practice.first_organisation
        meta += f"\n  {escape(name)}" + (f", {escape(place)}" if place else "")
    parts = [
        '<li class="result">\n'
        f'  <h3 class="result__title"><a href="{escape(practice.get_absolute_url())}">{escape(practice.title)}</a></h3>\n'
        f'  <p class="result__meta">{meta}</p>\n'
    ]
    summary = practice.public_summary
    if summary:
        parts.append(f"  <p>{escape(Truncator(summary).words(40, truncate=' …'))}</p>\n")
    terms = practice.terms
    badges = "".join(f'<span class="badge">{escape(str(theme.label))}</span>' for theme in terms["themes"])
    badges += "".join(f'<span class="badge badge--plain">{escape(str(group.label))}</span>' for group in terms["target_groups"])
    parts.append(f'  <p class="result__tags">{badges}</p>\n</li>')
    return "".join(parts)
