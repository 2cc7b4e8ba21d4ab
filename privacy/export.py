"""Everything the platform holds about one person, as one JSON document (the right of access).

Each section is one function; `registry.py` names, for every relation to the account and every
e-mail field, the section that shows it. A section shows the person's own data and the names of
the things they worked on (a practice's title and status), never other people's data: no names
or addresses of colleagues, reviewers or invitees.
"""

import json
from collections.abc import Callable

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from . import registry

# Log entries about these kinds name people in their label: only the action and the date are shown.
PERSONAL_LOG_OBJECTS = {"accounts.user", "accounts.accountrequest", "accounts.invitation", "accounts.membership"}


def _name_matches(user):
    """A Q-builder for free-text contact names equal to the person's full name (none if they have only one name)."""
    full = user.get_full_name().strip()

    def q(field: str) -> Q:
        return Q(**{f"{field}__iexact": full}) if user.first_name and user.last_name else Q(pk__in=[])

    return q


def account(user) -> dict:
    data = {}
    for name in registry.account_fields():
        policy = registry.ACCOUNT_FIELDS.get(name)
        if not policy or policy.export != "account":
            continue
        value = getattr(user, name)
        data[name] = [str(item) for item in value.all()] if hasattr(value, "all") else value
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    if profile:
        data["admin_profile"] = {
            "preferred_language": profile.preferred_language,
            "time_zone": profile.current_time_zone,
            "avatar": bool(profile.avatar),
        }
    return data


def memberships(user) -> list:
    return [
        {"organisation": m.organisation.name, "role": m.get_role_display(), "since": m.created_at}
        for m in user.memberships.select_related("organisation")
    ]


def account_requests(user) -> list:
    from accounts.models import AccountRequest

    return [
        {
            "first_name": r.first_name,
            "last_name": r.last_name,
            "email": r.email,
            "job_title": r.job_title,
            "organisation": r.organisation.name,
            "new_organisation": r.is_new_organisation,
            "message": r.motivation,
            "status": r.get_status_display(),
            "reason": r.decline_reason,
            "requested_at": r.created_at,
            "decided_at": r.decided_at,
        }
        for r in AccountRequest.objects.filter(email__iexact=user.email).select_related("organisation")
    ]


def account_requests_decided(user) -> list:
    from accounts.models import AccountRequest

    return [
        {"organisation": r.organisation.name, "decision": r.get_status_display(), "decided_at": r.decided_at}
        for r in AccountRequest.objects.filter(decided_by=user).select_related("organisation")
    ]


def invitations_received(user) -> list:
    from accounts.models import Invitation

    return [
        {
            "organisation": i.organisation.name,
            "role": i.get_role_display(),
            "invited_at": i.created_at,
            "expires_at": i.expires_at,
            "accepted_at": i.accepted_at,
        }
        for i in Invitation.objects.filter(email__iexact=user.email).select_related("organisation")
    ]


def invitations_sent(user) -> list:
    # The invitee's address is theirs, not the inviter's: only the organisation and the dates.
    from accounts.models import Invitation

    return [
        {
            "organisation": i.organisation.name,
            "role": i.get_role_display(),
            "sent_at": i.created_at,
            "accepted": bool(i.accepted_at),
        }
        for i in Invitation.objects.filter(invited_by=user).select_related("organisation")
    ]


def organisations_created(user) -> list:
    from organisations.models import Organisation

    return [
        {"name": o.name, "status": o.get_status_display(), "created_at": o.created_at}
        for o in Organisation.objects.filter(created_by=user)
    ]


def practices(user) -> list:
    from practices.models import Practice
    from practices.workflow import STATUSES

    roles = {
        "registered": Q(registered_by=user),
        "wrote_description": Q(descriptions__created_by=user) | Q(descriptions__sections__updated_by=user),
        "submitted_for_review": Q(rounds__submitted_by=user),
        "penholder": Q(trajectory__penholder=user),
    }
    found: dict[int, dict] = {}
    for role, condition in roles.items():
        for practice in Practice.objects.filter(condition).distinct():
            entry = found.setdefault(
                practice.pk,
                {
                    "title": practice.title,
                    "status": str(STATUSES[practice.status].submitter_label),
                    "level": practice.get_level_display(),
                    "your_roles": [],
                },
            )
            entry["your_roles"].append(role)
    return list(found.values())


