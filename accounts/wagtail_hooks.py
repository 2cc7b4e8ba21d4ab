from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("expoo.account_request.create", _("Account requested"), _("Account requested"))
    actions.register_action("expoo.account_request.approve", _("Account request approved"), _("Account request approved"))
    actions.register_action("expoo.account_request.decline", _("Account request declined"), _("Account request declined"))
    actions.register_action("expoo.organisation.approve", _("Organisation approved"), _("Organisation approved"))
    actions.register_action("expoo.invitation.create", _("Member invited"), _("Member invited"))
    actions.register_action("expoo.invitation.accept", _("Invitation accepted"), _("Invitation accepted"))
    actions.register_action("expoo.membership.remove", _("Member removed"), _("Member removed"))
    actions.register_action("expoo.two_factor.reset", _("Two-factor login reset"), _("Two-factor login reset"))
