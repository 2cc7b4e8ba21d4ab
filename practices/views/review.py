"""The commission's side: what to review, conflict declaration, the review form, the chair's decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import actions
from .. import permissions as perms
from ..forms import ConflictForm, DecisionForm, ReviewForm
from ..models import AssignmentStatus, Review, ReviewAssignment, ReviewRound
from ..workflow import Status


@login_required
def to_review(request):
    if not (perms.is_commission(request.user) or perms.is_chair(request.user)):
        raise PermissionDenied(_("This page is for commission members."))
    assignments = (
        ReviewAssignment.objects.filter(reviewer=request.user).select_related("round__practice").order_by("status", "due_date")
    )
    decide = (
        ReviewRound.objects.open()
        .filter(practice__status=Status.IN_REVIEW, assignments__status=AssignmentStatus.SUBMITTED)
        .exclude(assignments__reviewer=request.user, assignments__status=AssignmentStatus.CONFLICT)
        .select_related("practice")
        .distinct()
        if perms.is_chair(request.user)
        else []
    )
    context = {"assignments": assignments, "decide": decide, "today": timezone.localdate()}
    return render(request, "practices/to_review.html", context)


@login_required
def review(request, pk):
    """Declare a conflict first; then write a note per section and a recommendation."""
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related("round__practice", "round__description__template"), pk=pk
    )
    if (
        assignment.reviewer_id != request.user.pk
        or assignment.status == AssignmentStatus.CONFLICT
        or assignment.round.decided_at is not None
    ):
        raise Http404  # the version is readable only while assigned, unconflicted and undecided
    practice = assignment.round.practice
    sections = list(assignment.round.description.template.sections.filter(phase__in=_phases_upto(assignment.round.phase)))
    existing = Review.objects.filter(assignment=assignment).prefetch_related("notes").first()
    initial = {}
    if existing:
        initial = {"overall": existing.overall, "recommendation": existing.recommendation}
        initial.update({f"note_{n.section_key}": n.body for n in existing.notes.all()})
    conflict_form = ConflictForm(request.POST if request.POST.get("step") == "declare" else None)
    review_form = ReviewForm(request.POST if request.POST.get("step") == "review" else None, sections=sections, initial=initial)
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("step") == "declare" and conflict_form.is_valid():
                actions.declare_conflict(
                    assignment,
                    by=request.user,
                    has_conflict=conflict_form.cleaned_data["has_conflict"],
                    statement=conflict_form.cleaned_data["statement"],
                )
                if conflict_form.cleaned_data["has_conflict"]:
                    messages.success(request, _("Thank you. You no longer take part in this review."))
                    return redirect("practices:to_review")
                return redirect("practices:review", pk=pk)
            if request.POST.get("step") == "review" and review_form.is_valid():
                submit = "submit" in request.POST
                actions.save_review(
                    assignment,
                    by=request.user,
                    notes=review_form.notes(),
                    overall=review_form.cleaned_data["overall"],
                    recommendation=review_form.cleaned_data["recommendation"],
                    submit=submit,
                )
                messages.success(request, _("Your review was submitted.") if submit else _("Your review was saved as a draft."))
                return redirect("practices:to_review" if submit else "practices:review", **({} if submit else {"pk": pk}))
        except ValidationError as error:
            (review_form if request.POST.get("step") == "review" else conflict_form).add_error(None, error)
        except PermissionDenied as error:
            messages.error(request, str(error))
        status = 400
    texts = assignment.round.description.section_map()
    rows = [{"section": s, "text": texts.get(s.key), "field": review_form[f"note_{s.key}"]} for s in sections]
    context = {
        "assignment": assignment,
        "practice": practice,
        "conflict_form": conflict_form,
        "review_form": review_form,
        "rows": rows,
    }
    return render(request, "practices/review.html", context, status=status)


def _phases_upto(phase):
    from ..workflow import Phase

    order = list(Phase.values)
    return order[: order.index(phase) + 1]


@login_required
def decide(request, pk):
    """The chair merges the reviews into one feedback and records the decision."""
    review_round = get_object_or_404(ReviewRound.objects.select_related("practice"), pk=pk)
    practice = review_round.practice
    allowed, reason = perms.can_transition(request.user, practice, "record_decision")
    if not allowed or review_round.decided_at:
        raise Http404
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_decision(practice, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision was recorded and the submitter informed."))
            return redirect("practices:round", pk=practice.pk, number=review_round.number)
    assignments = review_round.assignments.select_related("reviewer", "review").prefetch_related("review__notes")
    context = {
        "practice": practice,
        "round": review_round,
        "form": form,
        "assignments": assignments,
        "section_titles": {s.key: s.title for s in review_round.description.template.sections.all()},
    }
    return render(request, "practices/decide.html", context, status=400 if form.errors else 200)
