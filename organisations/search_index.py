"""Organisations in the site search: approved ones only (Organisation.objects.public())."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

import sitesearch
from sitesearch.tasks import schedule

from .models import Organisation, OrganisationKind

KIND = "organisation"
KIND_LABELS = dict(OrganisationKind.choices)  # get_kind_display() rebuilds this dict on every call


def public_organisations():
    return Organisation.objects.public().select_related("municipality__province").prefetch_related("themes")


def document(organisation: Organisation) -> dict:
    themes = list(organisation.themes.all())
    place = " ".join(p for p in [organisation.postcode, organisation.municipality.name if organisation.municipality else ""] if p)
    facts = [
        str(KIND_LABELS.get(organisation.kind, "")),
        ", ".join(p for p in [organisation.street, place] if p),
        organisation.province.name if organisation.province else "",
        ", ".join(t.name for t in themes),
    ]
    return {
        "title": organisation.name,
        "text": "\n".join(part for part in [organisation.description, *facts] if part),
        "url": organisation.get_absolute_url(),
        "date": None,
        "themes": themes,
        "language": "nl",
    }


sitesearch.register(
    KIND,
    label=_("Organisation"),
    label_plural=_("Organisations"),
    queryset=public_organisations,
    document=document,
    order=30,
    code=3,
    # sitesearch/hit_organisation.html: the kind and the municipality.
    hit=lambda organisations: (
        organisations.select_related(None).select_related("municipality").only("kind", "municipality__name")
    ),
)


@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
def _organisation_changed(instance, raw=False, **kwargs):
    if not raw:
        schedule(KIND, instance.pk)


@receiver(m2m_changed, sender=Organisation.themes.through)
def _themes_changed(instance, action, reverse, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        for pk in (pk_set or []) if reverse else [instance.pk]:
            schedule(KIND, pk)