def comments(user) -> list:
    from practices.models import Comment

    return [
        {
            "practice": c.practice.title,
            "section": c.section_key,
            "kind": c.get_kind_display(),
            "text": c.body,
            "written_at": c.created_at,
        }
        for c in Comment.objects.filter(author=user).select_related("practice")
    ]


def materials(user) -> list:
    from practices.models import Material

    return [
        {"practice": m.practice.title, "title": m.title, "uploaded_at": m.uploaded_at}
        for m in Material.objects.filter(uploaded_by=user).select_related("practice")
    ]


def reviews(user) -> list:
    from practices.models import ReviewAssignment

    out = []
    assignments = ReviewAssignment.objects.filter(reviewer=user).select_related("round__practice", "review")
    for a in assignments.prefetch_related("review__notes"):
        review = getattr(a, "review", None)
        out.append(
            {
                "practice": a.round.practice.title,
                "round": a.round.number,
                "status": a.get_status_display(),
                "assigned_at": a.assigned_at,
                "due_date": a.due_date,
                "conflict_of_interest": {"statement": a.conflict_statement, "declared_at": a.declared_at},
                "review": {
                    "recommendation": review.get_recommendation_display(),
                    "overall": review.overall,
                    "submitted_at": review.submitted_at,
                    "notes": {note.section_key: note.body for note in review.notes.all()},
                }
                if review
                else None,
            }
        )
    return out


def review_assignments_made(user) -> list:
    from practices.models import ReviewAssignment

    return [
        {"practice": a.round.practice.title, "round": a.round.number, "assigned_at": a.assigned_at, "due_date": a.due_date}
        for a in ReviewAssignment.objects.filter(assigned_by=user).select_related("round__practice")
    ]


def review_decisions(user) -> list:
    from practices.models import ReviewRound

    return [
        {
            "practice": r.practice.title,
            "round": r.number,
            "decision": r.get_decision_display(),
            "feedback": r.feedback,
            "decided_at": r.decided_at,
        }
        for r in ReviewRound.objects.filter(decided_by=user).select_related("practice")
    ]


def event_proposals(user) -> list:
    from events.models import Event

    return [
        {"title": e.title, "status": e.get_status_display(), "proposed_at": e.created_at, "message_from_team": e.team_message}
        for e in Event.objects.filter(proposed_by=user)
    ]


def contact_person(user) -> dict:
    """Where the person's name or e-mail address is given as a contact (practices, events, organisations)."""
    from events.models import Event
    from organisations.models import Organisation
    from practices.models import Practice

    by_name = _name_matches(user)
    email = user.email
    return {
        "practices": [
            {"title": p.title, "contact_name": p.contact_name, "contact_email": p.contact_email, "contact_phone": p.contact_phone}
            for p in Practice.objects.filter(Q(contact_email__iexact=email) | by_name("contact_name"))
        ],
        "events": [
            {"title": e.title, "contact_name": e.contact_name, "contact_email": e.contact_email}
            for e in Event.objects.filter(Q(contact_email__iexact=email) | by_name("contact_name"))
        ],
        "organisations": [
            {"name": o.name, "contact_name": o.contact_name, "email": o.email}
            for o in Organisation.objects.filter(Q(email__iexact=email) | by_name("contact_name"))
        ],
    }


def notifications(user) -> list:
    return [
        {"subject": n.subject, "message": n.body, "link": n.url, "sent_at": n.created_at, "read_at": n.read_at}
        for n in user.notifications.all()
    ]


def audit_log(user) -> list:
    """The audit entries the person caused (Wagtail's log and Django's admin log)."""
    from django.contrib.admin.models import LogEntry
    from wagtail.models import ModelLogEntry, PageLogEntry

    out = []
    for model in (ModelLogEntry, PageLogEntry):
        for entry in model.objects.filter(user=user).select_related("content_type"):
            kind = f"{entry.content_type.app_label}.{entry.content_type.model}" if entry.content_type else ""
            out.append(
                {
                    "action": entry.action,
                    "object_type": kind,
                    "object": None if kind in PERSONAL_LOG_OBJECTS else entry.label,
                    "at": entry.timestamp,
                }
            )
    for entry in LogEntry.objects.filter(user=user).select_related("content_type"):
        kind = f"{entry.content_type.app_label}.{entry.content_type.model}" if entry.content_type else ""
        out.append(
            {
                "action": entry.get_action_flag_display(),
                "object_type": kind,
                "object": None if kind in PERSONAL_LOG_OBJECTS else entry.object_repr,
                "at": entry.action_time,
            }
        )
    return sorted(out, key=lambda e: e["at"])


