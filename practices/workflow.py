"""The practice database's review process as one table, read top to bottom.

Levels (niveau van beschrijving) are what the public filters on; statuses are where a practice is
in the process. Each status has a label for the people doing the work and a separate one for the
submitter, the transitions that leave it, and whether the description can be edited in it. What
the public may see depends on the level alone (LEVELS[...].public). Code and tests read from here;
nothing re-states it elsewhere. The transitions themselves are functions in actions.py, one each.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    SUBMITTED = "submitted", _("Submitted")
    WELL_DESCRIBED = "well_described", _("Well described")
    THEORY_BASED = "theory_based", _("Theoretically substantiated")
    RESEARCH_BASED = "research_based", _("Scientifically researched")


class Phase(models.TextChoices):
    """Groups of template sections; reviewing a phase's sections can raise the level."""

    DESCRIPTION = "description", _("Description")
    SUBSTANTIATION = "substantiation", _("Substantiation and feasibility")
    RESEARCH = "research", _("Research")


class Status(models.TextChoices):
    REGISTRATION_RECEIVED = "registration_received", _("Registration received")
    INTAKE_PLANNED = "intake_planned", _("Intake conversation planned")
    DECLINED = "declined", _("Registration declined")
    WRITING = "writing", _("Being described")
    READ_ALONG = "read_along", _("EXPOO team reads along")
    SUBMITTED = "submitted", _("Submitted, awaiting reviewers")
    IN_REVIEW = "in_review", _("With the commission")
    REVISION = "revision", _("Revise and resubmit")
    PUBLISHED = "published", _("Published")


class Role(models.TextChoices):
    """Who acts, relative to one practice (decided in permissions.py)."""

    MEMBER = "member", _("member of an organisation")
    WRITER = "writer", _("writer of this practice")
    TEAM = "team", _("EXPOO team")
    REVIEWER = "reviewer", _("assigned commission member")
    CHAIR = "chair", _("commission chair")


class PublicView(models.TextChoices):
    NONE = "none", "nothing"
    MINIMAL = "minimal", "title, target group, theme, submitting organisation and level"
    DESCRIPTION = "description", "the accepted description"


@dataclass(frozen=True)
class LevelInfo:
    public: PublicView
    phases: tuple  # the template phases whose accepted text is published at this level
    next_phase: str | None  # the phase to describe to reach the next level
    next_level: str | None


LEVELS = {
    Level.REGISTERED: LevelInfo(PublicView.MINIMAL, (), Phase.DESCRIPTION, Level.WELL_DESCRIBED),
    Level.SUBMITTED: LevelInfo(PublicView.MINIMAL, (), Phase.DESCRIPTION, Level.WELL_DESCRIBED),
    Level.WELL_DESCRIBED: LevelInfo(PublicView.DESCRIPTION, (Phase.DESCRIPTION,), Phase.SUBSTANTIATION, Level.THEORY_BASED),
    Level.THEORY_BASED: LevelInfo(
        PublicView.DESCRIPTION, (Phase.DESCRIPTION, Phase.SUBSTANTIATION), Phase.RESEARCH, Level.RESEARCH_BASED
    ),
    Level.RESEARCH_BASED: LevelInfo(
        PublicView.DESCRIPTION, (Phase.DESCRIPTION, Phase.SUBSTANTIATION, Phase.RESEARCH), None, None
    ),
}
# A practice with no level yet (registration not accepted, or declined) shows nothing publicly.
PUBLIC_LEVELS = tuple(LEVELS)
PUBLISHED_LEVELS = tuple(level for level, info in LEVELS.items() if info.public == PublicView.DESCRIPTION)


@dataclass(frozen=True)
class Transition:
    name: str  # the action function in actions.py
    source: tuple
    target: str | None  # None: decided by the action (e.g. the chair's decision)
    by: Role
    label: str


@dataclass(frozen=True)
class StatusInfo:
    staff_label: str
    submitter_label: str
    next_step: str  # what the submitter sees as "what happens now"
    editable: bool  # may writers change the draft description in this status?
    acting_role: Role | None  # who must act next (for queues and e-mail)


