"""Who may do what with accounts and organisations. Each check returns (allowed, reason)."""

from django.utils.translation import gettext as _

from . import roles
from .models import MembershipRole, RequestStatus


def is_team(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name__in=[roles.EXPOO_TEAM, roles.ADMINISTRATOR]).exists()
    )


def is_organisation_admin(user, organisation) -> bool:
    return user.is_authenticated and organisation.memberships.filter(user=user, role=MembershipRole.ADMIN).exists()


def can_manage_organisation(user, organisation) -> tuple[bool, str]:
    """Organisation administrators keep their profile and members; the team may help."""
    if is_organisation_admin(user, organisation) or is_team(user):
        return True, ""
    return False, _("Only the administrators of this organisation can do this.")


def can_decide_account_request(user, account_request) -> tuple[bool, str]:
    """A new organisation is the team's to approve; a member request, its administrators' (or the team's)."""
    if account_request.status != RequestStatus.PENDING:
        return False, _("This request has already been handled.")
    if account_request.is_new_organisation:
        if user.has_perm("accounts.decide_organisation_request"):
            return True, ""
        return False, _("Only the EXPOO team approves new organisations.")
    if is_organisation_admin(user, account_request.organisation) or user.has_perm("accounts.decide_organisation_request"):
        return True, ""
    return False, _("Only the administrators of this organisation can do this.")
