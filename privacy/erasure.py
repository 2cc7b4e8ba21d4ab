"""Erasing a person: what blocks it, and the erasure itself (called by actions.run_erasure).

The account row stays, anonymised, because reviews, comments, audit entries and revisions point at
it and stay as the record of the work ("a former member"). Everything that exists only for the
person is deleted (registry.DELETE), free-text copies of their name or address as a contact
person are replaced, and their name and address are taken out of audit-log texts.
"""

import json
import re
from collections import Counter
from email.utils import parseaddr
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import registry
from .export import form_submissions_of

ANONYMOUS_DOMAIN = "gewist.invalid"  # .invalid can never be a real address (RFC 2606)

BLOCKER_LABELS = {
    "last_admin": _("Only administrator of %(subject)s"),
    "open_review": _("Open review of “%(subject)s”"),
    "last_superuser": _("Last administrator of the platform"),
}


def anonymous_email(pk) -> str:
    return f"gewist-{pk}@{ANONYMOUS_DOMAIN}"


def former_member() -> str:
    """How an erased person is shown from now on (stored in the platform's first language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Former member")


def is_erased(user) -> bool:
    return user.email.endswith(f"@{ANONYMOUS_DOMAIN}")


def not_erased(queryset):
    return queryset.exclude(email__endswith=f"@{ANONYMOUS_DOMAIN}")


def blocker_label(blocker: dict) -> str:
    return BLOCKER_LABELS[blocker["code"]] % {"subject": blocker.get("subject", "")}


def blockers(user) -> list[dict]:
    """What makes an erasure wait for an administrator: the only administrator of an organisation,
    an open review assignment, or the platform's last superuser. [] when it can run at once."""
    from accounts.models import Membership, MembershipRole
    from organisations.models import OrganisationStatus
    from practices.models import AssignmentStatus, ReviewAssignment

    found = []
    admin_of = (
        Membership.objects.filter(user=user, role=MembershipRole.ADMIN)
        .exclude(organisation__status=OrganisationStatus.DECLINED)
        .select_related("organisation")
    )
    for membership in admin_of:
        others = Membership.objects.filter(organisation=membership.organisation, role=MembershipRole.ADMIN, user__is_active=True)
        if not not_erased_members(others.exclude(user=user)).exists():
            found.append({"code": "last_admin", "subject": membership.organisation.name})
    open_reviews = ReviewAssignment.objects.filter(
        reviewer=user,
        status__in=[AssignmentStatus.AWAITING_DECLARATION, AssignmentStatus.REVIEWING],
        round__decided_at__isnull=True,
    ).select_related("round__practice")
    found += [{"code": "open_review", "subject": a.round.practice.title} for a in open_reviews]
    if user.is_superuser:
        others = not_erased(get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk))
        if not others.exists():
            found.append({"code": "last_superuser", "subject": ""})
    return found


def not_erased_members(memberships):
    return memberships.exclude(user__email__endswith=f"@{ANONYMOUS_DOMAIN}")


# The erasure itself ---------------------------------------------------------------------------


def erase(user) -> dict:
    """Remove or anonymise the person everywhere; returns counts per kind (no personal data).

    Runs inside the caller's transaction (actions.run_erasure)."""
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    email = user.email
    names = _names(user)
    counts = Counter()
    counts["contact_person"] = _scrub_contacts(email, names)
    counts["audit_log"] = _scrub_logs(user, email, names)
    counts["others_notifications"] = _scrub_notifications(user, email, names)
    counts["contact_messages"] = _delete(form_submissions_of(email))
    counts["task_results"] = _delete_task_results(email)
    from accounts.models import AccountRequest, Invitation

    counts["account_requests"] = AccountRequest.objects.filter(email__iexact=email).delete()[1].get(AccountRequest._meta.label, 0)
    counts["invitations_received"] = Invitation.objects.filter(email__iexact=email).delete()[1].get(Invitation._meta.label, 0)
    for model, field in registry.relations_with(registry.DELETE):
        rows = model._base_manager.filter(**{field: user})
        if model._meta.label == "wagtailusers.UserProfile":
            for profile in rows:
                if profile.avatar:
                    profile.avatar.delete(save=False)
        counts[model._meta.label] = rows.delete()[1].get(model._meta.label, 0)
    counts["sessions"] = _delete_sessions(user)
    _anonymise_account(user)
    return {key: value for key, value in sorted(counts.items()) if value}


def _names(user) -> list[str]:
    """The person's full names as they may appear in free text: only names of two parts or more,
    because a first name alone would match other people and other words."""
    from accounts.models import AccountRequest

    candidates = [user.get_full_name()]
    candidates += [r.full_name for r in AccountRequest.objects.filter(email__iexact=user.email)]
    names = {" ".join(name.split()) for name in candidates}
    return sorted((n for n in names if len(n.split()) >= 2), key=len, reverse=True)


def _team_address() -> str:
    return parseaddr(settings.EXPOO_TEAM_EMAIL)[1] or settings.EXPOO_TEAM_EMAIL


def _matches(field: str, email: str, names: list[str], email_field: str) -> Q:
    q = Q(**{f"{email_field}__iexact": email})
    for name in names:
        q |= Q(**{f"{field}__iexact": name})
    return q