STATUSES = {
    Status.REGISTRATION_RECEIVED: StatusInfo(
        _("New registration"), _("Registration received"), _("The EXPOO team looks at your registration."), False, Role.TEAM
    ),
    Status.INTAKE_PLANNED: StatusInfo(
        _("Intake planned"),
        _("Intake conversation planned"),
        _("You talk with the EXPOO team about the way of working."),
        False,
        Role.TEAM,
    ),
    Status.DECLINED: StatusInfo(_("Declined"), _("Registration declined"), _("Read the reason in your e-mail."), False, None),
    Status.WRITING: StatusInfo(
        _("Being described"),
        _("Describe your practice"),
        _("Fill in the template; ask the team to read along or submit."),
        True,
        Role.WRITER,
    ),
    Status.READ_ALONG: StatusInfo(
        _("Read-along requested"), _("The team reads along"), _("The EXPOO team gives feedback per section."), True, Role.TEAM
    ),
    Status.SUBMITTED: StatusInfo(
        _("Submitted: assign reviewers"), _("Submitted"), _("The EXPOO team assigns commission members."), False, Role.TEAM
    ),
    Status.IN_REVIEW: StatusInfo(
        _("With the commission"), _("With the commission"), _("Commission members review your description."), False, Role.REVIEWER
    ),
    Status.REVISION: StatusInfo(
        _("Revision requested"),
        _("Revise and resubmit"),
        _("Read the commission's feedback, revise and resubmit."),
        True,
        Role.WRITER,
    ),
    Status.PUBLISHED: StatusInfo(
        _("Published"), _("Published"), _("Your practice is published. You may work on the next level."), True, Role.WRITER
    ),
}

TRANSITIONS = [
    Transition("register_practice", (), Status.REGISTRATION_RECEIVED, Role.MEMBER, _("Register a practice")),
    Transition(
        "plan_intake", (Status.REGISTRATION_RECEIVED, Status.INTAKE_PLANNED), Status.INTAKE_PLANNED, Role.TEAM, _("Plan intake")
    ),
    Transition(
        "accept_registration",
        (Status.REGISTRATION_RECEIVED, Status.INTAKE_PLANNED),
        Status.WRITING,
        Role.TEAM,
        _("Accept registration"),
    ),
    Transition(
        "decline_registration",
        (Status.REGISTRATION_RECEIVED, Status.INTAKE_PLANNED),
        Status.DECLINED,
        Role.TEAM,
        _("Decline registration"),
    ),
    Transition(
        "request_read_along",
        (Status.WRITING, Status.REVISION, Status.PUBLISHED),
        Status.READ_ALONG,
        Role.WRITER,
        _("Ask to read along"),
    ),
    Transition("return_read_along", (Status.READ_ALONG,), None, Role.TEAM, _("Return feedback")),
    Transition(
        "submit_description", (Status.WRITING, Status.REVISION, Status.PUBLISHED), Status.SUBMITTED, Role.WRITER, _("Submit")
    ),
    Transition("assign_reviewers", (Status.SUBMITTED, Status.IN_REVIEW), Status.IN_REVIEW, Role.TEAM, _("Assign reviewers")),
    Transition("declare_conflict", (Status.IN_REVIEW,), Status.IN_REVIEW, Role.REVIEWER, _("Declare a conflict of interest")),
    Transition("submit_review", (Status.IN_REVIEW,), Status.IN_REVIEW, Role.REVIEWER, _("Submit review")),
    Transition("record_decision", (Status.IN_REVIEW,), None, Role.CHAIR, _("Record the decision")),
]
TRANSITIONS_BY_NAME = {t.name: t for t in TRANSITIONS}


def transition(name: str) -> Transition:
    return TRANSITIONS_BY_NAME[name]


def allowed_from(name: str, status: str) -> bool:
    """Whether the named transition may start from `status` (registration starts from nothing)."""
    return status in TRANSITIONS_BY_NAME[name].source


def phase_for_level(level: str | None) -> str:
    """The phase a practice at `level` describes next."""
    if not level:
        return Phase.DESCRIPTION
    return LEVELS[level].next_phase or Phase.RESEARCH


def level_after_acceptance(phase: str) -> str:
    return {
        Phase.DESCRIPTION: Level.WELL_DESCRIBED,
        Phase.SUBSTANTIATION: Level.THEORY_BASED,
        Phase.RESEARCH: Level.RESEARCH_BASED,
    }[phase]
