from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationAdminForm(WagtailAdminModelForm):
    """While a new organisation waits for the team's decision on its account request, its status is
    decided there (accounts.actions: the requester gets an account and an e-mail, the decision is
    logged), not by editing the organisation. Other organisations (added by the team, or decided
    already) keep an editable status."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "status" in self.fields and self.instance.has_pending_request():
            self.fields["status"].disabled = True
            self.fields["status"].help_text = _(
                "This organisation waits for the decision on its account request: approve or decline it in "
                "the team's workspace, under 'Account requests'."
            )


Organisation.base_form_class = OrganisationAdminForm


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "municipality", "status"]
    list_filter = ["status", "kind", "municipality__province"]
    search_fields = ["name"]


register_snippet(OrganisationViewSet)
