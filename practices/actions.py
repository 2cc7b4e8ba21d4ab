"""Every change of a practice's state is one function here: it checks permission, writes in one
transaction, records the audit entry (Wagtail's log, readable per practice) and notifies whoever
must act next. Views call these and nothing else that writes."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.models import User
from notifications.service import notify

from . import permissions as perms
from .models import (
    AssignmentStatus,
    CollectiveSession,
    CollectiveTrajectory,
    Comment,
    CommentKind,
    Description,
    DescriptionSection,
    DescriptionTemplate,
    Material,
    Practice,
    PracticeOrganisation,
    PracticeRole,
    Recommendation,
    Review,
    ReviewAssignment,
    ReviewNote,
    ReviewRound,
)
from .workflow import PUBLISHED_LEVELS, Level, Phase, Status, level_after_acceptance, phase_for_level


def _reassessment_years() -> int:
    from wagtail.models import Site

    from .models import DatabankSettings

    site = Site.objects.filter(is_default_site=True).first()
    return DatabankSettings.for_site(site).reassessment_years if site else 5


class EditConflict(Exception):
    """Someone saved the same section since this person opened it."""

    def __init__(self, section):
        super().__init__("edit conflict")
        self.section = section


def _check(allowed_reason):
    allowed, reason = allowed_reason
    if not allowed:
        raise PermissionDenied(reason)


def _audit(practice, action, by, **data):
    log(practice, f"expoo.practice.{action}", user=by, data={k: v for k, v in data.items() if v not in (None, "")})


def team_members():
    return User.objects.filter(is_active=True, groups__permissions__codename="manage_practices").distinct()


def chairs():
    return User.objects.filter(is_active=True, groups__permissions__codename="chair_commission").distinct()


def writers(practice):
    """Who writes the description: the penholder of a collective trajectory, else the members of
    the submitting and co-authoring organisations."""
    trajectory = CollectiveTrajectory.objects.filter(practice=practice).first()
    if trajectory:
        return User.objects.filter(pk=trajectory.penholder_id)
    return User.objects.filter(
        is_active=True,
        memberships__organisation__practice_links__practice=practice,
        memberships__organisation__practice_links__role__in=[PracticeRole.SUBMITTER, PracticeRole.PARTNER],
    ).distinct()


def _tell(practice, verb, recipients, template, public=False, **context):
    """Notify about a practice; links point at the dossier (or the public page) in Dutch, the e-mail's language."""
    with translation.override(settings.LANGUAGE_CODE):
        url = practice.get_absolute_url() if public else practice.get_workspace_url()
    notify(
        f"practice.{verb}",
        recipients=list(recipients),
        template=f"practice_{template}",
        context={"practice": practice, **context},
        url=url,
    )


def _unique_slug(title):
    base = slugify(title)[:180] or "praktijk"
    slug, n = base, 2
    while Practice.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def current_template():
    template = DescriptionTemplate.objects.current()
    if template is None:
        raise ValidationError(_("There is no active description template. An administrator must activate one."))
    return template


@transaction.atomic
def ensure_draft(practice, *, by=None) -> Description:
    """The practice's working draft, created from its latest version (or empty) with a section per template section.

    Atomic on its own too: views call it outside another action, and a draft must never lack its sections."""
    draft = practice.descriptions.filter(is_draft=True).first()
    if draft is None:
        latest = practice.descriptions.filter(is_draft=False).order_by("-version").first()
        template = latest.template if latest else current_template()
        draft = Description.objects.create(practice=practice, template=template, is_draft=True, version=0, created_by=by)
        previous = latest.section_map() if latest else {}
        DescriptionSection.objects.bulk_create(
            DescriptionSection(
                description=draft, key=s.key, phase=s.phase, body=previous[s.key].body if s.key in previous else "", updated_by=by
            )
            for s in template.sections.all()
        )
    return draft


