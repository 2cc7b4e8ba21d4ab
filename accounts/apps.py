from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from .roles import sync_roles

        # Roles are groups whose permissions are declared in roles.py; keep them in step after
        # every migrate so a new permission reaches its role without a hand-written migration.
        post_migrate.connect(sync_roles, sender=self)

        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from .middleware import on_user_logged_in, on_user_logged_out

        # Every login marks the session strict or ordinary (timeouts); every logout is logged.
        user_logged_in.connect(on_user_logged_in, dispatch_uid="expoo.session_marks")
        user_logged_out.connect(on_user_logged_out, dispatch_uid="expoo.logout_event")
