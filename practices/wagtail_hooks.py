from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DescriptionTemplate

ACTIONS = {
    "register": _("Practice registered"),
    "plan_intake": _("Intake planned"),
    "accept_registration": _("Registration accepted"),
    "decline_registration": _("Registration declined"),
    "request_read_along": _("Read-along requested"),
    "return_read_along": _("Read-along feedback returned"),
    "submit": _("Description submitted"),
    "assign_reviewers": _("Reviewers assigned"),
    "declare_conflict": _("Conflict of interest declared"),
    "declare_no_conflict": _("No conflict of interest declared"),
    "submit_review": _("Review submitted"),
    "accept": _("Accepted by the commission"),
    "revise": _("Revision requested by the commission"),
    "upload_material": _("Material added"),
    "create_trajectory": _("Collective description started"),
}


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for name, label in ACTIONS.items():
        actions.register_action(f"expoo.practice.{name}", label, label)


class DescriptionTemplateViewSet(SnippetViewSet):
    model = DescriptionTemplate
    icon = "form"
    menu_label = _("Description template")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "version", "is_active"]


register_snippet(DescriptionTemplateViewSet)
