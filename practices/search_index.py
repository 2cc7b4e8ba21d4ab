"""Practices in the site search: what the public may know of each one, kept fresh by signals.

Minimal data (title, level, themes, target groups, organisations) for every public practice; the
summary and the accepted description only once it is published (Practice.public_summary,
Practice.published_text: never a draft or a newer version).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

import sitesearch
from core.models import TargetGroup, Theme
from organisations.models import Organisation
from sitesearch.tasks import schedule, schedule_many

from .models import Practice, PracticeOrganisation
from .text import plain
from .workflow import Level

KIND = "practice"
LEVEL_LABELS = dict(Level.choices)


def public_practices():
    return (
        Practice.objects.public()
        .select_related("published_description")
        .prefetch_related(
            "themes", "target_groups", "organisation_links__organisation__municipality", "published_description__sections"
        )
    )


def document(practice: Practice) -> dict:
    themes = list(practice.themes.all())
    organisations = [
        link.organisation.name + (f", {link.organisation.municipality.name}" if link.organisation.municipality else "")
        for link in practice.organisation_links.all()
        if link.organisation.is_public
    ]
    facts = [
        str(LEVEL_LABELS.get(practice.level, "")),
        ", ".join(t.name for t in practice.target_groups.all()),
        ", ".join(t.name for t in themes),
        "; ".join(organisations),
    ]
    text = "\n".join(part for part in [practice.public_summary, plain(practice.published_text()), *facts] if part)
    return {
        "title": practice.title,
        "text": text,
        "url": practice.get_absolute_url(),
        "date": practice.published_at or practice.created_at,
        "themes": themes,
        "language": "nl",
    }


sitesearch.register(
    KIND,
    label=_("Practice"),
    label_plural=_("Practices"),
    queryset=public_practices,
    document=document,
    order=10,
    code=1,
    hit=lambda practices: practices.select_related(None).only("level"),  # sitesearch/hit_practice.html: the level
)


@receiver(post_save, sender=Practice)
@receiver(post_delete, sender=Practice)
def _practice_changed(instance, raw=False, **kwargs):
    if not raw:
        schedule(KIND, instance.pk)


@receiver(post_save, sender=PracticeOrganisation)
@receiver(post_delete, sender=PracticeOrganisation)
def _link_changed(instance, raw=False, **kwargs):
    if not raw:
        schedule(KIND, instance.practice_id)


def _terms_changed(instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        schedule(KIND, instance.pk)
    elif pk_set:
        schedule_many(KIND, pk_set)


m2m_changed.connect(_terms_changed, sender=Practice.themes.through, dispatch_uid="sitesearch_practice_themes")
m2m_changed.connect(_terms_changed, sender=Practice.target_groups.through, dispatch_uid="sitesearch_practice_targets")


@receiver(post_save, sender=Organisation)
def _organisation_changed(instance, raw=False, **kwargs):
    # A practice shows the names of its (approved) organisations.
    if not raw:
        schedule_many(KIND, instance.practice_links.values_list("practice_id", flat=True))


@receiver(post_save, sender=Theme)
@receiver(post_save, sender=TargetGroup)
def _term_renamed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_many(KIND, instance.practices.values_list("pk", flat=True))