@transaction.atomic
def register_practice(
    *, by, organisation, title, summary, contact_name, contact_email, contact_phone="", themes=(), target_groups=(), partners=()
):
    """A member registers a practice for their organisation (and optional co-authoring organisations)."""
    if not by.memberships.filter(organisation=organisation).exists():
        raise PermissionDenied(_("You can only register a practice for an organisation you belong to."))
    practice = Practice.objects.create(
        title=title,
        slug=_unique_slug(title),
        summary=summary,
        status=Status.REGISTRATION_RECEIVED,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        registered_by=by,
    )
    PracticeOrganisation.objects.create(practice=practice, organisation=organisation, role=PracticeRole.SUBMITTER)
    for partner in partners:
        if partner != organisation:
            PracticeOrganisation.objects.get_or_create(
                practice=practice, organisation=partner, defaults={"role": PracticeRole.PARTNER}
            )
    practice.themes.set(themes)
    practice.target_groups.set(target_groups)
    _audit(practice, "register", by)
    _tell(practice, "registered", team_members(), "registered")
    return practice


@transaction.atomic
def plan_intake(practice, *, by, when, notes=""):
    """The team plans the intake conversation (date and notes)."""
    _check(perms.can_transition(by, practice, "plan_intake"))
    practice.intake_date = when
    practice.intake_notes = notes
    practice.status = Status.INTAKE_PLANNED
    practice.save(update_fields=["intake_date", "intake_notes", "status", "updated_at"])
    _audit(practice, "plan_intake", by, when=when.isoformat())
    _tell(practice, "intake_planned", writers(practice), "intake_planned", when=when)
    return practice


@transaction.atomic
def accept_registration(practice, *, by):
    """Accepted: level aangemeld (public with minimal data), and the writers get a draft to fill in."""
    _check(perms.can_transition(by, practice, "accept_registration"))
    practice.level = Level.REGISTERED
    practice.status = Status.WRITING
    practice.save(update_fields=["level", "status", "updated_at"])
    ensure_draft(practice, by=by)
    _audit(practice, "accept_registration", by)
    _tell(practice, "registration_accepted", writers(practice), "registration_accepted")
    return practice


@transaction.atomic
def decline_registration(practice, *, by, reason):
    """Declined with a reason the submitter reads; the practice never becomes public."""
    _check(perms.can_transition(by, practice, "decline_registration"))
    if not reason.strip():
        raise ValidationError(_("Give a reason: the submitter reads it."))
    practice.status = Status.DECLINED
    practice.decline_reason = reason
    practice.save(update_fields=["status", "decline_reason", "updated_at"])
    _audit(practice, "decline_registration", by, comment=reason)
    recipients = {u.email: u for u in writers(practice)}
    recipients.setdefault(practice.contact_email, practice.contact_email)
    _tell(practice, "registration_declined", recipients.values(), "registration_declined", reason=reason)
    return practice


@transaction.atomic
def save_section(practice, *, by, key, body, revision):
    """Save one section of the draft. `revision` is the one the writer started from; if someone
    saved in between, nothing is written and EditConflict carries the other text."""
    _check(perms.can_edit_description(by, practice))
    draft = ensure_draft(practice, by=by)
    updated = DescriptionSection.objects.filter(description=draft, key=key, revision=revision).update(
        body=body, revision=F("revision") + 1, updated_by=by, updated_at=timezone.now()
    )
    section = DescriptionSection.objects.get(description=draft, key=key)
    if not updated:
        raise EditConflict(section)
    return section


@transaction.atomic
def add_comment(practice, *, by, section_key, body, description=None):
    """A comment anchored to a section; its kind follows from who writes it."""
    _check(perms.can_comment(by, practice))
    description = description or ensure_draft(practice, by=by)
    if perms.is_team(by):
        kind = CommentKind.READ_ALONG
    elif perms.is_writer(by, practice):
        kind = CommentKind.REPLY
    else:
        kind = CommentKind.PARTICIPANT
    comment = Comment.objects.create(
        practice=practice, description=description, section_key=section_key, kind=kind, author=by, body=body
    )
    if kind == CommentKind.PARTICIPANT:
        section = description.template.sections.filter(key=section_key).first()
        _tell(
            practice,
            "participant_comment",
            writers(practice),
            "comment",
            comment=comment,
            section=section.title if section else section_key,
        )
    return comment


@transaction.atomic
def request_read_along(practice, *, by):
    """The writers ask the EXPOO team to read along before submitting."""
    _check(perms.can_transition(by, practice, "request_read_along"))
    practice.status = Status.READ_ALONG
    practice.save(update_fields=["status", "updated_at"])
    _audit(practice, "request_read_along", by)
    _tell(practice, "read_along_requested", team_members(), "read_along_requested")
    return practice


