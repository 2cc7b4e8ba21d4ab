"""The dossier of one practice for the people involved: writers, participants, team, commission."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from core import ratelimit

from .. import actions
from .. import permissions as perms
from ..forms import CommentForm, MaterialForm, RegistrationForm, SectionForm
from ..models import Practice
from ..text import diff
from ..workflow import LEVELS, STATUSES, TRANSITIONS, Level, Phase, Status

TRACKER = [
    (Status.REGISTRATION_RECEIVED, gettext_lazy("Registered")),
    (Status.WRITING, gettext_lazy("Describing")),
    (Status.SUBMITTED, gettext_lazy("Submitted")),
    (Status.IN_REVIEW, gettext_lazy("Commission")),
    (Status.PUBLISHED, gettext_lazy("Published")),
]
_TRACK_POSITION = {
    Status.REGISTRATION_RECEIVED: 0,
    Status.INTAKE_PLANNED: 0,
    Status.DECLINED: 0,
    Status.WRITING: 1,
    Status.READ_ALONG: 1,
    Status.REVISION: 1,
    Status.SUBMITTED: 2,
    Status.IN_REVIEW: 3,
    Status.PUBLISHED: 4,
}


def practice_for(user, pk) -> Practice:
    """The practice if this person may see its dossier; a 404 otherwise, so nothing is revealed."""
    practice = get_object_or_404(Practice.objects.prefetch_related("organisation_links__organisation"), pk=pk)
    if not perms.can_view_workspace(user, practice)[0]:
        raise Http404
    return practice


def tracker(practice):
    position = _TRACK_POSITION[practice.status]
    return [
        {"label": label, "state": "done" if i < position else ("current" if i == position else "todo")}
        for i, (_status, label) in enumerate(TRACKER)
    ]


def _allowed_transitions(user, practice):
    return [t for t in TRANSITIONS if perms.can_transition(user, practice, t.name)[0]]


@login_required
def workspace(request, pk):
    practice = practice_for(request.user, pk)
    draft = practice.descriptions.filter(is_draft=True).first()
    sections = []
    if draft:
        texts = draft.section_map()
        comment_counts = {}
        for comment in practice.comments.filter(description=draft):
            comment_counts[comment.section_key] = comment_counts.get(comment.section_key, 0) + 1
        for section in draft.template.sections.all():
            text = texts.get(section.key)
            sections.append({"section": section, "text": text, "comments": comment_counts.get(section.key, 0)})
    is_team = perms.is_team(request.user)
    context = {
        "practice": practice,
        "info": STATUSES[practice.status],
        "tracker": tracker(practice),
        "sections": sections,
        "draft": draft,
        "next_level_label": _next_level_label(practice),
        "can_edit": perms.can_edit_description(request.user, practice)[0],
        "is_writer": perms.is_writer(request.user, practice),
        "is_team": is_team,
        "transitions": {t.name for t in _allowed_transitions(request.user, practice)},
        "rounds": practice.rounds.select_related("description").order_by("-number"),
        "missing": actions.missing_sections(practice, draft) if draft else [],
        "materials": practice.materials.all(),
        "history": ModelLogEntry.objects.for_instance(practice).select_related("user").order_by("-timestamp")[:50]
        if is_team
        else [],
        "assignment": perms.active_assignment(request.user, practice),
        "trajectory": getattr(practice, "trajectory", None),
    }
    return render(request, "practices/workspace.html", context)


@login_required
def register(request):
    if not request.user.memberships.exists():
        raise PermissionDenied(_("Only members of an organisation can register a practice."))
    form = RegistrationForm(request.POST or None, user=request.user)
    if request.method == "POST" and (refusal := ratelimit.refusal(request, "practice_registration", account=request.user.pk)):
        ratelimit.refuse(form, refusal)  # shown again, nothing stored
        return render(request, "practices/register.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        ratelimit.record(request, "practice_registration", account=request.user.pk)
        data = form.cleaned_data
        practice = actions.register_practice(
            by=request.user,
            organisation=data["organisation"],
            partners=data["partners"],
            title=data["title"],
            summary=data["summary"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            themes=data["themes"],
            target_groups=data["target_groups"],
        )
        messages.success(request, _("Thank you! The EXPOO team will contact you about your registration."))
        return redirect(practice.get_workspace_url())
    return render(request, "practices/register.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def edit_section(request, pk, key):
    practice = practice_for(request.user, pk)
    if not practice.level or practice.status == Status.DECLINED:
        raise Http404  # writing starts once the registration is accepted
    draft = actions.ensure_draft(practice)
    section = next((s for s in draft.template.sections.all() if s.key == key), None)
    if section is None:
        raise Http404
    text = draft.sections.get(key=key)
    can_edit = perms.can_edit_description(request.user, practice)[0]
    conflict = None
    form = SectionForm(request.POST or None, initial={"body": text.body, "revision": text.revision})
    form.fields["body"].label = section.title
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(perms.can_edit_description(request.user, practice)[1])
        if form.is_valid():
            try:
                actions.save_section(
                    practice, by=request.user, key=key, body=form.cleaned_data["body"], revision=form.cleaned_data["revision"]
                )
            except actions.EditConflict as error:
                conflict = error.section
                form = SectionForm(initial={"body": form.cleaned_data["body"], "revision": conflict.revision})
                form.fields["body"].label = section.title
            else:
                messages.success(request, _("Section “%(title)s” saved.") % {"title": section.title})
                return redirect(f"{practice.get_workspace_url()}#section-{key}")
    published = practice.published_description.section_map().get(key) if practice.published_description_id else None
    context = {
        "practice": practice,
        "section": section,
        "text": text,
        "form": form,
        "can_edit": can_edit,
        "conflict": conflict,
        "conflict_diff": diff(conflict.body, form.initial.get("body", "")) if conflict else None,
        "comments": practice.comments.filter(description=draft, section_key=key).select_related("author"),
        "comment_form": CommentForm(),
        "can_comment": perms.can_comment(request.user, practice)[0],
        "published_diff": diff(published.body, text.body) if published and published.body != text.body else None,
    }
    return render(request, "practices/edit_section.html", context, status=409 if conflict else (400 if form.errors else 200))


@login_required
@require_POST
def comment(request, pk, key):
    practice = practice_for(request.user, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a comment before you send it."))
    else:
        actions.add_comment(practice, by=request.user, section_key=key, body=form.cleaned_data["body"])
        messages.success(request, _("Your comment was added."))
    return redirect("practices:edit_section", pk=pk, key=key)


@login_required
@require_POST
def transition(request, pk, name):
    """The writers' buttons: ask to read along, submit."""
    practice = practice_for(request.user, pk)
    if name not in ("request_read_along", "submit_description"):
        raise Http404
    try:
        getattr(actions, name)(practice, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Done: %(step)s.") % {"step": STATUSES[Practice.objects.get(pk=pk).status].submitter_label})
    return redirect(practice.get_workspace_url())


@login_required
def round_detail(request, pk, number):
    """A submitted version, the difference with the round before, the comments and the decision."""
    practice = practice_for(request.user, pk)
    review_round = get_object_or_404(practice.rounds.select_related("description__template"), number=number)
    previous = practice.rounds.filter(number__lt=number).order_by("-number").select_related("description").first()
    texts = review_round.description.section_map()
    before = previous.description.section_map() if previous else {}
    # The comments that led to this version: made on the draft since the previous submission.
    comments = practice.comments.filter(created_at__lte=review_round.submitted_at).select_related("author")
    if previous:
        comments = comments.filter(created_at__gt=previous.submitted_at)
    by_section = {}
    for comment in comments:
        by_section.setdefault(comment.section_key, []).append(comment)
    can_see_reviews = perms.can_view_reviews(request.user, review_round)[0]
    assignments = (
        list(review_round.assignments.select_related("reviewer", "review").prefetch_related("review__notes"))
        if can_see_reviews
        else []
    )
    notes = {}
    for assignment in assignments:
        review = getattr(assignment, "review", None)
        if review and review.submitted_at:
            for note in review.notes.all():
                if note.body:
                    notes.setdefault(note.section_key, []).append((assignment.reviewer, note.body))
    rows = []
    phases = list(Phase.values)[: list(Phase.values).index(review_round.phase) + 1]
    for section in review_round.description.template.sections.all():
        if section.phase not in phases:
            continue  # a round reviews its phase and those before it
        text = texts.get(section.key)
        old = before.get(section.key)
        rows.append(
            {
                "section": section,
                "text": text,
                "diff": diff(old.body, text.body) if previous and old and text and old.body != text.body else None,
                "changed": bool(previous and text and (old is None or old.body != text.body)),
                "comments": by_section.get(section.key, []),
                "notes": notes.get(section.key, []),
            }
        )
    own = perms.active_assignment(request.user, practice)
    context = {
        "practice": practice,
        "round": review_round,
        "previous": previous,
        "rows": rows,
        "assignments": assignments,
        "can_see_reviews": can_see_reviews,
        "own_assignment": own if own and own.round_id == review_round.pk else None,
        "section_titles": {s.key: s.title for s in review_round.description.template.sections.all()},
        "can_decide": perms.can_transition(request.user, practice, "record_decision")[0] and review_round.decided_at is None,
    }
    return render(request, "practices/round_detail.html", context)


@login_required
def next_level(request, pk):
    """What is missing for the next level, built from the template's phases."""
    practice = practice_for(request.user, pk)
    draft = practice.descriptions.filter(is_draft=True).first()
    info = LEVELS.get(practice.level) if practice.level else None
    phase = actions.submission_phase(practice)
    texts = draft.section_map() if draft else {}
    template = draft.template if draft else actions.current_template()
    rows = [
        {"section": s, "filled": bool(texts.get(s.key) and texts[s.key].is_filled)}
        for s in template.sections.all()
        if s.phase == phase
    ]
    target = info.next_level if info and practice.level not in (Level.REGISTERED, Level.SUBMITTED) else Level.WELL_DESCRIBED
    context = {
        "practice": practice,
        "rows": rows,
        "phase": phase,
        "target": target and Level(target).label,
        "missing": [r for r in rows if not r["filled"] and r["section"].is_required],
    }
    return render(request, "practices/next_level.html", context)


@login_required
def materials(request, pk):
    practice = practice_for(request.user, pk)
    if not perms.is_writer(request.user, practice):
        raise PermissionDenied(_("Only the writers of this practice can add materials."))
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        actions.upload_material(
            practice,
            by=request.user,
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
            is_public=form.cleaned_data["is_public"],
        )
        messages.success(request, _("The material was added."))
        return redirect(practice.get_workspace_url())
    return render(request, "practices/materials.html", {"practice": practice, "form": form}, status=400 if form.errors else 200)


def _next_level_label(practice) -> str:
    """The label of the level a published practice can work towards, or ""."""
    info = LEVELS.get(practice.level)
    return Level(info.next_level).label if info and info.next_level else ""
