"""Events in the site search: every public (approved) event, past ones too, kept fresh by signals."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

import sitesearch
from practices.text import plain
from sitesearch.tasks import schedule

from .models import Event, EventSession

KIND = "event"


def public_events():
    return Event.objects.public().select_related("municipality").prefetch_related("organisers", "themes", "sessions")


def document(event: Event) -> dict:
    sessions = event.ordered_sessions()
    facts = [
        event.get_kind_display(),
        ", ".join(event.organiser_names()),
        event.audience,
        event.location_text(),
        " ".join(s.title for s in sessions if s.title),
    ]
    return {
        "title": event.title,
        "text": "\n".join(part for part in [event.summary, plain(event.description), *facts] if part),
        "url": event.get_absolute_url(),
        "date": sessions[0].start if sessions else event.approved_at,
        "themes": list(event.themes.all()),
        "language": "nl",
    }


sitesearch.register(
    KIND,
    label=_("Event"),
    label_plural=_("Events"),
    queryset=public_events,
    document=document,
    order=25,
    code=6,
    hit=lambda events: events.select_related(None).only("pk"),  # a result shows its document's title and text
)


@receiver(post_save, sender=Event)
@receiver(post_delete, sender=Event)
def _event_changed(instance, raw=False, **kwargs):
    if not raw:
        schedule(KIND, instance.pk)


@receiver(post_save, sender=EventSession)
@receiver(post_delete, sender=EventSession)
def _session_changed(instance, raw=False, **kwargs):
    if not raw:
        schedule(KIND, instance.event_id)


def _terms_changed(instance, action, reverse, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        schedule(KIND, instance.pk)


m2m_changed.connect(_terms_changed, sender=Event.themes.through, dispatch_uid="sitesearch_event_themes")
m2m_changed.connect(_terms_changed, sender=Event.organisers.through, dispatch_uid="sitesearch_event_organisers")
