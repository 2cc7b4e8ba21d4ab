"""Two-factor login in the account area: its status, new recovery codes, and (administrators) a reset
of another person's second factor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from core import ratelimit

from . import actions, roles, two_factor
from .forms import AuthenticatorCodeForm, ResetTwoFactorForm
from .login_views import check_code
from .security_log import RECOVERY_CODES_RENEWED, log_event

TEMPLATE = "accounts/two_factor_settings.html"


@login_required
@never_cache
@sensitive_post_parameters("code")
def two_factor_settings(request):
    user = request.user
    device = two_factor.confirmed_totp(user)
    is_administrator = roles.is_administrator(user)
    renew_form = AuthenticatorCodeForm(request.POST if request.POST.get("action") == "renew" else None, prefix="renew")
    reset_form = ResetTwoFactorForm(request.POST if request.POST.get("action") == "reset" else None, prefix="reset")
    status = 200
    if request.method == "POST" and request.POST.get("action") == "renew" and device:
        refusal = ratelimit.refusal(request, "two_factor", account=user.pk)
        if refusal:
            ratelimit.refuse(renew_form, refusal)
            status = 429
        elif renew_form.is_valid() and check_code(request, renew_form, user, renew_form.cleaned_data["code"], app_only=True):
            codes = two_factor.new_recovery_codes(user)
            log_event(RECOVERY_CODES_RENEWED, request, user_id=user.pk)
            return render(request, "accounts/two_factor_recovery_codes.html", {"codes": codes, "finish_login": False})
    elif request.method == "POST" and request.POST.get("action") == "reset":
        if not is_administrator:
            raise PermissionDenied(_("Only administrators can reset another person's two-factor login."))
        if reset_form.is_valid():
            actions.reset_two_factor(reset_form.user, by=user)
            messages.success(
                request,
                _("The two-factor login of %(name)s has been reset. They set it up again at their next login.")
                % {"name": reset_form.user},
            )
            return redirect("accounts:two_factor_settings")
    if status == 200 and (renew_form.errors or reset_form.errors):
        status = 400
    context = {
        "device": device,
        "codes_left": two_factor.recovery_codes_left(user) if device else 0,
        "required": roles.needs_strict_login(user),
        "renew_form": renew_form,
        "reset_form": reset_form if is_administrator else None,
    }
    return render(request, TEMPLATE, context, status=status)
