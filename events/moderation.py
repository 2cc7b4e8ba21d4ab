"""Proposing events (members), following a proposal, and the EXPOO team's moderation queue.

Views are thin: they read forms and call one action each (actions.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import ratelimit

from . import actions
from . import permissions as perms
from .forms import DeclineForm, EventForm, MessageForm, SessionFormSet, session_initial, sessions_from
from .models import Event
from .workflow import STATUSES, Status


def _forms(request, *, instance=None, team=False):
    bound = request.method == "POST"
    initial = session_initial(instance) if instance and not bound else None
    form = EventForm(request.POST if bound else None, instance=instance, user=request.user, team=team)
    formset = SessionFormSet(request.POST if bound else None, initial=initial, prefix="sessie")
    return form, formset


def _save(request, form, formset, write):
    """Validate both forms and run the action; on any error add it to the form (nothing is stored)."""
    if not (form.is_valid() and formset.is_valid()):
        return None
    try:
        return write(form.event_data(), sessions_from(form, formset))
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    return None


def _form_page(request, template, form, formset, **context):
    status = 400 if request.method == "POST" and (form.errors or formset.total_error_count()) else 200
    return render(request, template, {"form": form, "formset": formset, **context}, status=status)


@login_required
def propose(request):
    allowed, reason = perms.can_propose(request.user)
    if not allowed:
        raise PermissionDenied(reason)
    form, formset = _forms(request)
    if request.method == "POST" and (refusal := ratelimit.refusal(request, "event_proposal", account=request.user.pk)):
        ratelimit.refuse(form, refusal)  # shown again, nothing stored
        return render(request, "events/propose.html", {"form": form, "formset": formset}, status=429)
    if request.method == "POST":
        event = _save(
            request, form, formset, lambda data, sessions: actions.propose_event(by=request.user, data=data, sessions=sessions)
        )
        if event:
            ratelimit.record(request, "event_proposal", account=request.user.pk)
            messages.success(request, _("Thank you! The EXPOO team reads your proposal and lets you know."))
            return redirect(event.get_proposal_url())
    return _form_page(request, "events/propose.html", form, formset)


def _proposal_for(user, pk):
    event = get_object_or_404(Event.objects.prefetch_related("organisers", "sessions"), pk=pk)
    if not perms.can_view_proposal(user, event)[0]:
        raise Http404
    return event


@login_required
def proposal(request, pk):
    """The proposer's view of their event: its status, the team's message, and (while it may still
    change) the form to edit it and send it again."""
    event = _proposal_for(request.user, pk)
    can_edit = perms.can_transition(request.user, event, "edit_proposal")[0]
    form = formset = None
    if can_edit:
        form, formset = _forms(request, instance=event)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(perms.can_transition(request.user, event, "edit_proposal")[1])

        def write(data, sessions):
            if event.status == Status.CHANGES_REQUESTED:
                return actions.resubmit_event(event, by=request.user, data=data, sessions=sessions)
            return actions.edit_proposal(event, by=request.user, data=data, sessions=sessions)

        saved = _save(request, form, formset, write)
        if saved:
            messages.success(request, _("Your changes are saved. The EXPOO team will read them."))
            return redirect(event.get_proposal_url())
    return _form_page(request, "events/proposal.html", form, formset, event=event, info=STATUSES[event.status], can_edit=can_edit)


def _team_only(user):
    if not perms.is_team(user):
        raise PermissionDenied(_("Only the EXPOO team can do this."))


@login_required
def queue(request):
    _team_only(request.user)
    base = Event.objects.with_dates().prefetch_related("organisers").select_related("proposed_by")
    context = {
        "queues": [
            (_("To moderate"), "to-moderate", base.filter(status=Status.PROPOSED).order_by("updated_at")),
            (
                _("Waiting for the proposer's changes"),
                "changes",
                base.filter(status=Status.CHANGES_REQUESTED).order_by("updated_at"),
            ),
            (_("Recently declined"), "declined", base.filter(status=Status.DECLINED).order_by("-updated_at")[:10]),
        ],
        "approved": base.filter(status=Status.APPROVED).order_by("-approved_at")[:10],
    }
    return render(request, "events/moderation_queue.html", context)


@login_required
def moderate(request, pk):
    """One event for the team: what the proposer wrote, and publish, ask for changes or decline."""
    _team_only(request.user)
    event = get_object_or_404(
        Event.objects.select_related("municipality__province", "proposed_by").prefetch_related(
            "organisers", "sessions", "themes", "target_groups", "age_groups", "support_functions"
        ),
        pk=pk,
    )
    message_form, decline_form = MessageForm(), DeclineForm()
    status = 200
    if request.method == "POST":
        step = request.POST.get("step")
        try:
            if step == "approve":
                actions.approve_event(event, by=request.user)
                messages.success(request, _("The event is published in the agenda."))
                return redirect("events:queue")
            if step == "changes":
                message_form = MessageForm(request.POST)
                if message_form.is_valid():
                    actions.request_changes(event, by=request.user, message=message_form.cleaned_data["message"])
                    messages.success(request, _("Your message was sent to the proposer."))
                    return redirect("events:queue")
            elif step == "decline":
                decline_form = DeclineForm(request.POST)
                if decline_form.is_valid():
                    actions.decline_event(event, by=request.user, reason=decline_form.cleaned_data["reason"])
                    messages.success(request, _("The event is declined; the proposer reads your reason."))
                    return redirect("events:queue")
            else:
                messages.error(request, _("Choose what to do with this event."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        status = 400
    context = {
        "event": event,
        "sessions": event.ordered_sessions(),
        "info": STATUSES[event.status],
        "message_form": message_form,
        "decline_form": decline_form,
        "can": {
            name: perms.can_transition(request.user, event, name)[0]
            for name in ("approve_event", "request_changes", "decline_event")
        },
    }
    return render(request, "events/moderate.html", context, status=status)


@login_required
def team_new(request):
    """The team enters an event (EXPOO's own, or for a partner): published at once."""
    _team_only(request.user)
    form, formset = _forms(request, team=True)
    if request.method == "POST":
        event = _save(
            request,
            form,
            formset,
            lambda data, sessions: actions.create_team_event(by=request.user, data=data, sessions=sessions),
        )
        if event:
            messages.success(request, _("The event is published in the agenda."))
            return redirect(event.get_absolute_url())
    return _form_page(request, "events/propose.html", form, formset, team=True)


@login_required
@require_POST
def resubmit(request, pk):
    """Send the event back to the team unchanged (the proposer answered outside the form)."""
    event = _proposal_for(request.user, pk)
    actions.resubmit_event(event, by=request.user)
    messages.success(request, _("Your event is sent to the EXPOO team again."))
    return redirect(event.get_proposal_url())
