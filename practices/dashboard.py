from django.utils import timezone

from core.dashboard import register_panel

from . import permissions as perms
from .models import Practice, ReviewAssignment
from .views.workspace import tracker


@register_panel
def my_practices(request):
    """'My practices' with a status tracker and the next step, for members of organisations."""
    user = request.user
    practices = list(Practice.objects.of_member(user).prefetch_related("organisation_links").order_by("-updated_at")[:20])
    if not practices and not user.memberships.exists():
        return None
    rows = [{"practice": p, "tracker": tracker(p), "info": p.status_info} for p in practices]
    return {"template": "practices/dashboard_panel.html", "rows": rows}


@register_panel
def commission(request):
    user = request.user
    if not (perms.is_commission(user) or perms.is_team(user)):
        return None
    assignments = ReviewAssignment.objects.filter(reviewer=user, round__decided_at__isnull=True).select_related("round__practice")
    return {
        "template": "practices/dashboard_commission.html",
        "assignments": assignments,
        "is_team": perms.is_team(user),
        "today": timezone.localdate(),
    }
