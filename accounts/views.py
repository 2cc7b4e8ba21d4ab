from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import ratelimit
from core.dashboard import panels as dashboard_panels
from organisations.models import Organisation

from . import actions
from .forms import (
    AcceptInvitationForm,
    AccountRequestForm,
    DeclineForm,
    FollowThemesForm,
    InvitationForm,
    OrganisationProfileForm,
)
from .login_views import start_login
from .models import AccountRequest, Invitation, Membership, MembershipRole, User
from .permissions import can_decide_account_request, can_manage_organisation, is_team


@login_required
def dashboard(request):
    user = request.user
    memberships = user.memberships.select_related("organisation__municipality")
    context = {
        "memberships": memberships,
        "notifications": user.notifications.all()[:10],
        "pending_requests": decidable_requests(user).count(),
        "is_team": is_team(user),
        "panels": dashboard_panels(request),
    }
    return render(request, "accounts/dashboard.html", context)


def decidable_requests(user):
    """The pending account requests this person may approve or decline."""
    pending = (
        AccountRequest.objects.pending()
        .select_related("organisation__municipality")
        .prefetch_related("organisation__served_municipalities", "organisation__themes")
    )
    if user.has_perm("accounts.decide_organisation_request"):
        return pending
    admin_of = Membership.objects.filter(user=user, role=MembershipRole.ADMIN).values("organisation")
    return pending.filter(Q(organisation__in=admin_of) & Q(is_new_organisation=False))


def request_account(request):
    form = AccountRequestForm(request.POST or None)
    if request.method == "POST" and (refusal := ratelimit.refusal(request, "account_request", account=request.POST.get("email"))):
        ratelimit.refuse(form, refusal)
        return render(request, "accounts/request_account.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        ratelimit.record(request, "account_request", account=request.POST.get("email"))
        data = form.cleaned_data
        actions.request_account(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            job_title=data["job_title"],
            motivation=data["motivation"],
            organisation=data.get("organisation"),
            new_organisation=form.new_organisation(),
        )
        return redirect("accounts:request_done")
    return render(request, "accounts/request_account.html", {"form": form}, status=400 if form.errors else 200)


def request_account_done(request):
    return render(request, "accounts/request_account_done.html")


@login_required
def account_requests(request):
    requests_ = decidable_requests(request.user)
    if (
        not requests_.exists()
        and not request.user.has_perm("accounts.decide_organisation_request")
        and not request.user.organisations_admin_of().exists()
    ):
        raise PermissionDenied
    return render(request, "accounts/account_requests.html", {"account_requests": requests_, "decline_form": DeclineForm()})


@login_required
@require_POST
def decide_account_request(request, pk):
    account_request = get_object_or_404(AccountRequest, pk=pk)
    allowed, reason = can_decide_account_request(request.user, account_request)
    if not allowed:
        raise PermissionDenied(reason)
    if request.POST.get("decision") == "approve":
        try:
            actions.approve_account_request(account_request, by=request.user, seen_profile=request.POST.get("profile_version"))
        except actions.ProfileChanged:
            messages.error(
                request,
                _("The profile of %(organisation)s changed while you were reviewing it. Check it again before approving.")
                % {"organisation": account_request.organisation.name},
            )
            return redirect(f"{reverse('accounts:requests')}#request-{account_request.pk}")
        messages.success(
            request,
            _("%(name)s now has access for %(organisation)s.")
            % {"name": account_request.full_name, "organisation": account_request.organisation.name},
        )
        return redirect("accounts:requests")
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "accounts/account_requests.html",
            {"account_requests": decidable_requests(request.user), "decline_form": form, "failed_pk": pk},
            status=400,
        )
    actions.decline_account_request(account_request, by=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("The request of %(name)s was declined.") % {"name": account_request.full_name})
    return redirect("accounts:requests")


def _managed_organisation(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    allowed, reason = can_manage_organisation(request.user, organisation)
    if not allowed:
        raise PermissionDenied(reason)
    return organisation


@login_required
def organisation_members(request, slug):
    organisation = _managed_organisation(request, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.invite_member(organisation, email=form.cleaned_data["email"], role=form.cleaned_data["role"], by=request.user)
        messages.success(request, _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]})
        return redirect("accounts:organisation_members", slug=slug)
    context = {
        "organisation": organisation,
        "memberships": organisation.memberships.select_related("user"),
        "invitations": [i for i in organisation.invitations.filter(accepted_at__isnull=True) if i.is_open],
        "form": form,
    }
    return render(request, "accounts/organisation_members.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def remove_member(request, slug, pk):
    organisation = _managed_organisation(request, slug)
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    if membership.user_id == request.user.pk:
        messages.error(request, _("You cannot remove yourself. Ask another administrator of your organisation."))
    else:
        actions.remove_member(membership, by=request.user)
        messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
    return redirect("accounts:organisation_members", slug=slug)


@login_required
def organisation_profile(request, slug):
    organisation = _managed_organisation(request, slug)
    form = OrganisationProfileForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        actions.update_organisation(organisation, by=request.user, form=form)
        messages.success(request, _("The profile of %(name)s was saved.") % {"name": organisation.name})
        return redirect("accounts:organisation_members", slug=slug)
    return render(
        request,
        "accounts/organisation_profile.html",
        {"organisation": organisation, "form": form},
        status=400 if form.errors else 200,
    )


def invitation(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    if not invitation.is_open:
        return render(request, "accounts/invitation_closed.html", {"invitation": invitation}, status=410)
    if request.user.is_authenticated:
        if request.method == "POST":
            actions.accept_invitation(invitation, user=request.user)
            messages.success(
                request, _("You are now a member of %(organisation)s.") % {"organisation": invitation.organisation.name}
            )
            return redirect("accounts:dashboard")
        return render(request, "accounts/invitation.html", {"invitation": invitation})
    if User.objects.filter(email__iexact=invitation.email).exists():
        # The invitation went to this address, so telling its holder to log in reveals nothing new.
        return redirect(f"{reverse('accounts:login')}?next={request.path}")
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = User.objects.create_user(
            email=invitation.email,
            password=form.cleaned_data["password1"],
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
        )
        actions.accept_invitation(invitation, user=user)
        messages.success(
            request, _("Welcome! You are now a member of %(organisation)s.") % {"organisation": invitation.organisation.name}
        )
        # Through the same door as the login form, so a role that needs a second factor gets asked for it.
        return start_login(request, user, reverse("accounts:dashboard"), method="invitation")
    return render(
        request, "accounts/invitation.html", {"invitation": invitation, "form": form}, status=400 if form.errors else 200
    )


@login_required
def follow_themes(request):
    form = FollowThemesForm(request.POST or None, initial={"themes": request.user.followed_themes.all()})
    if request.method == "POST" and form.is_valid():
        request.user.followed_themes.set(form.cleaned_data["themes"])
        messages.success(request, _("Your themes were saved."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/follow_themes.html", {"form": form}, status=400 if form.errors else 200)
