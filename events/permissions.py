"""Who may do what with an event. Each check returns (allowed, reason); views turn a refusal into
a 404 where the person may not even know the event exists."""

from django.utils.translation import gettext as _

from .workflow import STATUSES, allowed_from


def is_team(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm("events.moderate_events"))


def member_organisation_ids(user) -> set:
    if not user.is_authenticated:
        return set()
    cache = getattr(user, "_expoo_event_org_ids", None)
    if cache is None:
        cache = set(user.memberships.values_list("organisation_id", flat=True))
        user._expoo_event_org_ids = cache
    return cache


def is_proposer(user, event) -> bool:
    """The person who proposed it, or a member of one of its organisers (colleagues take over)."""
    if not user.is_authenticated:
        return False
    if event.proposed_by_id == user.pk:
        return True
    org_ids = member_organisation_ids(user)
    return bool(org_ids) and any(o.pk in org_ids for o in event.organisers.all())


def can_propose(user, organisations=()) -> tuple[bool, str]:
    """A member proposes events for their own organisations only."""
    if not user.is_authenticated:
        return False, _("Log in to propose an event.")
    own = member_organisation_ids(user)
    if not own:
        return False, _("Only members of an organisation can propose an event.")
    if any(o.pk not in own for o in organisations):
        return False, _("You can only propose an event for an organisation you belong to.")
    return True, ""


def can_view_proposal(user, event) -> tuple[bool, str]:
    if is_team(user) or is_proposer(user, event):
        return True, ""
    return False, _("You are not involved in this event.")


def can_transition(user, event, name: str) -> tuple[bool, str]:
    """Whether the person may run the named workflow transition on the event now."""
    if not allowed_from(name, event.status):
        return False, _("This step is not possible in the current status.")
    if name in ("approve_event", "request_changes", "decline_event"):
        return (True, "") if is_team(user) else (False, _("Only the EXPOO team can do this."))
    if name in ("edit_proposal", "resubmit_event"):
        if not is_proposer(user, event):
            return False, _("Only the proposer and colleagues of the organisers can do this.")
        if not STATUSES[event.status].editable:
            return False, _("This event can no longer be changed here.")
        return True, ""
    return False, _("Unknown step.")


def can_create_team_event(user) -> tuple[bool, str]:
    return (True, "") if is_team(user) else (False, _("Only the EXPOO team can do this."))