def _scrub_contacts(email: str, names: list[str]) -> int:
    """Contact persons in free text: a practice then names its organisation (and the organisation's
    or the team's address), an event has no contact person, an organisation none."""
    from events.models import Event
    from organisations.models import Organisation
    from practices.models import Practice

    changed = 0
    for practice in Practice.objects.filter(_matches("contact_name", email, names, "contact_email")):
        organisation = practice.submitting_organisation
        org_email = organisation.email if organisation and organisation.email.casefold() != email.casefold() else ""
        practice.contact_name = organisation.name if organisation else former_member()
        practice.contact_email = org_email or _team_address()
        practice.contact_phone = organisation.phone if organisation else ""
        practice.save(update_fields=["contact_name", "contact_email", "contact_phone", "updated_at"])
        changed += 1
    for event in Event.objects.filter(_matches("contact_name", email, names, "contact_email")):
        event.contact_name, event.contact_email = "", ""
        event.save(update_fields=["contact_name", "contact_email", "updated_at"])
        changed += 1
    for organisation in Organisation.objects.filter(_matches("contact_name", email, names, "email")):
        if organisation.email.casefold() == email.casefold():
            organisation.email = ""
        if " ".join(organisation.contact_name.split()).casefold() in {n.casefold() for n in names}:
            organisation.contact_name = ""
        organisation.save(update_fields=["email", "contact_name", "updated_at"])
        changed += 1
    return changed


def _replacer(email: str, names: list[str]):
    placeholder = former_member()
    patterns = [(re.compile(re.escape(email), re.IGNORECASE), placeholder)]
    patterns += [(re.compile(r"\s+".join(re.escape(part) for part in n.split()), re.IGNORECASE), placeholder) for n in names]

    def scrub(value):
        if isinstance(value, str):
            for pattern, replacement in patterns:
                value = pattern.sub(replacement, value)
            return value
        if isinstance(value, list):
            return [scrub(v) for v in value]
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        return value

    return scrub


def _needles(email: str, names: list[str]) -> list[str]:
    # JSON text may hold a name with its accents escaped ("Chlo\u00eb"), depending on the engine.
    escaped = [json.dumps(n)[1:-1] for n in names]
    return list(dict.fromkeys([email, *names, *escaped]))


def _scrub_logs(user, email: str, names: list[str]) -> int:
    """Take the name and address out of audit-log texts; entries about the account itself get the placeholder."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry, PageLogEntry

    scrub = _replacer(email, names)
    needles = _needles(email, names)
    user_type = ContentType.objects.get_for_model(user, for_concrete_model=True)
    changed = 0
    for model in (ModelLogEntry, PageLogEntry):
        about = Q(content_type=user_type, object_id=str(user.pk)) if model is ModelLogEntry else Q(pk__in=[])
        condition = about
        for needle in needles:
            condition |= Q(label__icontains=needle) | Q(as_text__icontains=needle)
        rows = model.objects.annotate(as_text=Cast("data", TextField())).filter(condition)
        for entry in rows:
            label = (
                former_member()
                if model is ModelLogEntry and entry.content_type_id == user_type.pk and entry.object_id == str(user.pk)
                else scrub(entry.label)
            )
            # update(): a log entry's save() validates its action against the registry again.
            model.objects.filter(pk=entry.pk).update(label=label, data=scrub(entry.data))
            changed += 1
    condition = Q(content_type=user_type, object_id=str(user.pk))
    for needle in needles:
        condition |= Q(object_repr__icontains=needle) | Q(change_message__icontains=needle)
    for entry in LogEntry.objects.filter(condition):
        LogEntry.objects.filter(pk=entry.pk).update(
            object_repr=scrub(entry.object_repr), change_message=scrub(entry.change_message)
        )
        changed += 1
    return changed


def _scrub_notifications(user, email: str, names: list[str]) -> int:
    """Notifications of other people that name the person ("Wannes registered a practice")."""
    from notifications.models import Notification

    scrub = _replacer(email, names)
    condition = Q(pk__in=[])
    for needle in [email, *names]:
        condition |= Q(subject__icontains=needle) | Q(body__icontains=needle)
    changed = 0
    for note in Notification.objects.exclude(recipient=user).filter(condition):
        Notification.objects.filter(pk=note.pk).update(subject=scrub(note.subject), body=scrub(note.body))
        changed += 1
    return changed


def _delete(objects) -> int:
    for obj in objects:
        obj.delete()
    return len(objects)


def _delete_task_results(email: str) -> int:
    """Queued or finished background tasks (e-mails) that carry the address; not one running now."""
    if not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    rows = (
        DBTaskResult.objects.annotate(as_text=Cast("args_kwargs", TextField()))
        .filter(as_text__icontains=email)
        .exclude(status="RUNNING")
    )
    return rows.delete()[0]


def _delete_sessions(user) -> int:
    """Log the person out everywhere. Sessions kept in the database are deleted; with any session
    engine the new unusable password invalidates them too (Django checks the session's password hash)."""
    if "db" not in settings.SESSION_ENGINE:
        return 0
    from django.contrib.sessions.models import Session

    store = import_module(settings.SESSION_ENGINE).SessionStore
    deleted = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            store(session_key=session.session_key).delete()
            deleted += 1
    return deleted


def _anonymise_account(user) -> None:
    """Blank every field declared BLANK in registry.ACCOUNT_FIELDS, clear the CLEAR relations."""
    special = {"first_name": former_member(), "email": anonymous_email(user.pk)}
    for name, policy in registry.ACCOUNT_FIELDS.items():
        if policy.erase == registry.CLEAR:
            getattr(user, name).clear()
            continue
        if policy.erase != registry.BLANK or name == "password":
            continue
        field = user._meta.get_field(name)
        if name in special:
            value = special[name]
        elif isinstance(field, models.BooleanField):
            value = False
        elif field.null:
            value = None
        else:
            value = ""
        setattr(user, name, value)
    user.set_unusable_password()
    user.save()
