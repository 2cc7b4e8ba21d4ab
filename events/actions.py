"""Every change of an event's state is one function here: it checks permission, writes in one
transaction, records the audit entry (Wagtail's log, readable in the admin's history) and notifies
whoever must act next. Views call these and nothing else that writes."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.models import User
from notifications.service import notify

from . import permissions as perms
from .models import RESERVED_SLUGS, Event, EventSession, validate_event_fields
from .workflow import Status

# The fields a proposal form (or the team) fills in; the rest belongs to the workflow.
FIELDS = (
    "title",
    "kind",
    "summary",
    "description",
    "audience",
    "attendance",
    "venue_name",
    "street",
    "postcode",
    "municipality",
    "online_url",
    "is_free",
    "price",
    "price_details",
    "accessibility",
    "registration_url",
    "registration_deadline",
    "capacity",
    "contact_name",
    "contact_email",
)
RELATIONS = ("organisers", "themes", "target_groups", "age_groups", "support_functions")


def _check(allowed_reason):
    allowed, reason = allowed_reason
    if not allowed:
        raise PermissionDenied(reason)


def _audit(event, action, by, **data):
    log(event, f"expoo.event.{action}", user=by, data={k: v for k, v in data.items() if v not in (None, "")})


def team_members():
    return User.objects.filter(is_active=True, groups__permissions__codename="moderate_events").distinct()


def proposers(event):
    """Who hears about a proposal: the person who proposed it (else the organisers' members)."""
    if event.proposed_by_id and event.proposed_by.is_active:
        return User.objects.filter(pk=event.proposed_by_id)
    return User.objects.filter(is_active=True, memberships__organisation__in=event.organisers.all()).distinct()


def _tell(event, verb, recipients, template, *, link="proposal", **context):
    """Notify about an event; links (in Dutch) point at the proposal page, the team's moderation
    page or the public page."""
    with translation.override(settings.LANGUAGE_CODE):
        url = {"public": event.get_absolute_url, "moderate": event.get_moderation_url}.get(link, event.get_proposal_url)()
    notify(
        f"event.{verb}", recipients=list(recipients), template=f"event_{template}", context={"event": event, **context}, url=url
    )


def unique_slug(title, exclude_pk=None):
    base = slugify(title)[:180] or "activiteit"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Event.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _validate(data, sessions):
    errors = validate_event_fields(
        attendance=data.get("attendance"),
        municipality=data.get("municipality"),
        is_free=data.get("is_free", False),
        price=data.get("price"),
        is_expoo=data.get("is_expoo", False),
        organisers=list(data.get("organisers") or []),
    )
    if not sessions:
        errors["sessions"] = [_("Give at least one date with a start and an end time.")]
    for start, end, _title in sessions:
        if timezone.is_naive(start) or timezone.is_naive(end):
            raise ValueError("session times must be aware datetimes")
        if end <= start:
            errors["sessions"] = [_("Each session must end after it starts.")]
    if errors:
        raise ValidationError(errors)


def _write(event, data, sessions):
    """Set the event's fields, its links and its sessions (replacing the old ones)."""
    for name in FIELDS:
        if name in data:
            setattr(event, name, data[name])
    if "is_expoo" in data:
        event.is_expoo = data["is_expoo"]
    if event.is_free:
        event.price = None
    if not event.is_on_site:
        event.venue_name = event.street = event.postcode = ""
        event.municipality = None
    if not event.is_online:
        event.online_url = ""
    event.full_clean(exclude=["slug", "organisers", "themes", "target_groups", "age_groups", "support_functions"])
    for name in RELATIONS:
        if name in data:
            getattr(event, name).set(list(data[name] or []))
    event.save()
    EventSession.objects.filter(event=event).delete()
    EventSession.objects.bulk_create(
        EventSession(event=event, start=start, end=end, title=title or "", sort_order=i)
        for i, (start, end, title) in enumerate(sorted(sessions, key=lambda s: s[0]))
    )
    return event


@transaction.atomic
def propose_event(*, by, data: dict, sessions: list):
    """A member proposes an event for one or more of their organisations; the team moderates it.

    `data` holds FIELDS and RELATIONS; `sessions` is a list of (start, end, title) with aware datetimes."""
    _check(perms.can_propose(by, list(data.get("organisers") or [])))
    data = {**data, "is_expoo": False}
    _validate(data, sessions)
    event = Event(status=Status.PROPOSED, proposed_by=by, slug=unique_slug(data["title"]))
    _write(event, data, sessions)
    _audit(event, "propose", by)
    _tell(event, "proposed", team_members(), "proposed", link="moderate", proposer=by)
    return event


@transaction.atomic
def create_team_event(*, by, data: dict, sessions: list):
    """The EXPOO team enters an event (its own, or for a partner): in the agenda at once."""
    _check(perms.can_create_team_event(by))
    _validate(data, sessions)
    event = Event(status=Status.APPROVED, proposed_by=by, slug=unique_slug(data["title"]), approved_at=timezone.now())
    _write(event, data, sessions)
    _audit(event, "create", by)
    return event


@transaction.atomic
def edit_proposal(event, *, by, data: dict, sessions: list):
    """The proposer (or a colleague) changes a proposal that is not yet decided."""
    _check(perms.can_transition(by, event, "edit_proposal"))
    _check(perms.can_propose(by, [o for o in data.get("organisers") or [] if o not in event.organisers.all()]))
    data = {**data, "is_expoo": event.is_expoo}
    _validate(data, sessions)
    _write(event, data, sessions)
    _audit(event, "edit", by)
    return event


@transaction.atomic
def resubmit_event(event, *, by, data: dict | None = None, sessions: list | None = None):
    """After the team asked for changes: save the changes (if given) and send the event back."""
    _check(perms.can_transition(by, event, "resubmit_event"))
    if data is not None:
        edit_proposal(event, by=by, data=data, sessions=sessions or [])
    event.status = Status.PROPOSED
    event.save(update_fields=["status", "updated_at"])
    _audit(event, "resubmit", by)
    _tell(event, "resubmitted", team_members(), "resubmitted", link="moderate", proposer=by)
    return event


@transaction.atomic
def approve_event(event, *, by):
    """Published: the event appears in the agenda, its page, the feeds and the search."""
    _check(perms.can_transition(by, event, "approve_event"))
    event.status = Status.APPROVED
    event.approved_at = event.approved_at or timezone.now()
    event.save(update_fields=["status", "approved_at", "updated_at"])
    _audit(event, "approve", by)
    _tell(event, "approved", proposers(event), "approved", link="public")
    return event


@transaction.atomic
def request_changes(event, *, by, message):
    """The team asks the proposer to change something; the proposer reads the message."""
    _check(perms.can_transition(by, event, "request_changes"))
    if not (message or "").strip():
        raise ValidationError({"message": [_("Write what should change: the proposer reads it.")]})
    event.status = Status.CHANGES_REQUESTED
    event.team_message = message.strip()
    event.save(update_fields=["status", "team_message", "updated_at"])
    _audit(event, "request_changes", by, comment=message)
    _tell(event, "changes_requested", proposers(event), "changes_requested", message=event.team_message)
    return event


@transaction.atomic
def decline_event(event, *, by, reason):
    """Declined with a reason the proposer reads; the event never becomes public."""
    _check(perms.can_transition(by, event, "decline_event"))
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Give a reason: the proposer reads it.")]})
    event.status = Status.DECLINED
    event.team_message = reason.strip()
    event.save(update_fields=["status", "team_message", "updated_at"])
    _audit(event, "decline", by, comment=reason)
    _tell(event, "declined", proposers(event), "declined", reason=event.team_message)
    return event