def _resting_status(practice):
    """Where a practice returns after reading along: published, revising, or writing."""
    if practice.level in PUBLISHED_LEVELS and practice.published_description_id:
        return Status.PUBLISHED
    last = practice.rounds.order_by("-number").first()
    if last and last.decision == Recommendation.REVISE:
        return Status.REVISION
    return Status.WRITING


@transaction.atomic
def return_read_along(practice, *, by, message=""):
    """The team hands its per-section feedback back to the writers."""
    _check(perms.can_transition(by, practice, "return_read_along"))
    practice.status = _resting_status(practice)
    practice.save(update_fields=["status", "updated_at"])
    _audit(practice, "return_read_along", by, comment=message)
    _tell(practice, "read_along_returned", writers(practice), "read_along_returned", message=message)
    return practice


def submission_phase(practice) -> str:
    """The phase the next submission is for: the description first, then substantiation, then research."""
    return phase_for_level(practice.level if practice.level in PUBLISHED_LEVELS else None)


def missing_sections(practice, description=None) -> list:
    """Required template sections, up to the phase being submitted, that are still empty."""
    description = description or ensure_draft(practice)
    phase = submission_phase(practice)
    order = list(Phase.values)
    wanted = order[: order.index(phase) + 1]
    filled = {s.key for s in description.sections.all() if s.is_filled}
    return [s for s in description.template.sections.all() if s.is_required and s.phase in wanted and s.key not in filled]


