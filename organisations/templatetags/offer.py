"""{% practice_groups groups %}: an organisation's (or a region's) practices grouped by level, as
organisations.offer.practices_by_level gives them. Built in Python: an organisation's page lists a
dozen practices or more, and the template for them was most of the page's rendering time."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from practices.cards import level_badge

register = template.Library()


@register.simple_tag
def practice_groups(groups, show_organisations: bool = False) -> str:
    """Each level a section with its practices; each practice with its level and either the
    organisations behind it (`show_organisations`, the regional offer) or its roles (one organisation)."""
    sections = []
    for group in groups:
        level = escape(str(group["level"]))
        items = []
        for entry in group["practices"]:
            practice, links = entry["practice"], entry["links"]
            if show_organisations:
                behind = escape(", ".join(link.organisation.name for link in links))
            else:
                behind = "".join(
                    f'<span class="badge badge--plain">{escape(str(link.get_role_display()))}</span>' for link in links
                )
            items.append(
                '      <li class="result">\n'
                f'        <p class="result__title"><a href="{escape(practice.get_absolute_url())}">{escape(practice.title)}</a></p>\n'
                f'        <p class="result__meta">{level_badge(practice)}\n          {behind}\n        </p>\n'
                "      </li>"
            )
        sections.append(
            f'  <section class="practice-group" aria-labelledby="level-{level}">\n'
            f'    <h3 id="level-{level}">{escape(str(group["label"]))} <span class="muted">({len(group["practices"])})</span></h3>\n'
            '    <ul class="result-list">\n' + "\n".join(items) + "\n    </ul>\n  </section>"
        )
    return mark_safe("\n".join(sections))  # noqa: S308 - every value escaped above
