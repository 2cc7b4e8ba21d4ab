"""Review rounds: assignments, conflicts of interest, reviews per section and the chair's decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..workflow import Level, Phase


class Recommendation(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    REVISE = "revise", _("Revise and resubmit")


class ReviewRoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(decided_at__isnull=True)


class ReviewRound(models.Model):
    """One submission of one phase, with the frozen version the commission reviews."""

    practice = models.ForeignKey("practices.Practice", on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveIntegerField(_("round"))
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    target_level = models.CharField(_("level applied for"), max_length=20, choices=Level.choices)
    description = models.OneToOneField("practices.Description", on_delete=models.PROTECT, related_name="round")
    submitted_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    due_date = models.DateField(_("reviews due"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=16, choices=Recommendation.choices, blank=True)
    feedback = models.TextField(_("feedback to the submitter"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ReviewRoundQuerySet.as_manager()

    class Meta:
        ordering = ["practice", "number"]
        constraints = [models.UniqueConstraint(fields=["practice", "number"], name="unique_round_number")]

    def __str__(self) -> str:
        return f"{self.practice} — ronde {self.number}"


class AssignmentStatus(models.TextChoices):
    AWAITING_DECLARATION = "awaiting", _("Awaiting conflict declaration")
    REVIEWING = "reviewing", _("Reviewing")
    CONFLICT = "conflict", _("Conflict of interest declared")
    SUBMITTED = "submitted", _("Review submitted")


class ReviewAssignmentQuerySet(models.QuerySet):
    def active(self):
        """Assignments that still count: no conflict declared."""
        return self.exclude(status=AssignmentStatus.CONFLICT)

    def overdue(self, today):
        return self.filter(status__in=[AssignmentStatus.AWAITING_DECLARATION, AssignmentStatus.REVIEWING], due_date__lt=today)


class ReviewAssignment(models.Model):
    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments")
    status = models.CharField(
        max_length=16, choices=AssignmentStatus.choices, default=AssignmentStatus.AWAITING_DECLARATION, db_index=True
    )
    due_date = models.DateField(_("due date"))
    conflict_statement = models.TextField(_("conflict of interest"), blank=True)
    declared_at = models.DateTimeField(null=True, blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    objects = ReviewAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_date"]
        constraints = [models.UniqueConstraint(fields=["round", "reviewer"], name="unique_reviewer_per_round")]

    def __str__(self) -> str:
        return f"{self.reviewer} — {self.round}"


class Review(models.Model):
    """A commission member's written review: a note per section and an overall recommendation.
    Recommendation is a column so it can be counted and filtered."""

    assignment = models.OneToOneField(ReviewAssignment, on_delete=models.CASCADE, related_name="review")
    recommendation = models.CharField(_("recommendation"), max_length=16, choices=Recommendation.choices, blank=True)
    overall = models.TextField(_("overall assessment"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Review {self.assignment}"


class ReviewNote(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="notes")
    section_key = models.SlugField(max_length=60)
    body = models.TextField(_("note"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "section_key"], name="unique_note_per_section")]

    def __str__(self) -> str:
        return self.section_key