@transaction.atomic
def submit_description(practice, *, by):
    """Freeze the draft as a new version and open a review round (level ingediend the first time)."""
    _check(perms.can_transition(by, practice, "submit_description"))
    draft = ensure_draft(practice, by=by)
    missing = missing_sections(practice, draft)
    if missing:
        raise ValidationError(
            _("Fill in these required sections first: %(sections)s.") % {"sections": ", ".join(s.title for s in missing)}
        )
    phase = submission_phase(practice)
    number = (practice.rounds.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = (
        practice.descriptions.filter(is_draft=False).order_by("-version").values_list("version", flat=True).first() or 0
    ) + 1
    frozen = Description.objects.create(
        practice=practice, template=draft.template, is_draft=False, version=version, created_by=by
    )
    DescriptionSection.objects.bulk_create(
        DescriptionSection(
            description=frozen, key=s.key, phase=s.phase, body=s.body, revision=s.revision, updated_by=s.updated_by
        )
        for s in draft.sections.all()
    )
    review_round = ReviewRound.objects.create(
        practice=practice,
        number=number,
        phase=phase,
        target_level=level_after_acceptance(phase),
        description=frozen,
        submitted_by=by,
    )
    if practice.level == Level.REGISTERED:
        practice.level = Level.SUBMITTED
    practice.status = Status.SUBMITTED
    practice.save(update_fields=["level", "status", "updated_at"])
    _audit(practice, "submit", by, round=number, version=version)
    _tell(practice, "submitted", team_members(), "submitted", review_round=review_round)
    return review_round


def _years_later(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def open_round(practice):
    return practice.rounds.filter(decided_at__isnull=True).order_by("-number").first()


@transaction.atomic
def assign_reviewers(practice, *, by, reviewers, due_date):
    """The team assigns commission members with a due date; each first declares any conflict."""
    _check(perms.can_transition(by, practice, "assign_reviewers"))
    review_round = open_round(practice)
    if review_round is None:
        raise ValidationError(_("There is no open review round."))
    reviewers = list(reviewers)
    if not reviewers:
        raise ValidationError(_("Choose at least one commission member."))
    for reviewer in reviewers:
        if not reviewer.has_perm("practices.review_practices"):
            raise ValidationError(_("%(name)s is not a commission member.") % {"name": reviewer})
    created = []
    for reviewer in reviewers:
        assignment, new = ReviewAssignment.objects.get_or_create(
            round=review_round, reviewer=reviewer, defaults={"due_date": due_date, "assigned_by": by}
        )
        if new:
            created.append(assignment)
    review_round.due_date = due_date
    review_round.save(update_fields=["due_date"])
    practice.status = Status.IN_REVIEW
    practice.save(update_fields=["status", "updated_at"])
    _audit(practice, "assign_reviewers", by, reviewers=", ".join(str(a.reviewer) for a in created), due=due_date.isoformat())
    for assignment in created:
        _tell(practice, "review_assigned", [assignment.reviewer], "review_assigned", assignment=assignment)
    return created


@transaction.atomic
def declare_conflict(assignment, *, by, has_conflict: bool, statement=""):
    """A commission member declares whether they have a conflict of interest; a conflict removes them."""
    if assignment.reviewer_id != by.pk or assignment.status != AssignmentStatus.AWAITING_DECLARATION:
        raise PermissionDenied(_("You cannot declare for this assignment."))
    if has_conflict and not statement.strip():
        raise ValidationError(_("Describe the conflict of interest in a sentence."))
    assignment.status = AssignmentStatus.CONFLICT if has_conflict else AssignmentStatus.REVIEWING
    assignment.conflict_statement = statement if has_conflict else ""
    assignment.declared_at = timezone.now()
    assignment.save(update_fields=["status", "conflict_statement", "declared_at"])
    practice = assignment.round.practice
    _audit(practice, "declare_conflict" if has_conflict else "declare_no_conflict", by)
    if has_conflict:
        _tell(practice, "conflict_declared", team_members(), "conflict_declared", assignment=assignment)
    return assignment


@transaction.atomic
def save_review(assignment, *, by, notes: dict, overall: str, recommendation: str, submit: bool = False):
    """Save (and optionally submit) a review: a note per section and an overall recommendation."""
    _check(perms.can_review(by, assignment))
    if assignment.status == AssignmentStatus.AWAITING_DECLARATION:
        raise PermissionDenied(_("Declare first whether you have a conflict of interest."))
    if submit and recommendation not in Recommendation.values:
        raise ValidationError(_("Choose a recommendation before you submit."))
    review, _created = Review.objects.get_or_create(assignment=assignment)
    review.overall = overall
    review.recommendation = recommendation or ""
    for key, body in notes.items():
        ReviewNote.objects.update_or_create(review=review, section_key=key, defaults={"body": body})
    if submit:
        review.submitted_at = timezone.now()
        assignment.status = AssignmentStatus.SUBMITTED
        assignment.save(update_fields=["status"])
    review.save()
    practice = assignment.round.practice
    if submit:
        _audit(practice, "submit_review", by, recommendation=recommendation)
        pending = assignment.round.assignments.active().exclude(status=AssignmentStatus.SUBMITTED)
        if not pending.exists():
            _tell(practice, "reviews_complete", chairs(), "reviews_complete", review_round=assignment.round)
    return review


def _news_index():
    from pages.models import NewsIndexPage

    return NewsIndexPage.objects.first()


def _draft_news_item(practice, level, by):
    """Prepare (not publish) a news item so the team can announce the new level."""
    from pages.models import NewsItemPage

    index = _news_index()
    if index is None:
        return None
    item = NewsItemPage(
        title=_("New in the practice database: %(title)s") % {"title": practice.title},
        slug=f"praktijk-{practice.slug}-{level}"[:250],
        date=timezone.localdate(),
        intro=practice.summary[:500],
        live=False,
    )
    item.themes.set(practice.themes.all())  # kept in memory until add_child saves the page
    index.add_child(instance=item)
    item.save_revision(user=by)
    return item


@transaction.atomic
def record_decision(practice, *, by, decision: str, feedback: str):
    """The chair records the merged feedback and the decision: accept (publish at the new level)
    or revise and resubmit (a new round follows)."""
    _check(perms.can_transition(by, practice, "record_decision"))
    review_round = open_round(practice)
    if review_round is None:
        raise ValidationError(_("There is no open review round."))
    if decision not in Recommendation.values:
        raise ValidationError(_("Choose accept or revise."))
    if not feedback.strip():
        raise ValidationError(_("Write the feedback for the submitter."))
    if not review_round.assignments.filter(status=AssignmentStatus.SUBMITTED).exists():
        raise ValidationError(_("No review has been submitted yet."))
    review_round.decision = decision
    review_round.feedback = feedback
    review_round.decided_by = by
    review_round.decided_at = timezone.now()
    review_round.save(update_fields=["decision", "feedback", "decided_by", "decided_at"])
    # The assignments that never answered are closed with the round.
    review_round.assignments.filter(status__in=[AssignmentStatus.AWAITING_DECLARATION, AssignmentStatus.REVIEWING]).update(
        status=AssignmentStatus.SUBMITTED
    )
    if decision == Recommendation.ACCEPT:
        today = timezone.localdate()
        practice.level = review_round.target_level
        practice.published_description = review_round.description
        practice.level_decided_at = today
        practice.reassessment_due = _years_later(today, _reassessment_years())
        practice.reassessment_reminded_at = None  # a new cycle gets its own reminder
        practice.published_at = timezone.now()
        practice.status = Status.PUBLISHED
        practice.save(
            update_fields=[
                "level",
                "published_description",
                "level_decided_at",
                "reassessment_due",
                "reassessment_reminded_at",
                "published_at",
                "status",
                "updated_at",
            ]
        )
        _audit(practice, "accept", by, level=practice.level, comment=feedback)
        _draft_news_item(practice, practice.level, by)
        _tell(practice, "accepted", writers(practice), "accepted", review_round=review_round)
        followers = User.objects.filter(followed_themes__in=practice.themes.all(), is_active=True).distinct()
        _tell(practice, "published_for_followers", followers, "published_for_followers", public=True)
    else:
        practice.status = Status.REVISION
        practice.save(update_fields=["status", "updated_at"])
        _audit(practice, "revise", by, comment=feedback)
        _tell(practice, "revision_requested", writers(practice), "revision_requested", review_round=review_round)
    return review_round


@transaction.atomic
def upload_material(practice, *, by, title, file, is_public=True):
    """Attach a PDF (validated by the form: type by content, size) to the practice."""
    if not perms.is_writer(by, practice):
        raise PermissionDenied(_("Only the writers of this practice can add materials."))
    material = Material.objects.create(
        practice=practice, title=title, file=file, size=file.size, is_public=is_public, uploaded_by=by
    )
    _audit(practice, "upload_material", by, title=title)
    return material


@transaction.atomic
def create_collective_trajectory(
    *, by, title, summary, organisations, penholder, expert_name, sessions, contact_name, contact_email, themes=()
):
    """The team starts a collective description: one practice, several organisations, a penholder and an expert."""
    if not perms.is_team(by):
        raise PermissionDenied(_("Only the EXPOO team can do this."))
    organisations = list(organisations)
    if len(organisations) < 2:
        raise ValidationError(_("A collective description needs at least two organisations."))
    if not penholder.memberships.filter(organisation__in=organisations).exists():
        raise ValidationError(_("The penholder must be a member of one of the participating organisations."))
    practice = Practice.objects.create(
        title=title,
        slug=_unique_slug(title),
        summary=summary,
        level=Level.REGISTERED,
        status=Status.WRITING,
        contact_name=contact_name,
        contact_email=contact_email,
        registered_by=by,
    )
    for index, organisation in enumerate(organisations):
        PracticeOrganisation.objects.create(
            practice=practice, organisation=organisation, role=PracticeRole.SUBMITTER if index == 0 else PracticeRole.PARTNER
        )
    practice.themes.set(themes)
    trajectory = CollectiveTrajectory.objects.create(practice=practice, expert_name=expert_name, penholder=penholder)
    for session in sessions:
        CollectiveSession.objects.create(trajectory=trajectory, **session)
    ensure_draft(practice, by=by)
    _audit(practice, "create_trajectory", by, penholder=str(penholder))
    participants = User.objects.filter(memberships__organisation__in=organisations, is_active=True).distinct()
    _tell(practice, "trajectory_created", participants, "trajectory_created", trajectory=trajectory)
    return trajectory


def send_reminders(today=None) -> int:
    """Remind reviewers of overdue reviews (at most once every 3 days) and submitters of due re-assessments."""
    today = today or timezone.localdate()
    sent = 0
    # "Now" is the morning of `today`, so the spacing of reminders follows the day asked about.
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(8)))
    cutoff = now - datetime.timedelta(days=3)
    for assignment in ReviewAssignment.objects.overdue(today).select_related("round__practice", "reviewer"):
        if assignment.last_reminded_at and assignment.last_reminded_at > cutoff:
            continue
        with transaction.atomic():
            _tell(assignment.round.practice, "review_overdue", [assignment.reviewer], "review_overdue", assignment=assignment)
            assignment.last_reminded_at = now
            assignment.save(update_fields=["last_reminded_at"])
        sent += 1
    due = Practice.objects.reassessment_due(today + datetime.timedelta(days=60)).filter(reassessment_reminded_at__isnull=True)
    for practice in due:
        with transaction.atomic():
            _tell(practice, "reassessment_due", writers(practice), "reassessment_due")
            practice.reassessment_reminded_at = now
            practice.save(update_fields=["reassessment_reminded_at"])
        sent += 1
    return sent
