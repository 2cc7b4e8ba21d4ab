"""Every place the platform keeps something that points at a person, and what happens to it.

`RELATIONS` names each ForeignKey, OneToOneField and ManyToManyField to the user model
("app_label.Model.field"), `EMAIL_FIELDS` each EmailField, with the export section that shows it
and what erasure does. A test walks the installed models and fails when a new relation or e-mail
field is not declared here: whoever adds one decides what the export and the erasure do with it.

Erasure actions:
- DELETE: the rows are deleted (they exist only for the person).
- CLEAR: a many-to-many relation of the account is emptied.
- KEEP: the rows stay, still pointing at the account, which is anonymised ("a former member"):
  the record of the work (reviews, comments, audit entries, revisions) stays, without the person.
- SCRUB: a free-text copy of the name or e-mail address (a contact person) is replaced.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models

DELETE, CLEAR, KEEP, SCRUB, IGNORE = "delete", "clear", "keep", "scrub", "ignore"


@dataclass(frozen=True)
class Policy:
    export: str | None  # the section of the export (export.SECTIONS) that shows it, or None
    erase: str
    why: str = ""  # needed when nothing is exported


RELATIONS: dict[str, Policy] = {
    # The account itself (its own fields: ACCOUNT_FIELDS)
    "wagtailusers.UserProfile.user": Policy("account", DELETE),
    "accounts.Membership.user": Policy("memberships", DELETE),
    "accounts.Invitation.invited_by": Policy("invitations_sent", KEEP),
    "accounts.AccountRequest.decided_by": Policy("account_requests_decided", KEEP),
    "notifications.Notification.recipient": Policy("notifications", DELETE),  # and others' that name them: scrubbed
    # Organisations, practices, reviews, events
    "organisations.Organisation.created_by": Policy("organisations_created", KEEP),
    "practices.Practice.registered_by": Policy("practices", KEEP),
    "practices.Description.created_by": Policy("practices", KEEP),
    "practices.DescriptionSection.updated_by": Policy("practices", KEEP),
    "practices.CollectiveTrajectory.penholder": Policy("practices", KEEP),
    "practices.ReviewRound.submitted_by": Policy("practices", KEEP),
    "practices.Comment.author": Policy("comments", KEEP),
    "practices.Material.uploaded_by": Policy("materials", KEEP),
    "practices.ReviewAssignment.reviewer": Policy("reviews", KEEP),
    "practices.ReviewAssignment.assigned_by": Policy("review_assignments_made", KEEP),
    "practices.ReviewRound.decided_by": Policy("review_decisions", KEEP),
    "events.Event.proposed_by": Policy("event_proposals", KEEP),
    # Editorial work in the CMS
    "toolbox.Publication.locked_by": Policy("editorial", KEEP),
    "wagtailcore.Page.owner": Policy("editorial", KEEP),
    "wagtailcore.Page.locked_by": Policy("editorial", KEEP),
    "wagtailcore.Revision.user": Policy("editorial", KEEP),
    "wagtailcore.WorkflowState.requested_by": Policy("editorial", KEEP),
    "wagtailcore.TaskState.finished_by": Policy("editorial", KEEP),
    "wagtailcore.Comment.user": Policy("editorial", KEEP),
    "wagtailcore.Comment.resolved_by": Policy("editorial", KEEP),
    "wagtailcore.CommentReply.user": Policy("editorial", KEEP),
    "wagtailcore.PageSubscription.user": Policy("editorial", DELETE),
    "wagtaildocs.Document.uploaded_by_user": Policy("editorial", KEEP),
    "wagtailimages.Image.uploaded_by_user": Policy("editorial", KEEP),
    "wagtailcore.UploadedFile.uploaded_by_user": Policy(None, DELETE, "a file half-way through an upload in the admin"),
    "wagtailadmin.EditingSession.user": Policy(None, DELETE, "who has an admin edit form open right now"),
    "wagtailadmin.FormState.user": Policy(None, DELETE, "an unsaved admin form, kept for a moment"),
    # Audit trails: kept, with the person's name and e-mail taken out of their text
    "wagtailcore.ModelLogEntry.user": Policy("audit_log", KEEP),
    "wagtailcore.PageLogEntry.user": Policy("audit_log", KEEP),
    "admin.LogEntry.user": Policy("audit_log", KEEP),
    # This app
    "privacy.ErasureRequest.user": Policy("privacy", KEEP),
    "privacy.ErasureRequest.completed_by": Policy(None, KEEP, "an erasure someone ran holds no data of theirs"),
    "privacy.InactivityWarning.user": Policy("privacy", DELETE),
}

# The fields of the user model itself. BLANK: emptied (or the anonymous placeholder for the name
# and the e-mail address, False for flags, None for dates).
BLANK = "blank"
ACCOUNT_FIELDS: dict[str, Policy] = {
    "id": Policy(None, KEEP, "a number, kept so the record of the work still points somewhere"),
    "password": Policy(None, BLANK, "a one-way hash; replaced by an unusable one"),
    "last_login": Policy("account", BLANK),
    "is_superuser": Policy("account", BLANK),
    "first_name": Policy("account", BLANK),
    "last_name": Policy("account", BLANK),
    "email": Policy("account", BLANK),
    "is_staff": Policy("account", BLANK),
    "is_active": Policy("account", BLANK),
    "date_joined": Policy("account", KEEP),
    "job_title": Policy("account", BLANK),
    "groups": Policy("account", CLEAR),
    "user_permissions": Policy("account", CLEAR),
    "followed_themes": Policy("account", CLEAR),
}

EMAIL_FIELDS: dict[str, Policy] = {
    "accounts.User.email": Policy("account", BLANK),  # the anonymous placeholder (ACCOUNT_FIELDS)
    "accounts.Invitation.email": Policy("invitations_received", DELETE),
    "accounts.AccountRequest.email": Policy("account_requests", DELETE),
    "organisations.Organisation.email": Policy("contact_person", SCRUB),
    "practices.Practice.contact_email": Policy("contact_person", SCRUB),
    "events.Event.contact_email": Policy("contact_person", SCRUB),
    "pages.ContactPage.from_address": Policy(None, IGNORE, "the sender address of the form's e-mails, not a person"),
}

# Two-factor devices (django-otp and its plugins): every model derived from its Device has a
# `user` field; whichever device models are installed, they are exported (without secrets) and
# deleted. Declared by base class rather than by name, because plugins add their own.
OTP_DEVICE_POLICY = Policy("two_factor_devices", DELETE)


def otp_device_models() -> list[type[models.Model]]:
    """The installed django-otp device models (none when django-otp is not installed)."""
    if not apps.is_installed("django_otp"):
        return []
    from django_otp.models import Device

    return [m for m in apps.get_models() if issubclass(m, Device)]


def _user_model():
    return apps.get_model(settings.AUTH_USER_MODEL)


def user_relations() -> list[tuple[str, models.Field]]:
    """Every field of an installed model that points at the user model, as ("label", field).

    A field inherited from a concrete parent (Page.owner on every page type) is named once, on
    the parent that holds it."""
    user_model = _user_model()
    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields(include_hidden=True):
            if field.auto_created or not field.is_relation or field.related_model is not user_model:
                continue
            if not (field.many_to_one or field.one_to_one or field.many_to_many):
                continue
            owner = field.model
            found[f"{owner._meta.label}.{field.name}"] = field
    return sorted(found.items())


def account_fields() -> list[str]:
    """The names of the user model's own fields: its columns and its many-to-many relations."""
    meta = _user_model()._meta
    return sorted([f.name for f in meta.concrete_fields] + [f.name for f in meta.many_to_many])


def email_fields() -> list[tuple[str, models.Field]]:
    """Every EmailField of an installed model, as ("label", field), once per model that holds it."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.EmailField):
                found[f"{field.model._meta.label}.{field.name}"] = field
    return sorted(found.items())


def policy_for(label: str, field: models.Field) -> Policy | None:
    """The declared policy of one relation, the two-factor devices included; None if undeclared."""
    if label in RELATIONS:
        return RELATIONS[label]
    if field.name == "user" and field.model in otp_device_models():
        return OTP_DEVICE_POLICY
    return None


def relations_with(erase: str) -> list[tuple[type[models.Model], str]]:
    """(model, field name) of each installed relation whose erasure action is `erase`."""
    out = []
    for label, field in user_relations():
        policy = policy_for(label, field)
        if policy and policy.erase == erase:
            out.append((field.model, field.name))
    return out
