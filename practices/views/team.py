"""The EXPOO team's queues and steps: intake, read-along, reviewers, collective trajectories."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import actions
from .. import permissions as perms
from ..forms import AssignForm, IntakeForm, MessageForm, ReasonForm, TrajectoryForm
from ..models import Practice, ReviewAssignment
from ..workflow import Status
from .workspace import practice_for


def _team_only(user):
    if not perms.is_team(user):
        raise PermissionDenied(_("Only the EXPOO team can do this."))


@login_required
def queues(request):
    _team_only(request.user)
    today = timezone.localdate()
    base = Practice.objects.prefetch_related("organisation_links__organisation").order_by("updated_at")
    context = {
        "queues": [
            (_("New registrations"), base.filter(status__in=[Status.REGISTRATION_RECEIVED, Status.INTAKE_PLANNED])),
            (_("Read-along requested"), base.filter(status=Status.READ_ALONG)),
            (_("Submitted: assign reviewers"), base.filter(status=Status.SUBMITTED)),
            (_("With the commission"), base.filter(status=Status.IN_REVIEW)),
        ],
        "overdue": ReviewAssignment.objects.overdue(today).select_related("reviewer", "round__practice"),
        "reassessment": Practice.objects.reassessment_due(today + datetime.timedelta(days=60)).order_by("reassessment_due"),
        "today": today,
    }
    return render(request, "practices/team_queues.html", context)


@login_required
def intake(request, pk):
    """Plan the intake conversation, then accept or decline the registration."""
    practice = practice_for(request.user, pk)
    _team_only(request.user)
    intake_form = IntakeForm(initial={"when": practice.intake_date, "notes": practice.intake_notes})
    decline_form = ReasonForm()
    status = 200
    if request.method == "POST":
        step = request.POST.get("step")
        try:
            if step == "plan":
                intake_form = IntakeForm(request.POST)
                if intake_form.is_valid():
                    actions.plan_intake(practice, by=request.user, **intake_form.cleaned_data)
                    messages.success(request, _("The intake conversation is planned."))
                    return redirect("practices:intake", pk=pk)
            elif step == "accept":
                actions.accept_registration(practice, by=request.user)
                messages.success(request, _("The registration was accepted. The practice is now registered."))
                return redirect(practice.get_workspace_url())
            elif step == "decline":
                decline_form = ReasonForm(request.POST)
                if decline_form.is_valid():
                    actions.decline_registration(practice, by=request.user, reason=decline_form.cleaned_data["reason"])
                    messages.success(request, _("The registration was declined; the submitter has been told why."))
                    return redirect("practices:team")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        status = 400
    context = {"practice": practice, "intake_form": intake_form, "decline_form": decline_form}
    return render(request, "practices/intake.html", context, status=status)


@login_required
@require_POST
def return_read_along(request, pk):
    practice = practice_for(request.user, pk)
    form = MessageForm(request.POST)
    form.is_valid()
    actions.return_read_along(practice, by=request.user, message=form.cleaned_data.get("message", ""))
    messages.success(request, _("Your feedback was returned to the writers."))
    return redirect(practice.get_workspace_url())


@login_required
def assign(request, pk):
    practice = practice_for(request.user, pk)
    _team_only(request.user)
    review_round = actions.open_round(practice)
    form = AssignForm(request.POST or None, initial={"due_date": timezone.localdate() + datetime.timedelta(weeks=4)})
    if request.method == "POST" and form.is_valid():
        try:
            actions.assign_reviewers(practice, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The commission members were asked to review."))
            return redirect(practice.get_workspace_url())
    assigned = review_round.assignments.select_related("reviewer") if review_round else []
    context = {"practice": practice, "form": form, "round": review_round, "assigned": assigned}
    return render(request, "practices/assign.html", context, status=400 if form.errors else 200)


@login_required
def new_trajectory(request):
    _team_only(request.user)
    form = TrajectoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            trajectory = actions.create_collective_trajectory(
                by=request.user,
                title=data["title"],
                summary=data["summary"],
                organisations=sorted(data["organisations"], key=lambda o: o.name),
                penholder=data["penholder"],
                expert_name=data["expert_name"],
                sessions=data["session_dates"],
                contact_name=data["penholder"].get_full_name(),
                contact_email=data["contact_email"],
                themes=data["themes"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The collective description was started."))
            return redirect(trajectory.practice.get_workspace_url())
    return render(request, "practices/trajectory_form.html", {"form": form}, status=400 if form.errors else 200)
