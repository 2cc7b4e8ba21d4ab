"""The agenda in the Wagtail admin: the EXPOO team keeps events as snippets (a new one defaults to
EXPOO's own and published); the moderation steps with their e-mails live at /agenda/moderatie/."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .actions import unique_slug
from .models import Event
from .workflow import Status

ACTIONS = {
    "propose": _("Event proposed"),
    "create": _("Event added by the team"),
    "edit": _("Event proposal edited"),
    "resubmit": _("Event resubmitted"),
    "approve": _("Event published"),
    "request_changes": _("Changes requested"),
    "decline": _("Event declined"),
}


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for name, label in ACTIONS.items():
        actions.register_action(f"expoo.event.{name}", label, label)


class EventAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("status", Status.APPROVED)
            self.initial.setdefault("is_expoo", True)
        elif "status" in self.fields:
            # Moderation goes through events.actions (audit entry, e-mail to the proposer) at
            # /agenda/moderatie/; the admin edits an event's content, not its status.
            self.fields["status"].disabled = True
        for name in ("themes", "target_groups", "age_groups", "support_functions"):
            if name in self.fields:
                self.fields[name].widget = forms.CheckboxSelectMultiple(choices=self.fields[name].choices)

    def save(self, commit=True):
        event = self.instance
        if not event.slug:
            event.slug = unique_slug(event.title, exclude_pk=event.pk)
        if event.status == Status.APPROVED and not event.approved_at:
            event.approved_at = timezone.now()
        return super().save(commit=commit)


Event.base_form_class = EventAdminForm


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Agenda")
    menu_order = 245
    add_to_admin_menu = True
    list_display = ["title", "kind", "status", "is_expoo", "updated_at"]
    list_filter = {"kind": ["exact"], "status": ["exact"], "is_expoo": ["exact"], "themes": ["exact"]}
    search_fields = ["title", "summary", "description"]
    search_backend_name = None
    ordering = ["-updated_at"]


register_snippet(EventViewSet)
