from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views

LOG_ACTIONS = {
    "expoo.privacy.export": _("Personal data downloaded"),
    "expoo.privacy.erasure_waiting": _("Erasure request waiting for an administrator"),
    "expoo.privacy.erased": _("Person erased"),
}


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for name, label in LOG_ACTIONS.items():
        actions.register_action(name, label, label)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("privacy/wissen/", admin_views.requests, name="privacy_admin_requests"),
        path("privacy/wissen/<int:pk>/", admin_views.run, name="privacy_admin_run"),
    ]


class ErasureMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("privacy.run_erasure")


@hooks.register("register_settings_menu_item")
def register_erasure_menu_item():
    return ErasureMenuItem(
        _("Erasure requests"), reverse("privacy_admin_requests"), name="erasure-requests", icon_name="user", order=900
    )
