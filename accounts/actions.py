"""Every change of accounts, memberships and organisation approval goes through these functions.

Each checks permission, writes in one transaction, records the audit entry (Wagtail's log) and
notifies the people concerned.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from wagtail.log_actions import log

from notifications.service import notify
from organisations.models import Organisation, OrganisationStatus

from . import roles
from .models import AccountRequest, Invitation, Membership, MembershipRole, RequestStatus, User
from .permissions import can_decide_account_request, can_manage_organisation, is_team


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "organisatie"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _set_password_url(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    # E-mail goes out in Dutch, so the link does too, whatever language the approver browses in.
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})


def _team_members():
    return User.objects.filter(is_active=True, groups__name=roles.EXPOO_TEAM).distinct()


def _deciders_for(account_request):
    if account_request.is_new_organisation:
        return list(_team_members())
    admins = User.objects.filter(
        is_active=True, memberships__organisation=account_request.organisation, memberships__role=MembershipRole.ADMIN
    )
    return list(admins) or list(_team_members())


@transaction.atomic
def request_account(*, first_name, last_name, email, job_title="", motivation="", organisation=None, new_organisation=None):
    """Record a request for an account; `new_organisation` is a dict of fields for an organisation to create."""
    is_new = organisation is None
    if is_new:
        organisation = Organisation.objects.create(
            slug=_unique_slug(new_organisation["name"]), status=OrganisationStatus.PENDING, **new_organisation
        )
    account_request = AccountRequest.objects.create(
        first_name=first_name,
        last_name=last_name,
        email=email.lower(),
        job_title=job_title,
        motivation=motivation,
        organisation=organisation,
        is_new_organisation=is_new,
    )
    log(account_request, "expoo.account_request.create", data={"email": account_request.email, "new": is_new})
    notify(
        "account_request.created",
        recipients=_deciders_for(account_request),
        template="account_request_created",
        context={"account_request": account_request},
        url=reverse("accounts:requests"),
    )
    notify(
        "account_request.received",
        recipients=[account_request.email],
        template="account_request_received",
        context={"account_request": account_request},
    )
    return account_request


class ProfileChanged(Exception):
    """The new organisation's profile changed after the team looked at it: look again before approving."""


def profile_version(organisation) -> str:
    """Stamps the profile the team reviews (ISO 8601, any time zone); any save of the organisation changes it."""
    return organisation.updated_at.isoformat() if organisation.updated_at else ""


def _is_current_profile(seen: str, organisation) -> bool:
    try:
        return datetime.fromisoformat(seen) == organisation.updated_at
    except (TypeError, ValueError):
        return False


def _profile_snapshot(organisation) -> dict:
    return {
        "description": organisation.description,
        "address": f"{organisation.street}, {organisation.postcode} {organisation.municipality or ''}".strip(", "),
        "contact": [organisation.contact_name, organisation.email, organisation.phone, organisation.website],
        "service_area": organisation.service_area,
        "served_municipalities": sorted(m.name for m in organisation.served_municipalities.all()),
    }


