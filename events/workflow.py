"""The moderation of events as one table, read top to bottom.

A member of an organisation proposes an event; the EXPOO team approves it, asks for changes (the
proposer edits and resubmits) or declines it with a reason. The team's own events are approved at
once. Each status has a label for the team and one for the proposer, says whether the proposer may
still edit, and whether the public sees the event: `public` here is the one rule behind
`Event.objects.public()`. The transitions themselves are functions in actions.py, one each.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class Role(models.TextChoices):
    """Who acts, relative to one event (decided in permissions.py)."""

    MEMBER = "member", _("member of an organising organisation")
    TEAM = "team", _("EXPOO team")


@dataclass(frozen=True)
class StatusInfo:
    staff_label: str
    proposer_label: str
    next_step: str  # what the proposer reads as "what happens now"
    editable: bool  # may the proposer change the event in this status?
    public: bool  # does anyone see it in the agenda, on its page, in feeds and search?
    acting_role: Role | None  # who must act next (queues, dashboard)


STATUSES = {
    Status.PROPOSED: StatusInfo(
        _("To moderate"),
        _("Proposed"),
        _("The EXPOO team reads your proposal and publishes it, or asks you for changes."),
        True,
        False,
        Role.TEAM,
    ),
    Status.CHANGES_REQUESTED: StatusInfo(
        _("Waiting for the proposer's changes"),
        _("Changes requested"),
        _("Read the team's message, edit your event and send it again."),
        True,
        False,
        Role.MEMBER,
    ),
    Status.APPROVED: StatusInfo(
        _("Published"),
        _("Published in the agenda"),
        _("Your event is in the agenda. Ask the EXPOO team if something changes."),
        False,
        True,
        None,
    ),
    Status.DECLINED: StatusInfo(
        _("Declined"),
        _("Declined"),
        _("The EXPOO team does not publish this event. Read the reason below."),
        False,
        False,
        None,
    ),
}

PUBLIC_STATUSES = tuple(status for status, info in STATUSES.items() if info.public)


@dataclass(frozen=True)
class Transition:
    name: str  # the action function in actions.py
    source: tuple  # statuses it may start from; () = it creates the event
    target: str | None  # None: the status stays as it is
    by: Role
    label: str


TRANSITIONS = [
    Transition("propose_event", (), Status.PROPOSED, Role.MEMBER, _("Propose an event")),
    Transition("create_team_event", (), Status.APPROVED, Role.TEAM, _("Add an event to the agenda")),
    Transition("edit_proposal", (Status.PROPOSED, Status.CHANGES_REQUESTED), None, Role.MEMBER, _("Edit the proposal")),
    Transition("resubmit_event", (Status.CHANGES_REQUESTED,), Status.PROPOSED, Role.MEMBER, _("Send the changes")),
    Transition("approve_event", (Status.PROPOSED, Status.CHANGES_REQUESTED), Status.APPROVED, Role.TEAM, _("Publish")),
    Transition("request_changes", (Status.PROPOSED,), Status.CHANGES_REQUESTED, Role.TEAM, _("Ask for changes")),
    Transition("decline_event", (Status.PROPOSED, Status.CHANGES_REQUESTED), Status.DECLINED, Role.TEAM, _("Decline")),
]
TRANSITIONS_BY_NAME = {t.name: t for t in TRANSITIONS}


def transition(name: str) -> Transition:
    return TRANSITIONS_BY_NAME[name]


def allowed_from(name: str, status: str) -> bool:
    """Whether the named transition may start from `status` (creating ones start from nothing)."""
    return status in TRANSITIONS_BY_NAME[name].source
