"""Who may do what with a practice. Each check returns (allowed, reason); views turn a refusal
into a 404 where the person may not even know the object exists."""

from django.utils.translation import gettext as _

from accounts import roles

from .models import AssignmentStatus, PracticeRole, ReviewAssignment
from .workflow import STATUSES, Status, allowed_from


def is_team(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm("practices.manage_practices"))


def is_chair(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm("practices.chair_commission"))


def is_commission(user) -> bool:
    return user.is_authenticated and user.groups.filter(name__in=[roles.COMMISSION_MEMBER, roles.COMMISSION_CHAIR]).exists()


def _member_org_ids(user) -> set:
    if not user.is_authenticated:
        return set()
    cache = getattr(user, "_expoo_org_ids", None)
    if cache is None:
        cache = set(user.memberships.values_list("organisation_id", flat=True))
        user._expoo_org_ids = cache
    return cache


def is_writer(user, practice) -> bool:
    """Writers edit the description: members of the submitting or co-authoring organisations, or,
    in a collective trajectory, only the penholder."""
    if not user.is_authenticated:
        return False
    trajectory = getattr(practice, "trajectory", None)  # a missing reverse one-to-one raises AttributeError
    if trajectory is not None:
        return trajectory.penholder_id == user.pk
    org_ids = _member_org_ids(user)
    return any(
        link.organisation_id in org_ids and link.role in (PracticeRole.SUBMITTER, PracticeRole.PARTNER)
        for link in practice.organisation_links.all()
    )


def is_participant(user, practice) -> bool:
    """A member of an organisation behind the practice (submitter or co-author; collective participants
    included). Organisations that only also apply it see the public page, like everyone."""
    org_ids = _member_org_ids(user)
    return bool(org_ids) and any(
        link.organisation_id in org_ids and link.role in (PracticeRole.SUBMITTER, PracticeRole.PARTNER)
        for link in practice.organisation_links.all()
    )


def active_assignment(user, practice):
    """The person's assignment in the practice's open round, unless they declared a conflict."""
    if not user.is_authenticated:
        return None
    return (
        ReviewAssignment.objects.filter(round__practice=practice, round__decided_at__isnull=True, reviewer=user)
        .exclude(status=AssignmentStatus.CONFLICT)
        .select_related("round")
        .first()
    )


def has_declared_conflict(user, practice) -> bool:
    return ReviewAssignment.objects.filter(round__practice=practice, reviewer=user, status=AssignmentStatus.CONFLICT).exists()


def can_view_workspace(user, practice) -> tuple[bool, str]:
    """The internal dossier: drafts, versions, comments, history."""
    if not user.is_authenticated:
        return False, _("Log in to see this practice's dossier.")
    if is_team(user) or is_writer(user, practice) or is_participant(user, practice):
        return True, ""
    if has_declared_conflict(user, practice):
        return False, _("You declared a conflict of interest for this practice.")
    if active_assignment(user, practice):
        return True, ""
    if is_chair(user) and practice.rounds.filter(decided_at__isnull=True).exists():
        return True, ""
    return False, _("You are not involved in this practice.")


def can_edit_description(user, practice) -> tuple[bool, str]:
    if not is_writer(user, practice):
        return False, _("Only the writers of this practice can edit its description.")
    if not STATUSES[practice.status].editable:
        return False, _("The description cannot be edited while it is %(status)s.") % {
            "status": STATUSES[practice.status].submitter_label.lower()
        }
    return True, ""


def can_comment(user, practice) -> tuple[bool, str]:
    """Team members comment while reading along; writers reply; participants of a collective
    trajectory comment on the penholder's text."""
    if is_team(user) or is_writer(user, practice) or is_participant(user, practice):
        return True, ""
    return False, _("You cannot comment on this practice.")


def can_transition(user, practice, name: str) -> tuple[bool, str]:
    """Whether the person may run the named workflow transition on the practice now."""
    if not allowed_from(name, practice.status):
        return False, _("This step is not possible in the current status.")
    if name in ("plan_intake", "accept_registration", "decline_registration", "return_read_along", "assign_reviewers"):
        return (True, "") if is_team(user) else (False, _("Only the EXPOO team can do this."))
    if name in ("request_read_along", "submit_description"):
        if not is_writer(user, practice):
            return False, _("Only the writers of this practice can do this.")
        if name == "submit_description" and practice.status == Status.PUBLISHED and not practice.level:
            return False, _("This step is not possible in the current status.")
        return True, ""
    if name == "record_decision":
        if not is_chair(user):
            return False, _("Only the commission chair records the decision.")
        if has_declared_conflict(user, practice):
            return False, _("You declared a conflict of interest for this practice.")
        return True, ""
    return False, _("Unknown step.")


def can_view_reviews(user, review_round) -> tuple[bool, str]:
    """Individual reviews: the team, the chair, and each reviewer their own (see visible_reviews)."""
    if is_team(user) or (is_chair(user) and not has_declared_conflict(user, review_round.practice)):
        return True, ""
    return False, _("Individual reviews are for the commission and the EXPOO team.")


def can_review(user, assignment) -> tuple[bool, str]:
    if assignment.reviewer_id != user.pk:
        return False, _("This review is assigned to someone else.")
    if assignment.round.decided_at:
        return False, _("This round has been decided.")
    if assignment.status == AssignmentStatus.CONFLICT:
        return False, _("You declared a conflict of interest for this practice.")
    if assignment.status == AssignmentStatus.SUBMITTED:
        return False, _("You already submitted this review.")
    return True, ""
