from core.dashboard import register_panel

from . import permissions as perms
from .models import Event
from .workflow import Status


@register_panel
def my_events(request):
    """'My proposed events' with their status, for members of organisations."""
    user = request.user
    if not user.is_authenticated or not perms.member_organisation_ids(user):
        return None
    events = list(Event.objects.of_member(user).with_dates().order_by("-updated_at")[:20])
    return {"template": "events/dashboard_panel.html", "events": events}


@register_panel
def events_to_moderate(request):
    """'Events to moderate' for the EXPOO team."""
    if not perms.is_team(request.user):
        return None
    waiting = Event.objects.filter(status=Status.PROPOSED).order_by("updated_at")
    return {"template": "events/dashboard_team.html", "count": waiting.count(), "events": list(waiting[:5])}