def editorial(user) -> dict:
    """Work in the CMS: pages owned or locked, revisions, workflow steps, page comments, uploads."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Comment, CommentReply, Page, PageSubscription, Revision, TaskState, WorkflowState

    from toolbox.models import Publication

    def titles(qs):
        return [str(obj) for obj in qs]

    return {
        "pages_owned": titles(Page.objects.filter(owner=user)),
        "pages_locked": titles(Page.objects.filter(locked_by=user)),
        "publications_locked": titles(Publication.objects.filter(locked_by=user)),
        "revisions": [{"object": r.object_str, "at": r.created_at} for r in Revision.objects.filter(user=user)],
        "workflows_started": [
            {"object": str(w.content_object), "at": w.created_at} for w in WorkflowState.objects.filter(requested_by=user)
        ],
        "workflow_tasks_finished": [
            {"task": str(t.task), "at": t.finished_at} for t in TaskState.objects.filter(finished_by=user)
        ],
        "page_comments": [
            {"page": str(c.page), "text": c.text, "at": c.created_at, "resolved_by_you": c.resolved_by_id == user.pk}
            for c in Comment.objects.filter(Q(user=user) | Q(resolved_by=user)).select_related("page")
        ],
        "page_comment_replies": [
            {"page": str(r.comment.page), "text": r.text, "at": r.created_at}
            for r in CommentReply.objects.filter(user=user).select_related("comment__page")
        ],
        "page_subscriptions": [str(s.page) for s in PageSubscription.objects.filter(user=user).select_related("page")],
        "documents_uploaded": [
            {"title": d.title, "at": d.created_at} for d in get_document_model().objects.filter(uploaded_by_user=user)
        ],
        "images_uploaded": [
            {"title": i.title, "at": i.created_at} for i in get_image_model().objects.filter(uploaded_by_user=user)
        ],
    }


def contact_messages(user) -> list:
    """Messages sent through the site's forms (the contact page) with the person's e-mail address."""
    return [{"form": str(s.page), "submitted_at": s.submit_time, "fields": s.form_data} for s in form_submissions_of(user.email)]


def two_factor_devices(user) -> list:
    # The device and its name only: never a key, a token or a recovery code.
    out = []
    for model in registry.otp_device_models():
        for device in model.objects.filter(user=user):
            out.append({"type": model._meta.verbose_name, "name": device.name, "confirmed": device.confirmed})
    return out


def privacy(user) -> dict:
    from .models import InactivityWarning

    warning = InactivityWarning.objects.filter(user=user).first()
    return {
        "erasure_requests": [
            {"requested_at": r.requested_at, "source": r.get_source_display(), "status": r.get_status_display()}
            for r in user.erasure_requests.all()
        ],
        "inactivity_warning": {"warned_at": warning.warned_at} if warning else None,
    }


SECTIONS: dict[str, Callable] = {
    "account": account,
    "memberships": memberships,
    "account_requests": account_requests,
    "account_requests_decided": account_requests_decided,
    "invitations_received": invitations_received,
    "invitations_sent": invitations_sent,
    "organisations_created": organisations_created,
    "practices": practices,
    "comments": comments,
    "materials": materials,
    "reviews": reviews,
    "review_assignments_made": review_assignments_made,
    "review_decisions": review_decisions,
    "event_proposals": event_proposals,
    "contact_person": contact_person,
    "notifications": notifications,
    "audit_log": audit_log,
    "editorial": editorial,
    "contact_messages": contact_messages,
    "two_factor_devices": two_factor_devices,
    "privacy": privacy,
}


def form_submissions_of(email: str) -> list:
    """Form submissions (the contact page's messages) with a field whose value is this e-mail address."""
    from wagtail.contrib.forms.models import FormSubmission

    wanted = email.strip().casefold()
    if not wanted:
        return []
    candidates = (
        FormSubmission.objects.annotate(as_text=Cast("form_data", TextField()))
        .filter(as_text__icontains=wanted)
        .select_related("page")
    )
    return [
        s for s in candidates if any(isinstance(v, str) and v.strip().casefold() == wanted for v in (s.form_data or {}).values())
    ]


def build(user) -> dict:
    """The whole export of one person, section by section."""
    return {
        "platform": settings.WAGTAIL_SITE_NAME,
        "generated_at": timezone.now(),
        **{name: section(user) for name, section in SECTIONS.items()},
    }


def as_json(user) -> str:
    return json.dumps(build(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