@transaction.atomic
def approve_account_request(account_request, *, by, seen_profile: str | None = None):
    """Approve: the organisation goes public if new, the person gets an account and a membership.

    A new organisation goes public with its profile as it stands, edits by its members included; with
    `seen_profile` (the profile_version the team reviewed) a profile changed since then is refused."""
    allowed, reason = can_decide_account_request(by, account_request)
    if not allowed:
        raise PermissionDenied(reason)
    account_request = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    organisation = account_request.organisation
    if account_request.is_new_organisation:
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if seen_profile is not None and not _is_current_profile(seen_profile, organisation):
            raise ProfileChanged(organisation.name)
        organisation.status = OrganisationStatus.APPROVED
        organisation.save(update_fields=["status", "updated_at"])
        log(organisation, "expoo.organisation.approve", user=by, data={"profile": _profile_snapshot(organisation)})
    user = User.objects.filter(email__iexact=account_request.email).first()
    is_new_user = user is None
    if is_new_user:
        user = User.objects.create_user(
            email=account_request.email,
            first_name=account_request.first_name,
            last_name=account_request.last_name,
            job_title=account_request.job_title,
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
    role = MembershipRole.ADMIN if account_request.is_new_organisation else MembershipRole.MEMBER
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": role})
    account_request.status = RequestStatus.APPROVED
    account_request.decided_by = by
    account_request.decided_at = timezone.now()
    account_request.save(update_fields=["status", "decided_by", "decided_at"])
    log(account_request, "expoo.account_request.approve", user=by)
    notify(
        "account_request.approved",
        recipients=[user],
        template="account_request_approved",
        context={"account_request": account_request, "organisation": organisation, "is_new_user": is_new_user},
        url=_set_password_url(user) if is_new_user else reverse("accounts:dashboard"),
    )
    return user


@transaction.atomic
def decline_account_request(account_request, *, by, reason: str):
    """Decline with a reason the requester reads; a new organisation stays unpublished, marked declined."""
    allowed, why = can_decide_account_request(by, account_request)
    if not allowed:
        raise PermissionDenied(why)
    account_request.status = RequestStatus.DECLINED
    account_request.decided_by = by
    account_request.decided_at = timezone.now()
    account_request.decline_reason = reason
    account_request.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
    if account_request.is_new_organisation:
        organisation = account_request.organisation
        organisation.status = OrganisationStatus.DECLINED
        organisation.decline_reason = reason
        organisation.save(update_fields=["status", "decline_reason", "updated_at"])
    log(account_request, "expoo.account_request.decline", user=by, data={"reason": reason})
    notify(
        "account_request.declined",
        recipients=[account_request.email],
        template="account_request_declined",
        context={"account_request": account_request, "reason": reason},
    )
    return account_request


@transaction.atomic
def invite_member(organisation, *, email: str, role: str = MembershipRole.MEMBER, by):
    """An organisation administrator invites someone by e-mail; the link is valid for fourteen days."""
    allowed, reason = can_manage_organisation(by, organisation)
    if not allowed:
        raise PermissionDenied(reason)
    invitation = Invitation.objects.create(organisation=organisation, email=email.lower(), role=role, invited_by=by)
    log(invitation, "expoo.invitation.create", user=by, data={"email": invitation.email})
    notify(
        "invitation.created",
        recipients=[invitation.email],
        template="invitation",
        context={"invitation": invitation},
        url=reverse("accounts:invitation", kwargs={"token": invitation.token}),
    )
    return invitation


@transaction.atomic
def accept_invitation(invitation, *, user):
    """The invited person (logged in, or just registered) joins the organisation."""
    if not invitation.is_open:
        raise PermissionDenied("invitation closed")
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    log(invitation, "expoo.invitation.accept", user=user)
    return membership


@transaction.atomic
def remove_member(membership, *, by):
    allowed, reason = can_manage_organisation(by, membership.organisation)
    if not allowed:
        raise PermissionDenied(reason)
    log(membership.organisation, "expoo.membership.remove", user=by, data={"email": membership.user.email})
    membership.delete()


@transaction.atomic
def update_organisation(organisation, *, by, form):
    """Save the organisation's public profile as edited by one of its administrators (or the team).

    An approved organisation's profile is live at once. A new organisation is not public until the
    team approves it, and then with the profile as it stands: an edit by a non-team member is
    reviewed in the approval queue (the team is told), and approval refuses a profile changed since
    the team looked at it."""
    allowed, reason = can_manage_organisation(by, organisation)
    if not allowed:
        raise PermissionDenied(reason)
    organisation = form.save()
    awaiting_approval = organisation.status == OrganisationStatus.PENDING and not is_team(by)
    log(organisation, "wagtail.edit", user=by, data={"awaiting_approval": awaiting_approval})
    if awaiting_approval:
        notify(
            "organisation.profile_changed",
            recipients=list(_team_members()),
            template="organisation_profile_changed",
            context={"organisation": organisation, "editor": by},
            url=reverse("accounts:requests"),
        )
    return organisation


@transaction.atomic
def reset_two_factor(user, *, by=None) -> int:
    """Remove a person's authenticator app and recovery codes (lost phone); they set it up again at
    their next login. `by` is the administrator, or None for the `reset_2fa` management command."""
    from . import two_factor
    from .security_log import TWO_FACTOR_RESET, log_event

    if by is not None and not roles.is_administrator(by):
        raise PermissionDenied("Only administrators can reset another person's two-factor login.")
    removed = two_factor.reset(user)
    log(user, "expoo.two_factor.reset", user=by)
    log_event(TWO_FACTOR_RESET, user_id=user.pk, by_user_id=getattr(by, "pk", None))
    return removed
